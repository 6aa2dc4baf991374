/**
 * Pictures of what a network computes, from `feedforward/plot`:
 *   kinks.svg     the article's [1, 2, 2, 1] ReLU network: ŷ(x) with its four exact kinks,
 *                 and beneath it each hidden neuron's own kinked line (plotFunction)
 *   deep.svg      a deeper [1, 8, 8, 8, 1] network: many more kinks from the same kind of neuron
 *   decision.svg  a [2, 8, 8, 1] network over the plane, with seeded data points (plotDecision)
 *   regions.svg   the same network's linear regions: one colour per ReLU on/off pattern
 *   training.svg  a loss curve (plotTraining), from the history net.fit returns
 * and prints the terminal twin (asciiPlot).
 *
 * Run it:  npx tsx examples/plots.ts [folder] [file.svg ...]   (default folder: out/, which git
 *          ignores; name files to write only those: `npm run render-docs` writes docs/kinks.svg
 *          and docs/regions.svg, the README's pictures, and checks them in Chromium)
 * SVG needs the optional packages vega and vega-lite: npm install vega vega-lite
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Network, createRandom, kinks } from '../src/index.js';
import { asciiPlot, plotDecision, plotFunction, plotTraining } from '../src/plot/index.js';

const [folder = 'out', ...only] = process.argv.slice(2); // e.g. docs kinks.svg regions.svg: write just those
mkdirSync(folder, { recursive: true });
const write = (name: string, svg: string) => {
  if (only.length > 0 && !only.includes(name)) return;
  writeFileSync(join(folder, name), svg);
  console.log(`wrote ${join(folder, name)} (${(svg.length / 1024).toFixed(0)} KB)`);
};

// The article's network: 1 input, two hidden layers of two ReLU neurons, 1 output, random weights.
// Seed 291 is one where all four kinks fall inside [-1.5, 2.5], one per hidden neuron.
const article = new Network({ layers: [1, 2, 2, 1], seed: 291 });
const domain = [-1.5, 2.5] as const;
console.log(`The article's network, layers [1, 2, 2, 1], seed 291, x in [${domain.join(', ')}]:\n`);
console.log(asciiPlot(article, { domain, width: 64, height: 10 }));
for (const { layer, node, breakpoints } of kinks(article, { domain }).neurons) {
  console.log(`  layer ${layer} node ${node} switches at x = ${breakpoints.map((x) => x.toFixed(4)).join(', ') || '(never in this domain)'}`);
}
console.log();
write('kinks.svg', await plotFunction(article, { domain, neurons: true }));

// Deeper: the same neurons stacked, each layer bending the lines of the one before.
const deep = new Network({ layers: [1, 8, 8, 8, 1], seed: 3 });
write('deep.svg', await plotFunction(deep, { domain: [-3, 3], title: 'A deeper network: [1, 8, 8, 8, 1]' }));

// Two inputs: 120 seeded points, labelled 1 inside the circle x₁² + x₂² < 1.5, else 0.
const random = createRandom(5);
const x1 = Array.from({ length: 120 }, () => random.between(-2, 2));
const x2 = Array.from({ length: 120 }, () => random.between(-2, 2));
const Y = [x1.map((a, j) => (a * a + x2[j] * x2[j] < 1.5 ? 1 : 0))];
const plane = new Network({ layers: [2, 8, 8, 1], seed: 11 });
write('decision.svg', await plotDecision(plane, { domain: [-2, 2], data: { X: [x1, x2], Y } }));
write('regions.svg', await plotDecision(plane, { domain: [-2, 2], data: { X: [x1, x2], Y }, regions: true }));

// A loss curve: plotTraining draws any { loss, validationLoss? }, the object net.fit returns.
const history = {
  loss: Array.from({ length: 60 }, (_, e) => 0.02 + 0.9 * Math.exp(-e / 8)),
  validationLoss: Array.from({ length: 60 }, (_, e) => 0.05 + 0.9 * Math.exp(-e / 9) + 0.0004 * e),
};
write('training.svg', await plotTraining(history, { log: true }));
