/**
 * The exercises' checker, the part every exercise shares: call the learner's function on each case,
 * compare every output with the library's, and when one differs, say *why*: which known mistake
 * (a missing bias, a flipped sign, a transposed matrix, …) gives exactly the learner's numbers.
 *
 * A value the learner returns may be a Matrix or plain arrays (number[][]; a column such as b may be a
 * plain list of numbers). Everything is compared as plain arrays, entry by entry, to 1e-9.
 */
import { Matrix } from '../../../src/index.js';
import { relu as solvedRelu } from '../solutions/1-relu.js';
import { applyWeights as solvedApplyWeights } from '../solutions/2-apply-weights.js';

export type Grid = number[][];

/** The arguments of a learner's function: matrices, lists and numbers, different in each exercise. */
// biome-ignore lint/suspicious/noExplicitAny: each exercise destructures its own argument types (Grid, number[], number)
export type Args = any[];

/** One set of arguments for the learner's function and the library's answer for every output. */
export interface Case {
  args: unknown[];
  want: Record<string, Grid>;
}

/**
 * The functions of earlier exercises a learner's function may call (relu, applyWeights): the learner's own
 * (or the worked solution's, where their file has none), so that a mistake in a call can be replayed.
 */
export interface Own {
  relu: (Z: Grid) => unknown;
  applyWeights: (A: Grid, W: Grid, b: number[]) => unknown;
}

/**
 * A mistake learners make, as the numbers it gives: if the learner's output equals `wrong(args, own)`
 * (NaN where theirs has NaN), `hint` says what to fix.
 */
export interface Mistake {
  field: string;
  hint: string;
  wrong: (args: Args, own: Own) => Grid;
  /** The mistake is a call of the learner's own functions: when it throws the learner's very error, it is their mistake too. */
  replaysOwn?: boolean;
}

/** One output of the learner's function: its name, its shape in words, and whether a plain list means a column. */
export interface Output {
  name: string;
  shape: string;
  column?: boolean;
}

export interface Exercise {
  n: number;
  /** The learner's file, in examples/exercises/ (and in solutions/). */
  file: string;
  /** The function the file exports. */
  name: string;
  /** The names of its parameters, in order (for messages). */
  params: string[];
  outputs: Output[];
  cases: () => Case[];
  mistakes: Mistake[];
  /** The outputs of the learner's result, by name (one output: the result itself). */
  read?: (result: unknown) => Record<string, unknown>;
  /** A check of the module before any case (exercise 4 checks the weights it writes out). */
  before?: (module: Record<string, unknown>) => string | undefined;
  /** What to say when the learner's function throws (the message is given), beyond the message itself. */
  onThrow?: (message: string) => string | undefined;
  /** Said after "your Z has NaN at …" when no known mistake gives the learner's NaN. */
  onNaN?: string;
  /** When no known mistake matches: what to check, for the first entry that differs. */
  explain?: (args: Args, field: string, i: number, j: number) => string;
  /** Said on success: what the learner just built. Gets the learner's function. */
  built: (fn: (...args: Args) => Args[number]) => string;
  /** Exercises whose functions this one may use (their checks are run when this one fails). */
  uses?: number[];
}

/** What a check found: passed, or the case, the two values and the hint. */
export type Result =
  | { passed: true; built: string }
  | { passed: false; hint: string; on?: string; yours?: string; expected?: string; field?: string };

const TOLERANCE = 1e-9;

/** The worked solutions' relu and applyWeights: what a check replays calls through when it is given no learner's own. */
export const SOLVED: Own = { relu: solvedRelu, applyWeights: solvedApplyWeights };

/** The learner's value as a Grid, or a sentence saying why it is not one. */
export function toGrid(value: unknown, output: Output): Grid | string {
  const name = `your ${output.name}`;
  if (value instanceof Matrix) return value.toArray();
  if (value === undefined) return `${name} is undefined: did the function return it?`;
  if (!Array.isArray(value) || value.length === 0) {
    return `${name} is ${describe(value)} but it should be a matrix (${output.shape}): an array of rows, or a Matrix`;
  }
  if (value.every((v) => typeof v === 'number')) {
    if (output.column) return value.map((v) => [v]);
    return `${name} is a flat list of ${value.length} numbers but it should be a matrix (${output.shape}): an array of rows, [[…], […]]`;
  }
  const rows: Grid = [];
  for (let i = 0; i < value.length; i++) {
    const row = value[i] instanceof Matrix ? undefined : value[i];
    if (value[i] instanceof Matrix || (Array.isArray(row) && row.some(Array.isArray))) {
      return `row ${i + 1} of ${name} is itself a matrix: a matrix is an array of rows of numbers; to stack two results, write [...top, ...bottom] (or vstack(top, bottom))`;
    }
    if (!Array.isArray(row)) return `row ${i + 1} of ${name} is ${describe(row)} but it should be an array of numbers`;
    rows.push(row);
  }
  const cols = rows[0].length;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== cols) {
      return `${name} has rows of different lengths (row 1 has ${cols}, row ${i + 1} has ${rows[i].length}): every row needs one entry per column`;
    }
    for (let j = 0; j < cols; j++) {
      const v = rows[i][j];
      if (typeof v !== 'number') return notANumber(name, v, i, j);
    }
  }
  return rows;
}

