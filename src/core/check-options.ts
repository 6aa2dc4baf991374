/**
 * The options object every training function takes last: absent means {},
 * anything but a plain object is a mistake worth a clear message.
 */
import { ValueError, describeValue } from './errors.js';

/**
 * `options` as an object ({} when undefined); throws a ValueError naming `where` for anything else.
 * @example checkOptions(undefined, 'sgd') //=> {}
 */
export function checkOptions<T extends object>(options: T | undefined, where: string): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError(`${where}: options are ${describeValue(options)} but must be an object (or left out)`);
  }
  return options;
}

/**
 * A number option: finite and accepted by `ok`, else a ValueError saying what it must be.
 * @example checkNumber(0.1, 'sgd', 'learningRate', (x) => x > 0, 'a number > 0') //=> 0.1
 */
export function checkNumber(value: unknown, where: string, name: string, ok: (x: number) => boolean, rule: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new ValueError(`${where}: ${name} is ${describeValue(value)} but it must be ${rule}`);
  }
  return value;
}
