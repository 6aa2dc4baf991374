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
 * more than 1000 entries shows only its first and last three rows and columns.
 */

const PRECISION = 8;
const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** The decimals of x written with at most PRECISION digits, without trailing zeros. */
function fixedParts(x: number): { int: string; frac: string } {
  const text = Math.abs(x).toFixed(PRECISION).replace(/0+$/, '');
  const [int, frac] = text.split('.');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return { int: sign + int, frac: frac ?? '' };
}

/** Formats every entry to one common width (numpy's FloatingFormat). */
function formatEntries(values: number[]): string[] {
  const finite = values.filter(Number.isFinite).map(Math.abs);
  const nonZero = finite.filter((v) => v !== 0);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  // numpy: scientific when max ≥ 1e8, or the smallest non-zero is below 1e-4 or 1000× below the largest.
  const scientific = max >= 1e8 || (min > 0 && (min < 1e-4 || max / min > 1e3));

  let texts: string[];
  if (scientific) {
    const digits = Math.max(
      ...values.filter(Number.isFinite).map((v) => {
        const mantissa = v.toExponential(PRECISION).split('e')[0].replace(/0+$/, '');
        return mantissa.split('.')[1]?.length ?? 0;
      }),
      0,
    );
    texts = values.map((v) => {
      if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
      const [mantissa, exponent] = v.toExponential(digits).split('e');
      const e = Number(exponent);
      return `${digits === 0 ? `${mantissa}.` : mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    });
  } else {
    const parts = values.map((v) => (Number.isFinite(v) ? fixedParts(v) : null));
    const fracWidth = Math.max(0, ...parts.map((p) => (p ? p.frac.length : 0)));
    texts = values.map((v, n) => {
      const p = parts[n];
      if (!p) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
      return `${p.int}.${p.frac.padEnd(fracWidth, ' ')}`;
    });
  }
  const anyNegative = texts.some((t) => t.startsWith('-'));
  const width = Math.max(...texts.map((t) => t.length + (anyNegative && !t.startsWith('-') ? 1 : 0)));
  return texts.map((t) => t.padStart(width, ' '));
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
      lines.push(' ...');
      continue;
    }
    const cells = colIndex.map((j) => (j === null ? '...' : texts[next++]));
    lines.push(`[${cells.join(' ')}]`);
  }
  return `[${lines.join('\n ')}]`;
}
