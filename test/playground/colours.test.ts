/**
 * The playground's neuron colours (examples/playground/src/colours.ts), measured: one colour per hidden
 * neuron, none near another. CIEDE2000 (culori) is the colour difference an eye judges: 2.3 is the
 * smallest it notices; the page's colours are 20 or more apart, where the old palette had a pair at 3.6.
 */
import { differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { NEGATIVE, OUTPUT, PALETTE, POSITIVE, neuronColour } from '../../examples/playground/src/colours.js';

const difference = differenceCiede2000();

/** The smallest difference between two of the colours. */
function closest(colours: readonly string[]): number {
  let least = Number.POSITIVE_INFINITY;
  for (const [i, a] of colours.entries()) for (const b of colours.slice(i + 1)) least = Math.min(least, difference(a, b));
  return least;
}

describe('the playground’s neuron colours', () => {
  it('gives the hidden neurons of a network of up to 16 of them as many different colours, layer after layer', () => {
    const sizes = [1, 6, 6, 4, 1]; // 16 hidden neurons
    const colours = sizes.slice(1, -1).flatMap((n, l) => Array.from({ length: n }, (_, i) => neuronColour(sizes, l + 1, i + 1)));
    expect(colours.length).toBe(16);
    expect(new Set(colours).size).toBe(16);
  });

  it('keeps every two of its 16 colours at least 20 apart (CIEDE2000), none near-identical', () => {
    expect(PALETTE.length).toBe(16);
    expect(closest(PALETTE)).toBeGreaterThanOrEqual(20);
  });

  it('keeps them apart from the weights’ blue and orange and from the output’s black (12 or more)', () => {
    for (const colour of PALETTE) {
      for (const other of [POSITIVE, NEGATIVE, OUTPUT]) expect(difference(colour, other)).toBeGreaterThanOrEqual(12);
    }
  });

  it('starts again from the first colour at the 17th hidden neuron', () => {
    const sizes = [1, 16, 2, 1];
    expect(neuronColour(sizes, 2, 1)).toBe(PALETTE[0]);
    expect(neuronColour(sizes, 2, 2)).toBe(PALETTE[1]);
  });
});