function notANumber(name: string, v: unknown, i: number, j: number): string {
  return `${name} has ${describe(v)} at row ${i + 1}, column ${j + 1}: often an index past the end of an array (b[j] where b[i] was meant, W[k][i] where W[i][k] was meant)`;
}

/** Where a grid first has NaN or ±Infinity, as [row, column], or undefined when every entry is finite. */
function firstNonFinite(g: Grid): [number, number] | undefined {
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g[i].length; j++) if (!Number.isFinite(g[i][j])) return [i, j];
  return undefined;
}

/** "2×3", as the library prints shapes. */
export function shapeOf(g: Grid): string {
  return `${g.length}×${g[0]?.length ?? 0}`;
}

/** True when a and b have the same shape and every entry agrees to 1e-9 (relative for large numbers). */
export function same(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => row.length === b[i].length && row.every((v, j) => close(v, b[i][j])));
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)) || (Number.isNaN(a) && Number.isNaN(b));
}

/** A number as a person writes it: up to 4 significant digits. */
export function num(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A value in one line: [[1, 2], [3, 4]]; a large matrix by its shape and first row (by its shape alone if `brief`). */
export function show(value: unknown, brief = false): string {
  if (value instanceof Matrix) return show(value.toArray(), brief);
  if (typeof value === 'number') return num(value);
  if (!Array.isArray(value)) return describe(value);
  if (value.every((v) => typeof v === 'number')) return `[${value.map(num).join(', ')}]`;
  const rows = value as unknown[][];
  const count = rows.reduce((n, r) => n + (Array.isArray(r) ? r.length : 1), 0);
  if (count <= 16) return `[${rows.map((row) => show(row)).join(', ')}]`;
  const shape = `a ${rows.length}×${Array.isArray(rows[0]) ? rows[0].length : '?'} matrix`;
  return brief ? shape : `${shape}, first row ${show(rows[0])}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Runs every case of `exercise` on the learner's function and diagnoses the first difference. */
export function check(exercise: Exercise, fn: unknown, own: Own = SOLVED): Result {
  if (typeof fn !== 'function') {
    return {
      passed: false,
      hint: `${exercise.file} must export a function named ${exercise.name} (export function ${exercise.name}(${exercise.params.join(', ')}) { … })`,
    };
  }
  for (const { args, want } of exercise.cases()) {
    const given = structuredClone(args);
    const on = `With ${exercise.params.map((p, k) => `${p} = ${show(args[k], true)}`).join(', ')}`;
    let result: unknown;
    try {
      result = fn(...given);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unwritten = /^(\w+): not written yet/.exec(message);
      if (unwritten?.[1] === exercise.name) {
        return { passed: false, hint: `${exercise.name} is not written yet: write it (the task is in the comment above it)` };
      }
      if (unwritten) {
        const other = unwritten[1];
        return { passed: false, hint: `your ${exercise.name} calls your ${other}, which is not written yet: write ${other} first, in its own exercise` };
      }
      const missing = notImported(exercise, message);
      if (missing) return { passed: false, on, hint: missing };
      const replayed = exercise.mistakes.find((m) => m.replaysOwn && throwsTheSame(m, args, own, message));
      if (replayed) return { passed: false, on, hint: `your ${exercise.name} threw "${message}": ${replayed.hint}` };
      const more = exercise.onThrow?.(message) ?? commonError(message);
      return { passed: false, on, hint: `your ${exercise.name} threw "${message}"${more ? `. ${more}` : ''}` };
    }
    const changed = exercise.params.findIndex((_, k) => JSON.stringify(given[k]) !== JSON.stringify(args[k]));
    if (changed >= 0) {
      const p = exercise.params[changed];
      return {
        passed: false,
        on,
        hint: `your ${exercise.name} changed the ${p} it was given (it became ${show(given[changed])}): build and return a new array, as the library does, and leave ${p} as it came`,
      };
    }
    const outputs = exercise.read ? exercise.read(result) : { [exercise.outputs[0].name]: result };
    for (const output of exercise.outputs) {
      const raw = outputs[output.name];
      const got = toGrid(raw, output);
      const expected = want[output.name];
      // A column given as a plain list (b = [0.3]) is shown as one, and so is the library's.
      const flat = output.column && Array.isArray(raw) && raw.every((v) => typeof v === 'number');
      const shown = flat ? show(expected.map((row) => row[0])) : show(expected);
      if (typeof got === 'string') return { passed: false, on, field: output.name, expected: shown, hint: got };
      if (same(got, expected)) continue;
      const report = { passed: false as const, on, field: output.name, yours: show(raw), expected: shown };
      const mistake = exercise.mistakes.find((m) => m.field === output.name && matches(m, args, got, own));
      if (mistake) return { ...report, hint: mistake.hint };
      const nonFinite = firstNonFinite(got);
      if (nonFinite) {
        const [i, j] = nonFinite;
        return { ...report, hint: `${notANumber(`your ${output.name}`, got[i][j], i, j)}${exercise.onNaN ? `. ${exercise.onNaN}` : ''}` };
      }
      if (shapeOf(got) !== shapeOf(expected)) {
        const transposed = got.length === expected[0].length && got[0].length === expected.length;
        return {
          ...report,
          hint: `your ${output.name} is ${shapeOf(got)} but it should be ${shapeOf(expected)} (${output.shape})${transposed ? ': it is transposed, rows and columns swapped' : ''}`,
        };
      }
      const [i, j] = firstDifference(got, expected);
      const where = expected[0].length === 1 ? `entry ${i + 1}` : `row ${i + 1}, column ${j + 1}`;
      const explain = exercise.explain?.(args, output.name, i, j);
      return {
        ...report,
        hint: `${output.name} first differs at ${where}: yours is ${num(got[i][j])}, the library's is ${num(expected[i][j])}${explain ? `. ${explain}` : ''}`,
      };
    }
  }
  try {
    return { passed: true, built: exercise.built(fn as (...args: Args) => Args[number]) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { passed: false, hint: `your ${exercise.name} passed every case but failed when put to work: "${message}"` };
  }
}

