// Types for scripts/build-wasm.mjs, so the TypeScript tests can import it.
export declare const WAT_FILE: string;
export declare const MODULE_FILE: string;
export declare function wasmBytes(watText?: string): Promise<Uint8Array>;
export declare function moduleSource(bytes: Uint8Array): string;
