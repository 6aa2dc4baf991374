/**
 * One colour per hidden neuron, the same in the diagram, the function view,
 * the neuron plots and both steppers, so a learner can follow a neuron from
 * view to view. Weights are blue when positive and orange when negative.
 */

/** Twelve colours that stay apart from each other and from the weights' blue and orange. */
const PALETTE = ['#0d9488', '#7c3aed', '#db2777', '#65a30d', '#ca8a04', '#0891b2', '#9333ea', '#e11d48', '#4d7c0f', '#a16207', '#0e7490', '#be185d'];

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