function matches(mistake: Mistake, args: unknown[], got: Grid, own: Own): boolean {
  try {
    const wrong = mistake.wrong(structuredClone(args), own);
    return same(got, wrong instanceof Matrix ? wrong.toArray() : wrong);
  } catch {
    return false; // this mistake is not even defined for these shapes
  }
}

/** True when replaying `mistake` through the learner's own functions throws exactly `message`, as the learner's code did. */
function throwsTheSame(mistake: Mistake, args: unknown[], own: Own, message: string): boolean {
  try {
    mistake.wrong(structuredClone(args), own);
    return false;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)) === message;
  }
}

function firstDifference(a: Grid, b: Grid): [number, number] {
  for (let i = 0; i < b.length; i++) for (let j = 0; j < b[i].length; j++) if (!close(a[i][j], b[i][j])) return [i, j];
  return [0, 0];
}

/** Where each name an exercise file may import comes from: its import line, as the stubs have it commented out. */
const IMPORTS: Record<string, string> = {
  relu: "import { relu } from './1-relu.js'",
  applyWeights: "import { applyWeights } from './2-apply-weights.js'",
  ...Object.fromEntries(
    ['hadamard', 'map', 'multiply', 'scale', 'sumRows', 'transpose', 'vstack', 'matrix', 'add', 'subtract'].map((name) => [
      name,
      `import { ${name} } from '../../src/index.js'`,
    ]),
  ),
};

/**
 * The hint for a function that uses a name its file never imported (the stubs ship their imports commented
 * out): "X is not defined" in V8 and Firefox, "Can't find variable: X" in Safari.
 */
function notImported(exercise: Exercise, message: string): string | undefined {
  const name = /^(\w+) is not defined$/.exec(message)?.[1] ?? /^Can't find variable: (\w+)$/.exec(message)?.[1];
  if (!name || !Object.hasOwn(IMPORTS, name)) return undefined;
  return `your ${exercise.name} uses ${name}, but ${exercise.file} does not import it ("${message}"): uncomment the import at the top of the file, ${IMPORTS[name]}`;
}

/** What a JavaScript error a learner's loops often throw means. */
function commonError(message: string): string | undefined {
  if (/Cannot set properties of undefined/.test(message)) {
    return 'a row was filled before it was made: create each row first (Z.push([]) or Z[i] = []), then set its entries';
  }
  if (/Cannot read properties of undefined/.test(message)) {
    return "an index went past the end of an array: check each loop's bound against the shapes in the task comment";
  }
  if (/is not a function|is not iterable/.test(message)) return 'check what each call returns: a Matrix needs .toArray() before array methods such as map';
  return undefined;
}
