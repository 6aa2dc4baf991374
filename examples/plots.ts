/**
 * Pictures of what a network computes, from `feedforward/plot`:
 *   kinks.svg     the article's [1, 2, 2, 1] ReLU network: ŷ(x) with its four exact kinks,
 *                 and beneath it each hidden neuron's own kinked line (plotFunction)
 *   deep.svg      a deeper [1, 8, 8, 8, 1] network: many more kinks from the same kind of neuron
 *   training.svg  the loss per epoch of a [1, 16, 16, 1] network learning sin(x) (plotTraining)
 *   fit.svg       the function it learned, its kinks and the training data (plotFunction)
 *   decision.svg  a [2, 8, 8, 1] classifier trained on two circles, over the plane (plotDecision)
 *   regions.svg   the same network's linear regions: one colour per ReLU on/off pattern
 * and prints the terminal twin (asciiPlot).
 *
 * Run it:  npx tsx examples/plots.ts [folder] [file.svg ...]   (default folder: out/, which git
 *          ignores; name files to write only those: `npm run render-docs` writes docs/kinks.svg
 *          and docs/regions.svg, the pictures of docs/plots.md, and checks them in Chromium)
 * SVG needs the optional packages vega and vega-lite: npm install vega vega-lite
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Network, articleNetwork, datasets, kinks } from '../src/index.js';
import { asciiPlot, plotDecision, plotFunction, plotTraining } from '../src/plot/index.js';

const [folder = 'out', ...only] = process.argv.slice(2); // e.g. docs kinks.svg regions.svg: write just those
mkdirSync(folder, { recursive: true });
const write = (name: string, svg: string) => {
  if (only.length > 0 && !only.includes(name)) return;
  writeFileSync(join(folder, name), svg);
  console.log(`wrote ${join(folder, name)} (${(svg.length / 1024).toFixed(0)} KB)`);
};

// The article's network: 1 input, two hidden layers of two ReLU neurons, 1 output, with the
// hand-picked weights of src/network/article.ts (the demo's, kinks.ts's and the playground's network).
const article = articleNetwork();
const domain = [-3, 3] as const;
console.log(`The article's network, articleNetwork(), layers [1, 2, 2, 1], x in [${domain.join(', ')}]:\n`);
console.log(asciiPlot(article, { domain, width: 64, height: 10 }));
for (const { layer, node, breakpoints } of kinks(article, { domain }).neurons) {
  console.log(`  layer ${layer} node ${node} switches at x = ${breakpoints.map((x) => x.toFixed(4)).join(', ') || '(never in this domain)'}`);
}
console.log();
write('kinks.svg', await plotFunction(article, { domain, neurons: true }));

// Deeper: the same neurons stacked, each layer bending the lines of the one before.
const deep = new Network({ layers: [1, 8, 8, 8, 1], seed: 3 });
write('deep.svg', await plotFunction(deep, { domain: [-3, 3], title: 'A deeper network: [1, 8, 8, 8, 1]' }));

// Training: a [1, 16, 16, 1] network learns y = sin(x) from 200 noisy samples, checked on 100 others.
// Its prediction stays piecewise linear: fit.svg shows where training put its kinks.
const train = datasets.sine({ samples: 200, seed: 1 });
const held = datasets.sine({ samples: 100, seed: 2 });
const curve = new Network({ layers: [1, 16, 16, 1], seed: 3 });
const history = curve.fit(train.X, train.Y, { epochs: 300, learningRate: 0.01, validation: held });
write('training.svg', await plotTraining(history, { log: true, title: 'Learning sin(x): loss per epoch' }));
write('fit.svg', await plotFunction(curve, { domain: [-Math.PI, Math.PI], data: train, title: 'A ReLU network fitted to sin(x)' }));

// Two inputs: a [2, 8, 8, 1] classifier trained on two noisy circles (label 1 on the inner one).
const rings = datasets.circles({ samples: 200, noise: 0.1, seed: 4 });
const plane = new Network({ layers: [2, 8, 8, 1], output: 'sigmoid', seed: 11 });
plane.fit(rings.X, rings.Y, { epochs: 400, learningRate: 0.02 });
write('decision.svg', await plotDecision(plane, { domain: [-1.6, 1.6], data: rings, title: 'A classifier trained on two circles' }));
write('regions.svg', await plotDecision(plane, { domain: [-1.6, 1.6], data: rings, regions: true }));
