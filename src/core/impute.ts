/**
 * The values that stand in for a missing input (`net.impute`): one fill per
 * column, computed by `fromRecords(…, { missing: 'mean' | 'median' | 'mode' })`
 * on the training records and saved with the network, so that `classify` and
 * `predict` fill a new record's missing value exactly as training did.
 *
 *   features  ['beak', 'island=Biscoe', 'island=Dream']
 *   impute    { beak: 43.9, island: 'Dream' }     a number for a column of numbers,
 *                                                  one of its categories for a categorical one
 *
 * Checked here, against the features, as untrusted input (it is read from files).
 */
import { ValueError, describeValue, plural } from './errors.js';
import { didYouMean, isFiniteNumber } from './validate.js';

/** Fills for missing inputs, by column: a number, or a category's name. */
export type Impute = Readonly<Record<string, number | string>>;

/**
 * Checks fills against the features the network reads records with, and returns a frozen copy:
 * each key a column of the features, its fill a finite number for a column of numbers (a feature
 * named as the column) or one of the categories of a categorical column (features `column=category`).
 * @example checkImpute({ beak: 43.9, island: 'Dream' }, ['beak', 'island=Biscoe', 'island=Dream'], 'net.impute') //=> { beak: 43.9, island: 'Dream' }
 */
export function checkImpute(value: unknown, features: readonly string[] | undefined, where: string): Impute {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValueError(
      `${where}: impute is ${describeValue(value)} but it must be an object of fills by column, such as { age: 41 } (fromRecords' impute)`,
    );
  }
  if (features === undefined) {
    throw new ValueError(
      `${where}: impute fills inputs by column name but the network has no features to name them (set features first)`,
    );
  }
  const fills = value as Record<string, unknown>;
  const keys = Object.keys(fills); // own keys only: nothing inherited is a fill
  if (keys.length > features.length) {
    // counted before any name is looked at: a file cannot make this check slow
    throw new ValueError(
      `${where}: impute has ${plural(keys.length, 'fill')} but the network has ${plural(features.length, 'feature')} (at most one fill per column)`,
    );
  }
  const numbers = new Set(features);
  const categories = categoriesByColumn(features);
  for (const column of keys) {
    const fill = fills[column];
    if (numbers.has(column) && isFiniteNumber(fill)) continue;
    const known = categories.get(column);
    if (known?.has(fill as string)) continue;
    if (numbers.has(column)) {
      throw new ValueError(
        `${where}: impute fills column ${JSON.stringify(column)} with ${describeValue(fill)} but the column holds numbers (a fill must be a finite number)`,
      );
    }
    if (known !== undefined) {
      throw new ValueError(
        `${where}: impute fills column ${JSON.stringify(column)} with ${describeValue(fill)} but its categories are ${[...known].map((c) => JSON.stringify(c)).join(', ')} (a fill must be one of them)`,
      );
    }
    throw new ValueError(
      `${where}: impute fills column ${JSON.stringify(column)}${didYouMean(column, [...numbers, ...categories.keys()])} but the network's features have no such column`,
    );
  }
  return Object.freeze(Object.fromEntries(keys.map((column) => [column, fills[column] as number | string])));
}

/**
 * For every way of reading a feature as `column=category` (at each "=" it holds), the column's categories.
 * @example categoriesByColumn(['x', 'k=a', 'k=b']) //=> Map { 'k' => Set { 'a', 'b' } }
 */
export function categoriesByColumn(features: readonly string[]): Map<string, Set<string>> {
  const categories = new Map<string, Set<string>>();
  for (const feature of features) {
    for (let at = feature.indexOf('='); at >= 0; at = feature.indexOf('=', at + 1)) {
      const column = feature.slice(0, at);
      const known = categories.get(column) ?? new Set<string>();
      known.add(feature.slice(at + 1));
      categories.set(column, known);
    }
  }
  return categories;
}
