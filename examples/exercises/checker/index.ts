/**
 * How one exercise is checked in Node: load the learner's file from a folder (examples/exercises/ by
 * default, or solutions/), and the files of the exercises it uses, then run its check (exercises.ts,
 * which the site's exercises page runs in the browser too).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXERCISES, checkLoaded } from './exercises.js';
import type { Result } from './runner.js';

export { EXERCISES, usesNote } from './exercises.js';

/** The folder of the learner's files, examples/exercises/, and of the worked solutions. */
export const EXERCISES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SOLUTIONS_DIR = join(EXERCISES_DIR, 'solutions');

/** The exports of exercise n's file in `folder`, or the sentence saying why it could not be loaded. */
async function load(n: number, folder: string): Promise<Record<string, unknown> | string> {
  const exercise = EXERCISES[n - 1];
  const path = join(folder, exercise.file);
  if (!existsSync(path)) return `there is no ${path}: copy examples/exercises/${exercise.file} there`;
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    return `${exercise.file} did not load: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Checks exercise n (1–6) in `folder`: imports its file and runs the checks. */
export async function checkExercise(n: number, folder = EXERCISES_DIR): Promise<Result> {
  const module = await load(n, folder);
  if (typeof module === 'string') return { passed: false, hint: module };
  const earlier: Record<string, unknown> = {};
  for (const m of EXERCISES[n - 1].uses ?? []) {
    const used = await load(m, folder);
    if (typeof used !== 'string') Object.assign(earlier, used);
  }
  return checkLoaded(n, module, earlier);
}
