// Types for scripts/build-onnx.mjs, so the TypeScript tests can import it.
export declare const PROTO_FILE: string;
export declare const MODULE_FILE: string;
export declare const TYPES_FILE: string;
export declare function onnxModule(protoFile?: string): Promise<{ js: string; dts: string }>;
