/**
 * Checks one exercise: compares your function with the library's on small inputs and says what is
 * wrong (a shape, a missing bias, a sign) when it differs.
 *
 *   npm run exercise -- 2                 checks examples/exercises/2-apply-weights.ts
 *   npm run exercise -- 2 --solutions     checks the worked solution instead
 *   npm run exercise -- 2 --dir my-work   checks my-work/2-apply-weights.ts (your own copy of the folder)
 *   npm run exercise -- all               checks all six, in order
 *
 * (npm run exercise is npx tsx examples/exercises/check.ts.) Exit code 0: passed; 1: not yet; 2: the command was wrong.
 */
import { relative, resolve } from 'node:path';
import { EXERCISES, EXERCISES_DIR, SOLUTIONS_DIR, checkExercise, usesNote } from './checker/index.js';

const args = process.argv.slice(2);
const usage = `usage: npm run exercise -- <1–${EXERCISES.length} | all> [--solutions | --dir <folder>]`;
let folder = EXERCISES_DIR;
let wrong = false;
const which: string[] = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--solutions') folder = SOLUTIONS_DIR;
  else if (args[k] === '--dir' && args[k + 1]) folder = resolve(args[++k]);
  else if (args[k].startsWith('--')) wrong = true;
  else which.push(args[k]);
}
const numbers = which.length === 1 && which[0] === 'all' ? EXERCISES.map((e) => e.n) : which.map(Number);
if (wrong || numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > EXERCISES.length)) {
  console.error(`${usage}\nThe exercises: ${EXERCISES.map((e) => `${e.n} ${e.name}`).join(', ')}.`);
  process.exit(2);
}

/** A paragraph broken into lines of at most 100 characters, each line after the first starting with `indent`. */
function wrap(text: string, indent: string, width = 100): string {
  const [lead, rest] = [/^ */.exec(text)?.[0] ?? '', text.trimStart()];
  const lines = [lead];
  for (const word of rest.split(' ')) {
    const line = lines[lines.length - 1];
    if (line.trim() && line.length + 1 + word.length > width) lines.push(`${indent}${word}`);
    else lines[lines.length - 1] = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  return lines.join('\n');
}

let failed = 0;
try {
  for (const n of numbers) {
    const exercise = EXERCISES[n - 1];
    const file = relative(process.cwd(), `${folder}/${exercise.file}`);
    const result = await checkExercise(n, folder);
    if (result.passed) {
      console.log(`Exercise ${n}, ${exercise.name} (${file}): passed.\n${wrap(`You built ${result.built}`, '')}\n`);
      continue;
    }
    failed++;
    console.log(`Exercise ${n}, ${exercise.name} (${file}): not yet.`);
    if (result.on) console.log(`  ${result.on}:`);
    if (result.yours !== undefined) console.log(`    your ${result.field}:     ${result.yours}`);
    if (result.expected !== undefined) console.log(`    expected ${result.field}: ${result.expected}`);
    console.log(wrap(`  Hint: ${result.hint}.`, '        '));
    const unwritten = result.hint.startsWith(`${exercise.name} is not written yet`);
    for (const m of unwritten ? [] : (exercise.uses ?? [])) {
      if (!(await checkExercise(m, folder)).passed) {
        console.log(wrap(`  Note: ${usesNote(m, `npm run exercise -- ${m}`)}.`, '        '));
      }
    }
    console.log();
  }
} catch (error) {
  // The checker itself failed (not the learner's code, whose errors are caught and explained): exit 2, not 1.
  console.error('The checker itself failed:', error);
  process.exit(2);
}
process.exit(failed ? 1 : 0);
