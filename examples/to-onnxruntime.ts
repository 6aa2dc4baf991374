/**
 * The road out to onnxruntime: a network trained here, saved as an ONNX model,
 * and run by onnxruntime, the engine that runs ONNX on servers, GPUs, phones and
 * in browsers (here onnxruntime-web, in Node through WebAssembly). The file
 * carries the standardizing too, so onnxruntime takes the raw inputs and answers
 * in the data's own units, as net.predict does.
 *
 * Run it:  npx tsx examples/to-onnxruntime.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, createRandom, matrix, standardize } from '../src/index.js';
import { loadOnnx, saveOnnx } from '../src/node.js';
import { ort } from '../test/oracles/onnxruntime.js'; // onnxruntime-web, from the oracle package: npm run oracles

ort.env.wasm.numThreads = 1;

// A seeded network learns a day's temperature (°C) from the hour (0–24): far from mean 0 and σ 1 both ways.
const random = createRandom(3);
const hours = Array.from({ length: 96 }, () => random.between(0, 24));
const temperature = (h: number) => 14 + 8 * Math.sin(((h - 9) / 24) * 2 * Math.PI);
const X = [hours];
const Y = [hours.map(temperature)];
const net = new Network({ layers: [1, 12, 12, 1], hidden: 'tanh', seed: 5 });
const inputs = standardize(X); // hours → mean 0, σ 1
const outputs = standardize(Y); // °C → mean 0, σ 1
net.standardize = { inputs, outputs }; // predict (and the ONNX file) scale raw hours in and °C out
const history = net.fit(inputs.apply(X), outputs.apply(Y), { epochs: 400, optimizer: 'adam' });
console.log(`trained: loss ${history.loss[0].toPrecision(3)} → ${history.loss.at(-1)?.toPrecision(3)} after ${history.loss.length} epochs`);

// Saved as ONNX twice: float32 (what every runtime and GPU runs) and float64 (every weight exact).
const folder = mkdtempSync(join(tmpdir(), 'feedforward-onnx-'));
try {
  const files = { float32: join(folder, 'temperature.onnx'), float64: join(folder, 'temperature-f64.onnx') };
  await saveOnnx(net, files.float32);
  await saveOnnx(net, files.float64, { dtype: 'float64' });

  const samples = [0, 6, 9, 12, 15, 18];
  const ours = net.predict<number>(samples);
  console.log('hour                ', matrix([samples]).toString());
  console.log('true °C             ', matrix([samples.map(temperature)]).toString());
  console.log('net.predict         ', matrix([ours]).toString());
  for (const dtype of ['float32', 'float64'] as const) {
    const bytes = readFileSync(files[dtype]);
    const session = await ort.InferenceSession.create(bytes);
    const x = dtype === 'float32' ? Float32Array.from(samples) : Float64Array.from(samples);
    const { y } = await session.run({ x: new ort.Tensor(dtype, x, [samples.length, 1]) });
    const theirs = Array.from(y.data as Float32Array | Float64Array);
    const worst = Math.max(...ours.map((v, n) => Math.abs(v - theirs[n]) / Math.abs(v)));
    console.log(`onnxruntime, ${dtype}`, matrix([theirs]).toString(), ` (${bytes.length} bytes; largest relative difference ${worst.toExponential(1)})`);
    await session.release();
  }

  // And back: the float64 file read into feedforward gives the very same network.
  const back = await loadOnnx(files.float64);
  console.log(`loadOnnx(float64 file) predicts the same bits: ${back.predict<number>(samples).every((v, n) => Object.is(v, ours[n]))}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
