/**
 * The shared checks behind every message (src/core/validate.ts): sizes and their
 * limit, option keys with "did you mean", and the one finiteness pass.
 */
import { describe, expect, it } from 'vitest';
import { ValueError } from '../src/index.js';
import { MAX_ENTRIES, allFinite, checkEntries, checkLayerSizes, checkOptions, checkResult, checkSize, didYouMean, editDistance } from '../src/core/validate.js';
import { expectError } from './helpers/errors.js';

describe('sizes', () => {
  it('MAX_ENTRIES (2³⁰) itself is allowed, one more is not', () => {
    expect(checkSize(MAX_ENTRIES, 'f', 'n')).toBe(2 ** 30);
    expectError(() => checkSize(MAX_ENTRIES + 1, 'f', 'n'), ValueError, 'f: n is 1073741825 but sizes must be at most 1073741824 (2³⁰)');
  });
  it('a 2¹⁵ × 2¹⁵ matrix is exactly MAX_ENTRIES numbers and allowed; 2¹⁵ × (2¹⁵ + 1) is not', () => {
    expect(() => checkEntries(2 ** 15, 2 ** 15, 'f')).not.toThrow();
    expectError(() => checkEntries(2 ** 15, 2 ** 15 + 1, 'f'), ValueError, 'f: the matrix would be 32768×32769 = 1073774592 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)');
  });
  it('checkLayerSizes checks each weight matrix nOut × nIn, naming the layer', () => {
    expect(checkLayerSizes([1, 2 ** 15, 2 ** 15, 1], 'f')).toEqual([1, 2 ** 15, 2 ** 15, 1]);
    expectError(() => checkLayerSizes([1, 2 ** 15, 2 ** 16, 1], 'f'), ValueError, "f: layer 2's weights would be 65536×32768 = 2147483648 numbers but one matrix holds at most 1073741824 (2³⁰, 8 GiB)");
  });
  it('checkLayerSizes returns a copy, and reads a hole as undefined', () => {
    const sizes = [1, 2];
    expect(checkLayerSizes(sizes, 'f')).not.toBe(sizes);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this test
    expectError(() => checkLayerSizes([1, , 1], 'f'), ValueError, "f: layer 1's size (layers[1]) is undefined but sizes must be whole numbers ≥ 1");
  });
});

describe('options', () => {
  it('undefined means no options', () => {
    expect(checkOptions(undefined, { seed: 42 }, 'f')).toEqual({});
  });
  it('a string is not an options object', () => {
    expectError(() => checkOptions('seed' as never, { seed: 42 }, 'f'), ValueError, 'f: options are "seed" but must be an object (known options: seed)');
  });
  it('null is not an options object', () => {
    expectError(() => checkOptions(null as never, { seed: 42 }, 'f'), ValueError, 'f: options are null but must be an object (known options: seed)');
  });
  it('an array is not an options object', () => {
    expectError(() => checkOptions([1] as never, { seed: 42 }, 'f'), ValueError, 'f: options are an array of 1 entry but must be an object (known options: seed)');
  });
  it('known keys pass and the same object comes back', () => {
    const options = { seed: 1 };
    expect(checkOptions(options, { seed: 42, scale: 1 }, 'f')).toBe(options);
  });
});

describe('did you mean', () => {
  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('hiden', 'hidden')).toBe(1); // insert d
    expect(editDistance('layers', 'layer')).toBe(1); // delete s
    expect(editDistance('seed', 'sees')).toBe(1); // substitute d → s
    expect(editDistance('kitten', 'sitting')).toBe(3); // the textbook example
    expect(editDistance('nmae', 'name')).toBe(1); // swap m and a
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'ca')).toBe(3); // no swap applies: a swap is of neighbours only, once
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
  it('suggests a name at most a third of its letters away, ignoring case', () => {
    expect(didYouMean('RELU', ['relu', 'tanh'])).toBe(' (did you mean "relu"?)');
    expect(didYouMean('sigmod', ['sigmoid'])).toBe(' (did you mean "sigmoid"?)'); // 1 of 7
    expect(didYouMean('sigm', ['sigmoid'])).toBe(''); // 3 of 7: too far
    expect(didYouMean('xy', ['ab'])).toBe(''); // 2 of 2
    expect(didYouMean('a', ['b'])).toBe(' (did you mean "b"?)'); // short names allow one letter
  });
  it('between equally near names, the first listed wins', () => {
    expect(didYouMean('ab', ['ax', 'ay'])).toBe(' (did you mean "ax"?)');
  });
  it('with no names there is nothing to suggest', () => {
    expect(didYouMean('x', [])).toBe('');
  });
});

describe('the finiteness pass', () => {
  it('is silent for finite data, -0 and the largest doubles included', () => {
    expect(() => checkResult(new Float64Array([-0, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE]), 2, 'f', 'Z')).not.toThrow();
  });
  it('names the first bad entry by row and column, shifted by the first column of a block', () => {
    // Entry 5 of a 2-column block is row 3, column 2; the block starts at column 257 (firstCol 256).
    const data = new Float64Array([0, 0, 0, 0, 0, -Infinity, NaN, 0]);
    expectError(() => checkResult(data, 2, 'f', 'Z', 256), ValueError, "f: Z has -Infinity at row 3, column 258 but results must be finite (the numbers grew past float64's ±1.8e308; scale the inputs or weights down)");
  });
});

describe('allFinite (four sums side by side)', () => {
  it('is false for one NaN, Infinity or −Infinity at any place, in any of the four sums or the leftover entries', () => {
    for (let length = 1; length <= 9; length++) {
      for (let at = 0; at < length; at++) {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const data = new Float64Array(length).fill(1);
          data[at] = bad;
          expect(allFinite(data), `${bad} at ${at} of ${length}`).toBe(false);
        }
      }
    }
  });
  it('is true for finite numbers, the extremes included, and for no numbers', () => {
    expect(allFinite(new Float64Array([0, -0, 5e-324, -1.7976931348623157e308, 1.7976931348623157e308, 1, 2]))).toBe(true);
    expect(allFinite(new Float64Array(0))).toBe(true);
  });
});
