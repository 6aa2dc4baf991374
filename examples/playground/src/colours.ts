/**
 * One colour per hidden neuron, the same in the diagram, the function view,
 * the neuron plots and both steppers, so a learner can follow a neuron from
 * view to view. Weights are blue when positive and orange when negative.
 */

/**
 * Sixteen colours, one per hidden neuron up to 16, each far from every other (a CIEDE2000 difference of
 * 20 or more; 2.3 is the smallest an eye notices) and from the weights' blue and orange, the output's black
 * and the inputs' grey. Picked by farthest-point sampling among sRGB colours of medium lightness, starting
 * from teal (the test in test/playground/colours.test.ts measures them with culori).
 */
export const PALETTE: readonly string[] = [
  '#0d9488', '#f1176a', '#ec940d', '#bb45e4', '#1d44a3', '#94bc12', '#62490d', '#02a9f7',
  '#86046b', '#227702', '#afa1d8', '#901211', '#23c987', '#d9988f', '#066374', '#94864c',
];

export const POSITIVE = '#2563eb';
export const NEGATIVE = '#ea580c';
export const OUTPUT = '#111827';
export const INPUT = '#94a3b8';

/**
 * The colour of neuron `node` (from 1) of layer `layer` (0 = the inputs, sizes.length − 1 = the output),
 * counting hidden neurons layer after layer: layer 1 node 1 is the first colour.
 */
export function neuronColour(sizes: readonly number[], layer: number, node: number): string {
  if (layer === 0) return INPUT;
  if (layer === sizes.length - 1) return OUTPUT;
  let before = 0;
  for (let l = 1; l < layer; l++) before += sizes[l];
  return PALETTE[(before + node - 1) % PALETTE.length];
}
