/**
 * The learner's code, run in the browser: each exercise's TypeScript, from the editor (or the stub), turned
 * into JavaScript by sucrase (types stripped, imports turned into require calls), then run with a require
 * that gives the library for '../../src/index.js' (or 'feedforward') and the learner's own earlier exercise
 * for './1-relu.js', './2-apply-weights.js'. Then the same check as `npm run exercise -- N` (checker/exercises.ts).
 */
import * as library from 'feedforward';
import { transform } from 'sucrase';
import { EXERCISES, checkLoaded, usesNote } from '../../../exercises/checker/exercises.js';
import type { Result } from '../../../exercises/checker/runner.js';

/** The exports of exercise n's code, or the sentence saying why it did not load (as `npm run exercise` says it). */
export function loadExercise(n: number, codeOf: (n: number) => string, cache = new Map<number, Record<string, unknown> | string>()): Record<string, unknown> | string {
  const done = cache.get(n);
  if (done !== undefined) return done;
  const { file } = EXERCISES[n - 1];
  const exports: Record<string, unknown> = {};
  cache.set(n, exports); // a file that imports itself, directly or not, sees what it has exported so far, as in Node
  try {
    const { code } = transform(codeOf(n), { transforms: ['typescript', 'imports'], filePath: file });
    const require = (specifier: string): unknown => {
      if (specifier === 'feedforward' || /(^|\/)src\/index(\.js|\.ts)?$/.test(specifier)) return library;
      const other = /^\.\/([1-6])-[\w-]+(\.js|\.ts)?$/.exec(specifier);
      if (other) {
        const loaded = loadExercise(Number(other[1]), codeOf, cache);
        if (typeof loaded === 'string') throw new Error(loaded);
        return loaded;
      }
      throw new Error(`Cannot find module '${specifier}' imported from ${file}`);
    };
    const module = { exports };
    new Function('exports', 'require', 'module', code)(exports, require, module);
    if (module.exports !== exports) Object.assign(exports, module.exports);
    return exports;
  } catch (error) {
    const failed = `${file} did not load: ${error instanceof Error ? error.message : String(error)}`;
    cache.set(n, failed);
    return failed;
  }
}

/** Checks exercise n on the learner's code: the result, and the notes about the earlier exercises it uses. */
export function checkInBrowser(n: number, codeOf: (n: number) => string): { result: Result; notes: string[] } {
  const cache = new Map<number, Record<string, unknown> | string>(); // one instance of each file per check, as Node imports it once
  const module = loadExercise(n, codeOf, cache);
  if (typeof module === 'string') return { result: { passed: false, hint: module }, notes: [] };
  const exercise = EXERCISES[n - 1];
  const earlier: Record<string, unknown> = {};
  for (const m of exercise.uses ?? []) {
    const used = loadExercise(m, codeOf, cache);
    if (typeof used !== 'string') Object.assign(earlier, used);
  }
  const result = checkLoaded(n, module, earlier);
  const notes: string[] = [];
  const unwritten = !result.passed && result.hint.startsWith(`${exercise.name} is not written yet`);
  if (!result.passed && !unwritten) {
    for (const m of exercise.uses ?? []) {
      const own = loadExercise(m, codeOf, cache);
      const passes = typeof own !== 'string' && checkLoaded(m, own, {}).passed;
      if (!passes) notes.push(usesNote(m, `exercise ${m} on this page`));
    }
  }
  return { result, notes };
}
