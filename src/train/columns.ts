/**
 * What one column of records holds, read from its values: numbers (one row of
 * X), categories (one 0/1 row each), or something a network cannot read as it
 * is, refused with what to do instead; and, for a missing value, its fill.
 *
 *   numbers     18, 15, null, 16         most values numbers: a text among them is a mistake, named
 *   categories  'USA', 'Japan', null     text or booleans (numbers too, when asked: categorical, a class target)
 *   refused     '2012-01-01', …          dates: derive numbers from them
 *               '1,5', '-0,25'           numbers with a decimal comma: readCsv's decimal: ','
 *               'P1', 'P2', …, 'P20000'  a different value in every row: an identifier, not a category
 *
 * A column comes as its values (missing ones included) and the row of each
 * (counting from 1, in the records as given), so that messages name the rows
 * a user can find. Every pass is one loop over the values: fromRecords stays
 * linear in rows and columns, and counts a column's categories before it
 * allocates one row of X per category.
 */
import { ValueError, describeValue } from '../core/errors.js';
import { isFiniteNumber } from '../core/validate.js';
import { type Label, sortLabels } from './metrics.js';

/** The limits fromRecords puts on a categorical column (or a class target), each a row of X (of Y). */
export const FROM_RECORDS_LIMITS = Object.freeze({
  /** The most categories a column may have, or classes the target. */
  categories: 1000,
  /** From this many rows on, a column whose every value differs is an identifier, not a category. */
  identifierRows: 20,
});

/** One column of the records kept: its name, its values (missing ones included), and each value's row (from 1). */
export interface Column {
  readonly name: string;
  readonly values: readonly unknown[];
  readonly rows: readonly number[];
}

/** A categorical column read: each record's category (undefined where missing), and the categories, sorted. */
export interface Categories {
  readonly names: readonly (string | undefined)[];
  readonly categories: readonly string[];
}

/** True for what counts as a missing value: absent (undefined), null, an empty string, NaN. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || Number.isNaN(value);
}

/** A date or a date and time as ISO 8601 writes them (2012-01-01, 2012-01-01T10:30:00Z). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
/** A number written with a decimal comma: 1,5, -0,25. */
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/**
 * True when most of the column's values are numbers (a tie too): it is a column of numbers, and its
 * other values are mistakes to name. A column of text with a few numbers is a column of categories.
 * @example holdsNumbers({ name: 'hp', values: [130, '?', 95], rows: [1, 2, 3] }) //=> true
 */
export function holdsNumbers(column: Column): boolean {
  let numbers = 0;
  let others = 0;
  for (const value of column.values) {
    if (isMissing(value)) continue;
    if (typeof value === 'number') numbers++;
    else others++;
  }
  return numbers > 0 && numbers >= others;
}

/**
 * Refuses a column a network cannot read as it is, saying what to do: dates (every value one), and
 * numbers written with a decimal comma (every text one, the rest numbers).
 * @example checkReadable({ name: 'day', values: ['2012-01-01'], rows: [1] }, 'fromRecords') // throws: fromRecords: column "day" holds dates ("2012-01-01", …) but a network reads numbers and categories …
 */
export function checkReadable(column: Column, where: string): void {
  let present = 0;
  let numbers = 0;
  let texts = 0;
  let dates = 0;
  const commas: string[] = [];
  for (const value of column.values) {
    if (isMissing(value)) continue;
    present++;
    if (typeof value === 'number') numbers++;
    if (typeof value !== 'string') continue;
    texts++;
    if (ISO_DATE.test(value)) dates++;
    if (DECIMAL_COMMA.test(value)) commas.push(value);
  }
  const name = JSON.stringify(column.name);
  if (commas.length > 0 && commas.length === texts && texts + numbers === present) {
    const shown = commas.slice(0, 3).map((c) => JSON.stringify(c));
    throw new ValueError(
      `${where}: column ${name} holds ${shown.join(', ')}${commas.length > 3 ? ', …' : ''}, numbers written with a decimal comma (read the file with readCsv(path, { decimal: ',' }), or make them numbers)`,
    );
  }
  if (dates > 0 && dates === present) {
    const first = column.values.find((value) => !isMissing(value));
    throw new ValueError(
      `${where}: column ${name} holds dates (${JSON.stringify(first)}, …) but a network reads numbers and categories (derive numbers from it, such as the month, the day of the year or the days since the first date, and use those as inputs)`,
    );
  }
}

/**
 * A column of numbers, NaN where a value is missing; a value that is neither is named with its row
 * (up to five of them, and how many in all).
 * @example readNumbers({ name: 'hp', values: [130, null], rows: [1, 2] }, 'fromRecords') //=> [130, NaN]
 */
export function readNumbers(column: Column, where: string): Float64Array {
  const numbers = new Float64Array(column.values.length);
  const strays: number[] = [];
  let present = 0;
  column.values.forEach((value, j) => {
    if (isMissing(value)) {
      numbers[j] = Number.NaN;
      return;
    }
    present++;
    if (isFiniteNumber(value)) numbers[j] = value;
    else strays.push(j);
  });
  if (strays.length > 0) {
    throw new ValueError(
      `${where}: column ${JSON.stringify(column.name)} holds numbers but ${cells(column, strays, present, 'are not')} (every value must be a finite number, or null where it is missing)`,
    );
  }
  return numbers;
}

