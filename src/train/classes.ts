/**
 * Classes as scores see them, and the rule that a score compares like with like.
 *
 * A class is written three ways: a name ('Gentoo', as `fromRecords`' targets and
 * `net.classify`'s answers give it; a whole number or a boolean also names a class),
 * a row of a classes × samples matrix (one-hot targets, predicted probabilities: the
 * row of the largest entry, argmax), or p of a single sigmoid row (class 1 when p > 0.5).
 * A score compares two lists of names, or two matrices; never a name with a row
 * number, text with a number ('1' with 1), or names that share no class at all,
 * because each of those makes every answer "wrong" and the score a silent 0.
 */
import { ShapeError, ValueError, describeValue, formatShape, plural } from '../core/errors.js';
import type { Classification } from '../core/labels.js';
import { Matrix, type MatrixInput, toMatrix } from '../core/matrix.js';
import { allFinite } from '../core/validate.js';

/** A class as data files write it: a name, a number or a boolean. */
export type Label = string | number | boolean;

/** Predictions or truths as scores take them: class names, classify's answers, or a classes × samples Matrix. */
export type Labels = readonly Label[] | readonly Classification[] | Matrix;

/**
 * The row of the largest entry of each column (the class a classifier picks): M is classes × samples →
 * one index per sample, counting from 0; a tie goes to the first row, as numpy's argmax.
 * @example argmax([[0.1, 0.7], [0.9, 0.3]]) //=> [1, 0]
 */
export function argmax(M: MatrixInput): number[] {
  const m = toMatrix(M, 'argmax', 'M');
  return Array.from({ length: m.cols }, (_, j) => {
    let best = 0;
    for (let i = 1; i < m.rows; i++) if (m.data[i * m.cols + j] > m.data[best * m.cols + j]) best = i;
    return best;
  });
}

/** One side of a comparison, read: each sample's class, and what the side is, for messages. */
interface Side {
  /** Each sample's class: a name, or a matrix's row number. */
  readonly classes: Label[];
  /** Names (text, numbers or booleans: one kind per side), or a matrix. */
  readonly kind: 'string' | 'number' | 'boolean' | 'matrix';
  /** A matrix's rows (1: a sigmoid's p). */
  readonly rows?: number;
  /** The side as a message names it: 'class names such as "benign"', 'a 2×114 matrix'. */
  readonly what: string;
}

const KIND_WORDS = { string: 'class names', number: 'numbers', boolean: 'booleans' } as const;
const KIND_WORD = { string: 'text', number: 'a number', boolean: 'a boolean' } as const;

/**
 * Each sample's class from predicted and actual, checked to be like things: the same number of
 * samples, and both names of one kind or both matrices of as many rows. With `labels`, a matrix's row i
 * is the class labels[i], so it compares with names. `where` names the score in messages.
 * @example pairOfClasses(['a', 'b'], Matrix.from([[0.9, 0.2], [0.1, 0.8]]), 'accuracy', ['a', 'b']) //=> [['a', 'b'], ['a', 'b']]
 */
export function pairOfClasses(
  predicted: Labels,
  actual: Labels,
  where: string,
  labels?: readonly Label[],
): [Label[], Label[]] {
  let p = readSide(predicted, where, 'predicted');
  let a = readSide(actual, where, 'actual');
  if (p.classes.length !== a.classes.length) {
    throw new ShapeError(
      `${where}: predicted has ${plural(p.classes.length, 'sample')} but actual has ${a.classes.length} (one prediction per sample)`,
    );
  }
  if (p.classes.length === 0) throw new ValueError(`${where}: there are no samples (give at least one)`);
  if (labels !== undefined) {
    p = namedRows(p, labels, where, 'predicted');
    a = namedRows(a, labels, where, 'actual');
  }
  if (p.kind === 'matrix' && a.kind === 'matrix') {
    if (p.rows !== a.rows) {
      throw new ValueError(
        `${where}: predicted is ${p.what} but actual is ${a.what} (one row per class in both, or a single sigmoid row in both)`,
      );
    }
    return [p.classes, a.classes];
  }
  if (p.kind === 'matrix' || a.kind === 'matrix') {
    throw new ValueError(
      `${where}: predicted ${holds(p)} but actual ${holds(a)} (compare like with like: class names on both sides, such as net.classify's answers beside test.targets, or a matrix on both sides, such as the outputs beside test.Y)`,
    );
  }
  if (p.kind !== a.kind) {
    const said = KIND_WORD[p.kind];
    throw new ValueError(
      `${where}: predicted ${holds(p)} but actual ${holds(a)} (${said} never equals ${KIND_WORD[a.kind]}: write both sides the same way, such as net.classify's answers beside test.targets)`,
    );
  }
  checkShared(p, a, where);
  return [p.classes, a.classes];
}

