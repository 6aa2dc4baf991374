/**
 * The forward-pass race of issue 2 (`npm run bench`; `node scripts/bench-report.mjs`
 * prints the ratios). Each network is run by four competitors on the same
 * seeded weights and inputs:
 *
 *   plain loop       the forward pass written by hand, no tiling (the baseline)
 *   Network.forward  this library (its engine as set: 'auto' unless FEEDFORWARD_ENGINE says otherwise)
 *   Network.forward (js engine)   this library with every product on the JavaScript loop
 *   tfjs-cpu         @tensorflow/tfjs, pure-JS cpu backend, float32
 *   tfjs-wasm        @tensorflow/tfjs-backend-wasm, WebAssembly SIMD, float32
 *
 * tfjs's backend is global, so each tfjs bench switches to its backend and
 * makes its tensors in its own `setup` (run before its warm-up and its timed
 * run), and frees them in `teardown`. Before timing, every competitor's output
 * is checked against Network.forward (test/bench/competitors.test.ts checks the
 * same in the unit tests).
 */
import { bench, describe } from 'vitest';
import { getEngine, setEngine } from '../src/index.js';
import { FLOAT32_TOLERANCE, largestError } from './bench/agree.js';
import { benchCases } from './bench/cases.js';
import { plainForward, plainLayers } from './bench/plain-loop.js';
import { type Backend, type TfjsForward, tfjsForward, useBackend } from './bench/tfjs.js';

/**
 * Each bench runs for about a second after its warm-up. BENCH_CLOCK=cpu times
 * calls by the CPU time of this process instead of the wall clock: on a shared
 * machine, where other processes take turns on the cores, wall time mostly
 * measures the waiting, CPU time the work.
 */
const cpuClock = () => {
  const { user, system } = process.cpuUsage(); // microseconds
  return (user + system) / 1000;
};
const engine = getEngine();
const timing = { time: 1000, warmupTime: 200, ...(process.env.BENCH_CLOCK === 'cpu' ? { now: cpuClock } : {}) };

for (const { name, net, X } of benchCases()) {
  describe(`forward ${name}`, () => {
    const want = net.forward(X);
    const layers = plainLayers(net);
    if (largestError(plainForward(layers, X.data, X.cols), want) !== 0) {
      throw new Error(`forward ${name}: the plain loop disagrees with Network.forward`);
    }

    bench('plain loop', () => {
      plainForward(layers, X.data, X.cols);
    }, timing);

    bench('Network.forward', () => {
      net.forward(X);
    }, timing);

    // The same, every product on the JavaScript loop (what 'Network.forward' ran before the WebAssembly kernel).
    bench('Network.forward (js engine)', () => {
      net.forward(X);
    }, { ...timing, setup: () => setEngine('js'), teardown: () => setEngine(engine) });

    for (const backend of ['cpu', 'wasm'] as Backend[]) {
      let tfjs: TfjsForward | undefined;
      bench(`tfjs-${backend}`, () => {
        tfjs!.run();
      }, {
        ...timing,
        setup: async () => {
          await useBackend(backend);
          tfjs = tfjsForward(net, X);
          const error = largestError(tfjs.run(), want);
          if (!(error < FLOAT32_TOLERANCE)) throw new Error(`forward ${name}: tfjs-${backend} is off by ${error}`);
        },
        teardown: () => {
          tfjs?.dispose();
          tfjs = undefined;
        },
      });
    }
  });
}
