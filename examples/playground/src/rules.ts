/**
 * The rule of every number the page takes, in one place: a box checks what is
 * typed with its rule (inputs.ts), and a link's value is read with the same
 * rule (url.ts), so a link can set nothing that a box would refuse.
 */

/** A rule: what a good value is, as a test and in words for the message ("a number > 0"). */
export interface Rule {
  label: string;
  says: string;
  test: (value: number) => boolean;
  step?: string;
  min?: string;
  max?: string;
}

const whole = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
const within = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;

/** The largest weight or bias a learner can type: large enough to saturate anything, far from overflowing. */
export const MAX_WEIGHT = 1000;
/** The largest input or target of a point (clicked, in a link, or in a CSV). */
export const MAX_POINT = 1e6;
/** The most points of your own data the page trains on (a CSV's rows, or a page file's points). */
export const MAX_OWN_POINTS = 10_000;
/** The speeds offered, in epochs per second (0: full speed). */
export const SPEED_VALUES: readonly number[] = [1, 3, 20, 0];

export const RULES = {
  seed: { label: 'seed', says: 'a whole number from 0 to 4294967295', test: whole(0, 0xffffffff), step: '1', min: '0' },
  dataSeed: { label: 'data seed', says: 'a whole number from 0 to 4294967295', test: whole(0, 0xffffffff) },
  noise: { label: 'noise', says: 'a number from 0 to 1', test: within(0, 1) },
  trainShare: { label: 'training share', says: 'a number > 0 and at most 1', test: (v: number) => v > 0 && v <= 1 },
  learningRate: {
    label: 'learning rate',
    says: 'a number > 0 and at most 10',
    test: (v: number) => v > 0 && v <= 10,
    step: '0.001',
    min: '0',
    max: '10',
  },
  batchSize: { label: 'batch size', says: 'a whole number ≥ 1', test: whole(1, Number.MAX_SAFE_INTEGER), step: '1', min: '1' },
  l2: { label: 'L2 λ', says: 'a number from 0 to 10', test: within(0, 10), step: '0.001', min: '0', max: '10' },
  speed: { label: 'speed', says: `one of ${SPEED_VALUES.join(', ')} (epochs a second, 0: full speed)`, test: (v: number) => SPEED_VALUES.includes(v) },
  stepLayer: { label: 'forward stepper layer', says: 'a whole number from 1 to 8', test: whole(1, 8) },
  backLayer: { label: 'backpropagation layer', says: 'a whole number from 1 to 8', test: whole(1, 8) },
  sampleIndex: { label: 'sample', says: 'a whole number from 0 to 1000000', test: whole(0, 1e6) },
  weight: {
    label: 'w',
    says: `a number from −${MAX_WEIGHT} to ${MAX_WEIGHT}`,
    test: within(-MAX_WEIGHT, MAX_WEIGHT),
    step: '0.01',
  },
} satisfies Record<string, Rule>;

/** Checks one number of a point: finite and within ±MAX_POINT; the message names it, or null when it is good. */
export function pointProblem(value: number, what: string): string | null {
  if (Number.isFinite(value) && Math.abs(value) <= MAX_POINT) return null;
  return `${what} = ${value} but a point must be within ±${MAX_POINT}`;
}