/** "holds class names such as "benign"" or "is a 2×114 matrix": a message's two halves. */
function holds(side: Side): string {
  return side.kind === 'matrix' ? `is ${side.what}` : `holds ${side.what}`;
}

/** Two lists of names that share no class: every answer would count as wrong, which is a mix-up, not a score. */
function checkShared(p: Side, a: Side, where: string): void {
  const predictedClasses = new Set(p.classes);
  const actualClasses = new Set(a.classes);
  if (predictedClasses.size < 2 || actualClasses.size < 2) return; // one class on a side: a poor model, not a mix-up
  for (const c of predictedClasses) if (actualClasses.has(c)) return;
  const list = (classes: Set<Label>) => {
    const all = [...classes].map((c) => describeValue(c));
    return all.length > 4 ? `${all.slice(0, 4).join(', ')}, …` : all.join(', ');
  };
  throw new ValueError(
    `${where}: predicted's classes (${list(predictedClasses)}) and actual's (${list(actualClasses)}) have none in common, so every answer would count as wrong (the same classes named two ways? name them alike on both sides)`,
  );
}

/** A matrix side with its row numbers replaced by `labels` (row i is labels[i]); names pass as they are. */
function namedRows(side: Side, labels: readonly Label[], where: string, name: string): Side {
  if (side.kind !== 'matrix') return side;
  const needed = side.rows === 1 ? 2 : (side.rows as number); // a sigmoid's single row names two classes
  if (labels.length !== needed) {
    throw new ValueError(
      `${where}: ${name} is ${side.what} but labels has ${plural(labels.length, 'entry', 'entries')} (${side.rows === 1 ? 'two for a single sigmoid row: 1 − p and p' : 'one label per row'})`,
    );
  }
  const kind = typeof labels[0] as 'string' | 'number' | 'boolean';
  const what = `${side.what} named by labels (${KIND_WORDS[kind]} such as ${describeValue(labels[0])})`;
  return { classes: side.classes.map((i) => labels[i as number]), kind, what };
}

