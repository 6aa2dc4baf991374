/**
 * Training speed: one epoch of fit against the same epoch done by a plain
 * hand-written Float64Array backprop loop, tfjs-cpu and tfjs-wasm (model.fit),
 * and fit again with every product on the JavaScript loop (setEngine('js')),
 * all from the same starting weights (test/train-bench/cases.ts; that they
 * compute the same training is checked in test/train-bench/agree.test.ts).
 * Run: npx vitest bench --run test/train.bench.ts
 */
import { afterAll, bench, describe } from 'vitest';
import { getEngine, setEngine } from '../src/index.js';
import { fitOptions, minibatchCase, smallCase } from './train-bench/cases.js';
import { plainTrainer } from './train-bench/plain-backprop.js';
import { type Backend, type TfjsTrainer, tfjsTrainer, useBackend } from './train-bench/tfjs-fit.js';

const engine = getEngine();
/** BENCH_CLOCK=cpu times calls by this process's CPU time (as test/forward.bench.ts does): on a shared machine, wall time mostly measures the waiting. */
const cpuClock = () => {
  const { user, system } = process.cpuUsage(); // microseconds
  return (user + system) / 1000;
};
const OPTIONS = { time: 2000, warmupIterations: 3, ...(process.env.BENCH_CLOCK === 'cpu' ? { now: cpuClock } : {}) };

for (const make of [smallCase, minibatchCase]) {
  const c = make();
  describe(`one training epoch, ${c.name}`, () => {
    const net = c.net();
    const plain = plainTrainer(c.net(), c.batchSize, c.learningRate);
    const trainers: Partial<Record<Backend, TfjsTrainer>> = {};
    // Each tfjs model is built on its own backend, and that backend is switched on before its runs.
    const onBackend = (backend: Backend) => async () => {
      await useBackend(backend);
      trainers[backend] ??= tfjsTrainer(c);
    };
    afterAll(() => Object.values(trainers).forEach((t) => t.dispose()));

    bench('feedforward fit', () => {
      net.fit(c.X, c.Y, fitOptions(c));
    }, OPTIONS);
    // The same, every product on the JavaScript loop (what fit ran before the WebAssembly kernel).
    bench('feedforward fit (js engine)', () => {
      net.fit(c.X, c.Y, fitOptions(c));
    }, { ...OPTIONS, setup: () => setEngine('js'), teardown: () => setEngine(engine) });
    bench('plain Float64Array loop', () => {
      plain.epoch(c.X.data, c.Y.data, c.X.cols);
    }, OPTIONS);
    bench('tfjs-cpu model.fit', async () => {
      await trainers.cpu!.epoch();
    }, { ...OPTIONS, setup: onBackend('cpu') });
    bench('tfjs-wasm model.fit', async () => {
      await trainers.wasm!.epoch();
    }, { ...OPTIONS, setup: onBackend('wasm') });
  });
}
