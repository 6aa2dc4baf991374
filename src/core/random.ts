/**
 * The seeded random generator behind every random number in the library.
 *
 * Same seed, same numbers, on every machine: the generator uses only 32-bit
 * integer arithmetic (Math.imul, shifts), and turns its integers into floats
 * by exact division, so no engine's rounding can creep in. (Math.log and
 * Math.cos are not required to round the same everywhere, so we draw from
 * uniform distributions, whose scales need only Math.sqrt, which IEEE 754
 * rounds exactly.)
 */
import { ValueError, describeValue } from './errors.js';
import { isWholeNumber } from './validate.js';

/** A seed: an integer from 0 to 2³²−1. */
export type Seed = number;

/** The seed used when none is given, so that even "unseeded" runs repeat. */
export const DEFAULT_SEED: Seed = 42;

/** A seeded generator, as `createRandom(seed)` returns it. */
export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A float in [lo, hi). */
  between(lo: number, hi: number): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A new array with the entries of `items` in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** Checks a seed and says what a seed must be. */
export function checkSeed(seed: unknown, where: string): Seed {
  if (!isWholeNumber(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ValueError(`${where}: seed is ${describeValue(seed)} but a seed must be an integer from 0 to 4294967295`);
  }
  return seed;
}

/**
 * A generator seeded with `seed`. The stream is sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator, as in PractRand), with its state set from
 * the seed by splitmix32 and warmed up by 12 rounds.
 * @example createRandom(42).uniform() //=> 0.23955312807799112 (the same on every machine)
 */
export function createRandom(seed: Seed = DEFAULT_SEED, where = 'createRandom'): Random {
  checkSeed(seed, where);
  // splitmix32: spreads one 32-bit seed over four state words.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();

  // sfc32: one 32-bit unsigned integer per call.
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();

  const uniform = (): number => {
    // 53 bits: 27 high bits and 26 low bits, divided exactly by 2⁵³.
    const high = next32() >>> 5;
    const low = next32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  };

  return {
    uniform,
    between: (lo, hi) => {
      const x = typeof lo === 'number' && typeof hi === 'number' ? lo + (hi - lo) * uniform() : NaN;
      // One test per draw catches NaN or non-number bounds and a range past float64 (hi − lo overflowing).
      if (!Number.isFinite(x)) {
        throw new ValueError(
          `Random.between: lo is ${describeValue(lo)} and hi is ${describeValue(hi)} but both must be finite numbers less than 1.8e308 apart`,
        );
      }
      return x;
    },
    int: (n) => {
      if (!isWholeNumber(n) || n < 1 || n > 2 ** 53) {
        throw new ValueError(
          `Random.int: n is ${describeValue(n)} but it must be a whole number from 1 to 2⁵³ (the draw is in [0, n))`,
        );
      }
      return Math.floor(uniform() * n);
    },
    shuffle<T>(items: readonly T[]): T[] {
      if (!Array.isArray(items)) {
        throw new ValueError(`Random.shuffle: items is ${describeValue(items)} but it must be an array`);
      }
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
  };
}
