/**
 * The six exercises in order, and how one is checked once its file is loaded: the part of the checker
 * that runs anywhere, in Node (`npm run exercise`, through index.ts) and in a browser (the site's
 * exercises page, which loads the learner's code from its editor).
 */
import { backwardStepExercise, gradientStepExercise } from './backward.js';
import { applyWeightsExercise, articleForwardExercise, reluExercise, twoNodeExercise } from './forward.js';
import { type Exercise, type Own, type Result, SOLVED, check } from './runner.js';

export const EXERCISES: readonly Exercise[] = [
  reluExercise,
  applyWeightsExercise,
  twoNodeExercise,
  articleForwardExercise,
  backwardStepExercise,
  gradientStepExercise,
];

/**
 * The functions of the earlier exercises that exercise n may call, as the learner wrote them (found in
 * `earlier`, the exports of their files) or, where a file does not export one, the worked solution's.
 * A check replays a mistake in a call (a row passed where a matrix is meant, arguments swapped) through
 * these, so that it gives exactly the numbers, NaN included, that the learner's own code gives.
 */
export function ownFunctions(earlier: Record<string, unknown>): Own {
  const theirs = <F>(name: keyof Own): F => (typeof earlier[name] === 'function' ? earlier[name] : SOLVED[name]) as F;
  return { relu: theirs('relu'), applyWeights: theirs('applyWeights') };
}

/**
 * Checks exercise n on the learner's loaded file (`module`, its exports) and `earlier`, the exports
 * of the files of the exercises it uses (exercise 3 uses 2's applyWeights; 4 uses 1 and 2).
 */
export function checkLoaded(n: number, module: Record<string, unknown>, earlier: Record<string, unknown> = {}): Result {
  const exercise = EXERCISES[n - 1];
  const wrong = exercise.before?.(module);
  if (wrong) return { passed: false, hint: wrong };
  return check(exercise, module[exercise.name], ownFunctions(earlier));
}

/** What is said under a failed check when an exercise it uses fails its own check too (how to check it: `how`). */
export function usesNote(m: number, how: string): string {
  return `${EXERCISES[m - 1].name} (exercise ${m}) does not pass its own check yet; if you use it here, fix it first (${how})`;
}
