/**
 * feedforward/node: networks and data as files, in Node. A separate entry
 * point, so that the core ('feedforward') imports nothing from Node and runs
 * in browsers. Like src/index.ts, this list is the whole entry.
 */

// A network as a JSON file, saved atomically and read as untrusted input.
export { saveNetwork } from './interop/network-files.js';
export { loadNetwork, loadTfjsModel, loadOnnx } from './network/files.js';
// What every reader of a file allows: a regular file of at most MAX_FILE_BYTES.
export { MAX_FILE_BYTES } from './interop/read-file.js';

// CSV files in, as records for fromRecords.
export { readCsv, READ_CSV_DEFAULTS } from './interop/csv.js';
export type { CsvValue, ReadCsvOptions } from './interop/csv.js';
export type { TextEncoding } from './interop/text.js';

// TensorFlow.js files (model.json + weights.bin).
export { saveTfjsModel } from './interop/tfjs-files.js';

// ONNX model files (model.onnx, and the external data PyTorch may write beside it).
export { saveOnnx } from './interop/onnx-files.js';