/**
 * A column of categories (or the classes of a target): each value's name (text as it is, booleans
 * and, when `numbersToo`, numbers as text) and the categories sorted (numbers by value, then text by
 * code unit). Counted before anything is allocated per category: an identifier (every value
 * different, from FROM_RECORDS_LIMITS.identifierRows rows on) or more than FROM_RECORDS_LIMITS.categories
 * categories is refused.
 * @example readCategories({ name: 'island', values: ['Dream', null, 'Biscoe'], rows: [1, 2, 3] }, 'category', false, 'fromRecords').categories //=> ['Biscoe', 'Dream']
 */
export function readCategories(
  column: Column,
  role: 'category' | 'class',
  numbersToo: boolean,
  where: string,
): Categories {
  const name = JSON.stringify(column.name);
  const names: (string | undefined)[] = new Array(column.values.length);
  const seen = new Map<string, Label>(); // a category's name → the value it was read from
  const numbers: number[] = [];
  let present = 0;
  column.values.forEach((value, j) => {
    if (isMissing(value)) return; // names[j] stays undefined
    present++;
    if (typeof value === 'number' && !numbersToo) {
      numbers.push(j);
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'boolean' && !isFiniteNumber(value)) {
      throw new ValueError(
        `${where}: row ${column.rows[j]}, column ${name} is ${describeValue(value)} but the column holds categories (text or booleans)`,
      );
    }
    const category = String(value);
    const before = seen.get(category);
    if (before === undefined) seen.set(category, value);
    else if (before !== value) {
      throw new ValueError(
        `${where}: column ${name} holds ${JSON.stringify(category)} both as text and as a number or boolean but ${role === 'class' ? 'class names' : 'categories'} must be distinct as text`,
      );
    }
    names[j] = category;
  });
  if (numbers.length > 0) {
    throw new ValueError(
      `${where}: column ${name} holds categories (text) but ${cells(column, numbers, present, 'are numbers')} (to read numbers as categories too, pass categorical: [${name}])`,
    );
  }
  const { categories: most, identifierRows } = FROM_RECORDS_LIMITS;
  if (seen.size === present && present >= identifierRows) {
    throw new ValueError(
      `${where}: column ${name} has ${seen.size} different values in ${present} rows: it looks like an identifier, not a ${role}` +
        (role === 'class' ? ' (a classification needs several samples of each class)' : ' (leave it out of inputs)'),
    );
  }
  if (seen.size > most) {
    throw new ValueError(
      role === 'class'
        ? `${where}: column ${name} has ${seen.size} classes but a target may have at most ${most} (FROM_RECORDS_LIMITS.categories)`
        : `${where}: column ${name} has ${seen.size} categories but a column may have at most ${most} (FROM_RECORDS_LIMITS.categories): group the rare ones, or leave the column out`,
    );
  }
  return { names, categories: sortLabels([...seen.values()]).map(String) };
}

/** "row 3 is 3" for one cell; "2 of its 6 values are numbers: row 2 is 1, row 5 is 2" for several (five at most, then "and 7 more"). */
function cells(column: Column, at: readonly number[], present: number, are: string): string {
  const shown = at.slice(0, 5).map((j) => `row ${column.rows[j]} is ${describeValue(column.values[j])}`);
  const more = at.length > 5 ? ` and ${at.length - 5} more` : '';
  return at.length === 1 ? shown[0] : `${at.length} of its ${present} values ${are}: ${shown.join(', ')}${more}`;
}

/**
 * The fill for a column of numbers' missing values (NaN), from its other values: their mean, their median
 * (the mean of the two middle ones for an even count) or their mode (the commonest; a tie goes to the
 * smallest). Undefined when the column has no value at all.
 * @example numberFill(new Float64Array([1, NaN, 5, 6]), 'median') //=> 5
 */
export function numberFill(values: Float64Array, how: 'mean' | 'median' | 'mode'): number | undefined {
  const present = values.filter((x) => !Number.isNaN(x)).sort(); // a Float64Array sorts by value
  const n = present.length;
  if (n === 0) return undefined;
  if (how === 'mean') return present.reduce((sum, x) => sum + x, 0) / n;
  if (how === 'median') return n % 2 === 1 ? present[(n - 1) / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
  let mode = present[0];
  let most = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && present[j] === present[i]) j++; // present[i … j − 1] are equal (sorted)
    if (j - i > most) [mode, most] = [present[i], j - i]; // strictly more: a tie keeps the smaller
    i = j;
  }
  return mode;
}

/**
 * The fill for a categorical column's missing values: its commonest category (a tie goes to the first in
 * sorted order). Undefined when the column has no value at all.
 * @example categoryFill(['b', undefined, 'a', 'b'], ['a', 'b']) //=> 'b'
 */
export function categoryFill(
  names: readonly (string | undefined)[],
  categories: readonly string[],
): string | undefined {
  const counts = new Map<string, number>(categories.map((c) => [c, 0]));
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  let fill: string | undefined;
  let most = 0;
  for (const category of categories) {
    const count = counts.get(category) ?? 0;
    if (count > most) [fill, most] = [category, count];
  }
  return fill;
}
