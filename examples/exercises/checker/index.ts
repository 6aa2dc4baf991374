/**
 * The six exercises in order, and how one is checked: load the learner's file from a folder
 * (examples/exercises/ by default, or solutions/), find the function, run its check.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { backwardStepExercise, gradientStepExercise } from './backward.js';
import { applyWeightsExercise, articleForwardExercise, reluExercise, twoNodeExercise } from './forward.js';
import { type Exercise, type Result, check } from './runner.js';

export const EXERCISES: readonly Exercise[] = [
  reluExercise,
  applyWeightsExercise,
  twoNodeExercise,
  articleForwardExercise,
  backwardStepExercise,
  gradientStepExercise,
];

/** The folder of the learner's files, examples/exercises/, and of the worked solutions. */
export const EXERCISES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SOLUTIONS_DIR = join(EXERCISES_DIR, 'solutions');

/** Checks exercise n (1–6) in `folder`: imports its file and runs the checks. */
export async function checkExercise(n: number, folder = EXERCISES_DIR): Promise<Result> {
  const exercise = EXERCISES[n - 1];
  const path = join(folder, exercise.file);
  if (!existsSync(path)) return { passed: false, hint: `there is no ${path}: copy examples/exercises/${exercise.file} there` };
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    return { passed: false, hint: `${exercise.file} did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  const wrong = exercise.before?.(module);
  if (wrong) return { passed: false, hint: wrong };
  return check(exercise, module[exercise.name]);
}
