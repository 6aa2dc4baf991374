/**
 * A check-up before training: diagnose(net, X) reads each layer's z and a on
 * your data and says, in plain words, what will stop the network learning.
 *
 * Run: npx tsx examples/diagnose.ts
 */
import { Matrix, Network, createRandom, diagnose } from '../src/index.js';

/** inputs × samples data with each row standardized to mean 0 and standard deviation 1. */
function standardized(inputs: number, samples: number, seed: number): Matrix {
  const random = createRandom(seed);
  const X = new Matrix(inputs, samples);
  for (let i = 0; i < inputs; i++) {
    const row = X.data.subarray(i * samples, (i + 1) * samples);
    for (let n = 0; n < samples; n++) row[n] = random.uniform() + random.uniform() + random.uniform();
    const mean = row.reduce((s, v) => s + v, 0) / samples;
    const sd = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / samples);
    for (let n = 0; n < samples; n++) row[n] = (row[n] - mean) / sd;
  }
  return X;
}

const X = standardized(4, 300, 1); // 4 features, 300 samples (one column each)

console.log('1. A fresh [4, 8, 8, 1] ReLU network (seed 1) on standardized data:');
console.log(diagnose(new Network({ layers: [4, 8, 8, 1], seed: 1 }), X).toString());

console.log('\n2. The same architecture with seed 5: fresh ReLU networks often start with a neuron that never fires.');
console.log(diagnose(new Network({ layers: [4, 8, 8, 1], seed: 5 }), X).toString());

// The same features left raw, in the hundreds, as a data file might hold them.
const raw = new Matrix(X.rows, X.cols, X.data.map((v) => 200 + 50 * v));

console.log('\n3. The seed-1 ReLU network on the raw data (forgot to standardize):');
console.log(diagnose(new Network({ layers: [4, 8, 8, 1], seed: 1 }), raw).toString());

console.log('\n4. A tanh network on the raw data:');
console.log(diagnose(new Network({ layers: [4, 3, 1], hidden: 'tanh', init: 'xavier', seed: 1 }), raw).toString());
