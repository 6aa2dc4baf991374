// Types for test/oracles/need.mjs, so the TypeScript tests and examples can import it.
export declare const ORACLES: string;
export declare const ORACLES_MODULES: string;
export declare const DATA_SETS: string[];
export declare const SIZE_MB: { all: number; dataSets: number };
export declare function missingMessage(name: string): string;
export declare function need(name: string): void;