/** One side as a list of classes, refusing what is not one: a list of lists, fractions, mixed kinds, NaN. */
function readSide(value: Labels, where: string, name: string): Side {
  if (value instanceof Matrix) {
    if (!allFinite(value.data)) {
      throw new ValueError(`${where}: ${name} is a matrix with a NaN or infinite entry but probabilities are finite`);
    }
    // A single row is a sigmoid's p: class 1 when p > 0.5 (as classify: a tie goes to the first class).
    const classes = value.rows === 1 ? Array.from(value.data, (p) => (p > 0.5 ? 1 : 0)) : argmax(value);
    return { classes, kind: 'matrix', rows: value.rows, what: `a ${formatShape(value.rows, value.cols)} matrix` };
  }
  if (!Array.isArray(value)) {
    throw new ValueError(
      `${where}: ${name} is ${describeValue(value)} but it must be a list of class names, net.classify's answers, or a classes × samples Matrix`,
    );
  }
  if (value.some((entry) => Array.isArray(entry))) {
    throw new ValueError(
      `${where}: ${name} is a list of lists (net.predict's answers? one row per sample) but it must be a list of class names, net.classify's answers, or a classes × samples Matrix`,
    );
  }
  let answers = false;
  const classes = value.map((entry: unknown, n) => {
    if (typeof entry === 'object' && entry !== null && 'label' in entry) {
      answers = true;
      entry = (entry as Classification).label;
    }
    if (!isLabel(entry)) {
      throw new ValueError(
        `${where}: ${name} entry ${n + 1} is ${describeValue(entry)} but classes are names: strings, whole numbers or booleans`,
      );
    }
    if (typeof entry === 'number' && !Number.isInteger(entry)) {
      throw new ValueError(
        `${where}: ${name} entry ${n + 1} is ${entry}, a fraction, but classes written as numbers are whole numbers (probabilities and net.predict's outputs are not classes: give net.classify's answers, or the outputs as a classes × samples Matrix)`,
      );
    }
    return entry;
  });
  const kind = (classes.length === 0 ? 'string' : typeof classes[0]) as 'string' | 'number' | 'boolean';
  const other = classes.findIndex((c) => typeof c !== kind);
  if (other >= 0) {
    throw new ValueError(
      `${where}: ${name} holds both ${KIND_WORDS[kind]} (entry 1 is ${describeValue(classes[0])}) and ${KIND_WORDS[typeof classes[other] as typeof kind]} (entry ${other + 1} is ${describeValue(classes[other])}) but a list of classes writes every class the same way`,
    );
  }
  const what = `${KIND_WORDS[kind]}${classes.length === 0 ? '' : ` such as ${describeValue(classes[0])}`}`;
  return { classes, kind, what: answers ? `net.classify's answers, ${what}` : what };
}

/**
 * Refuses class names where a regression score wants numbers: text, booleans or classify's answers
 * in predicted or actual. Nothing is returned; the numbers are read by toMatrix afterwards.
 * @example refuseClassNames([1.5, 2], 'r2', 'predicted') //=> undefined
 */
export function refuseClassNames(value: unknown, where: string, name: string): void {
  if (!Array.isArray(value)) return;
  const entries: unknown[] = value.flatMap((entry: unknown) => (Array.isArray(entry) ? entry : [entry]));
  const found = entries.find(
    (entry) =>
      typeof entry === 'string' ||
      typeof entry === 'boolean' ||
      (typeof entry === 'object' && entry !== null && 'label' in entry),
  );
  if (found === undefined) return;
  const shown =
    typeof found === 'object'
      ? `net.classify's answers, such as ${describeValue((found as Classification).label)}`
      : `class names such as ${describeValue(found)}`;
  throw new ValueError(
    `${where}: ${name} holds ${shown} but a regression score compares numbers (for classes use accuracy, balancedAccuracy, confusionMatrix or classificationReport)`,
  );
}

/** True for a class name: a string, a finite number or a boolean. */
export function isLabel(x: unknown): x is Label {
  return typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
}

/** A list of distinct labels, checked and copied. */
export function checkLabelList(labels: unknown, where: string, name: string): Label[] {
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new ValueError(`${where}: ${name} is ${describeValue(labels)} but it must be a non-empty list of classes`);
  }
  const seen = new Set<Label>();
  return labels.map((label: unknown, n) => {
    if (!isLabel(label)) {
      throw new ValueError(
        `${where}: ${name} entry ${n + 1} is ${describeValue(label)} but labels are strings, finite numbers or booleans`,
      );
    }
    if (seen.has(label))
      throw new ValueError(`${where}: ${name} lists ${describeValue(label)} twice (each class once)`);
    seen.add(label);
    return label;
  });
}

/**
 * Labels in the library's one order, the same on every machine and for any order of the rows:
 * numbers from small to large, then strings (and booleans as "false", "true") by code unit.
 * @example sortLabels(['b', 'a', 10, 9]) //=> [9, 10, 'a', 'b']
 */
export function sortLabels<L extends Label>(labels: readonly L[]): L[] {
  return labels.slice().sort((x, y) => {
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    const [a, b] = [String(x), String(y)];
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
