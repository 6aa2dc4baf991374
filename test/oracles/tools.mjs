// The maintainers' tools that the scripts of scripts/ import (the others run as commands: biome, stryker, publint,
// attw), from the oracle package. Each is loaded when a script asks for it.
import { need } from './need.mjs';

/** wabt: WebAssembly text → bytes (scripts/build-wasm.mjs). */
export async function wabt() {
  need('wabt');
  return (await import('wabt')).default;
}

/** protobufjs-cli's pbjs: ONNX's schema → a protobuf.js module (scripts/build-onnx.mjs). */
export async function pbjs() {
  need('protobufjs-cli');
  return (await import('protobufjs-cli')).pbjs;
}

/** API Extractor: the public API as reviewers read it (scripts/api-report.mjs). */
export async function apiExtractor() {
  need('@microsoft/api-extractor');
  return await import('@microsoft/api-extractor');
}
