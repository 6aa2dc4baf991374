/**
 * Printing a matrix the way numpy prints an array, so a learner's console.log
 * reads like the article's notebook:
 *
 *   [[ 0.5  -1.25]
 *    [ 3.    4.  ]]
 *
 * numpy's rules, kept: every entry gets the same number of decimals (at most
 * 8, trailing zeros shown as spaces), decimal points line up, scientific
 * notation when the values span too many orders of magnitude, and a matrix of
 * more than 1000 entries shows only its first and last three rows and columns,
 * and a row longer than 75 characters continues on the next line.
 */

const PRECISION = 8;
const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

/**
 * x with at most PRECISION decimals, without trailing zeros, as numpy's Dragon4
 * writes it: the shortest decimal that reads back as x when it fits (so
 * 99999999.9 stays 99999999.9), else x rounded to PRECISION decimals.
 */
function fixedParts(x: number): { int: string; frac: string } {
  const abs = Math.abs(x);
  let text = String(abs);
  if (text.includes('e') || (text.split('.')[1]?.length ?? 0) > PRECISION) {
    text = tiesToEven(abs.toFixed(PRECISION), exactDecimal(abs).decimals === PRECISION + 1);
  }
  const [int, frac] = text.split('.');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return { int: sign + int, frac: (frac ?? '').replace(/0+$/, '') };
}

/** x in scientific notation with `digits` decimals in the mantissa, rounded as numpy rounds. */
function exponential(x: number, digits: number): string {
  const significant = exactDecimal(x).digits.replace(/^0+/, '').replace(/0+$/, '');
  return tiesToEven(x.toExponential(digits), significant.length === digits + 2 && significant.endsWith('5'));
}

/**
 * toFixed and toExponential round the exact value correctly but send an exact
 * tie up; numpy sends it to the even digit (0.001953125 → 0.00195312). An odd
 * last digit that came from rounding a tie up is one too high.
 */
function tiesToEven(text: string, tie: boolean): string {
  const [mantissa, exponent] = text.split('e');
  const last = Number(mantissa.at(-1));
  if (!tie || last % 2 === 0) return text;
  return mantissa.slice(0, -1) + (last - 1) + (exponent === undefined ? '' : `e${exponent}`);
}

/** The exact decimal digits of |x| (every double is a finite decimal) and how many of them follow the point. */
function exactDecimal(x: number): { digits: string; decimals: number } {
  let scaled = Math.abs(x);
  let decimals = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2; // exact: doubling never rounds, and x = scaled / 2^decimals = scaled·5^decimals / 10^decimals
    decimals++;
  }
  return { digits: (BigInt(scaled) * 5n ** BigInt(decimals)).toString(), decimals };
}

/** Formats every entry to one common width (numpy's FloatingFormat). */
function formatEntries(values: number[]): string[] {
  const finite = values.filter(Number.isFinite).map(Math.abs);
  const nonZero = finite.filter((v) => v !== 0);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  // numpy: scientific when max ≥ 1e8, or the smallest non-zero is below 1e-4 or 1000× below the largest.
  const scientific = max >= 1e8 || (min > 0 && (min < 1e-4 || max / min > 1e3));

  // Each text is split at its decimal point: numpy pads the parts before it to one width (a minus sign
  // included) and the parts after it to another, so the points line up: [[ -1. 100.]].
  let parts: { left: string; right: string }[];
  if (scientific) {
    const digits = Math.max(
      ...values.filter(Number.isFinite).map((v) => {
        const mantissa = exponential(v, PRECISION).split('e')[0].replace(/0+$/, '');
        return mantissa.split('.')[1]?.length ?? 0;
      }),
      0,
    );
    const exponents = values
      .filter(Number.isFinite)
      .map((v) => String(Math.abs(Number(exponential(v, digits).split('e')[1]))));
    const expDigits = Math.max(2, ...exponents.map((e) => e.length)); // at least two digits: 1.e+05, 1.e+300
    parts = values.map((v) => {
      if (!Number.isFinite(v)) return { left: nonFinite(v), right: '' };
      const [mantissa, exponent] = exponential(v, digits).split('e');
      const e = Number(exponent);
      const [int, frac = ''] = mantissa.split('.');
      return {
        left: Object.is(v, -0) ? `-${int}` : int,
        right: `.${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(expDigits, '0')}`,
      };
    });
  } else {
    const fixed = values.map((v) => (Number.isFinite(v) ? fixedParts(v) : null));
    const fracWidth = Math.max(0, ...fixed.map((p) => (p ? p.frac.length : 0)));
    parts = values.map((v, n) => {
      const p = fixed[n];
      return p ? { left: p.int, right: `.${p.frac.padEnd(fracWidth, ' ')}` } : { left: nonFinite(v), right: '' };
    });
  }
  const padRight = Math.max(...parts.map((p) => p.right.length));
  const padLeft = Math.max(...parts.map((p) => (p.right ? p.left.length : p.left.length - padRight))); // nan, inf fill both
  return parts.map((p) =>
    p.right ? p.left.padStart(padLeft, ' ') + p.right : p.left.padStart(padLeft + padRight, ' '),
  );
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** Which indices to show along one axis: all, or the first and last EDGE_ITEMS with a gap. */
function shown(n: number, summarise: boolean): (number | null)[] {
  if (!summarise || n <= 2 * EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i);
  return [...head, null, ...tail];
}

/**
 * numpy's str() of a rows×cols array stored row-major in `data`.
 * @example formatMatrix(2, 2, [0.5, -1.25, 3, 4]) //=> '[[ 0.5  -1.25]\n [ 3.    4.  ]]'
 */
export function formatMatrix(rows: number, cols: number, data: ArrayLike<number>): string {
  const summarise = rows * cols > SUMMARY_THRESHOLD;
  const rowIndex = shown(rows, summarise);
  const colIndex = shown(cols, summarise);
  const values: number[] = [];
  for (const i of rowIndex) {
    if (i === null) continue;
    for (const j of colIndex) if (j !== null) values.push(data[i * cols + j]);
  }
  const texts = formatEntries(values);
  let next = 0;
  const lines: string[] = [];
  for (const i of rowIndex) {
    if (i === null) {
      lines.push('...');
      continue;
    }
    lines.push(wrapRow(colIndex.map((j) => (j === null ? '...' : texts[next++]))));
  }
  return `[${lines.join('\n ')}]`;
}

/**
 * One row, `[a b c]`, broken as numpy breaks it: a line of the printed matrix
 * holds at most LINE_WIDTH characters, and the next line starts under the first entry.
 */
function wrapRow(words: string[]): string {
  const indent = '  '; // stands for the '[[' of the first line (numpy's hanging indent)
  const width = LINE_WIDTH - 2; // room left for the closing ']]'
  let text = '';
  let line = indent;
  words.forEach((word, n) => {
    if (line.length + word.length > width && line.length > indent.length) {
      text += `${line.trimEnd()}\n`;
      line = indent;
    }
    line += n < words.length - 1 ? `${word} ` : word;
  });
  return `[${(text + line).slice(indent.length)}]`;
}

/** The characters a terminal acts on rather than shows: C0 controls, DEL, C1 controls, and the bidirectional marks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's whole job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as a table printed to a terminal shows it: every control character written as an escape
 * (\n, \t, \u001b, …), so a class name read from a file cannot clear the screen, recolour the text,
 * start a new row or reverse the order of what follows (the bidirectional marks of "Trojan Source").
 * @example printable('a\nb\u001b[31m') //=> 'a\\nb\\u001b[31m'
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
