// Types for scripts/entries.mjs, so the TypeScript tests can import it.
export declare const exportSpecifiers: string[];
export declare const sourceEntries: string[];
export declare const isNodeOnly: (entry: string) => boolean;
