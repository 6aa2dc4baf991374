/**
 * Proof that a call leaves its inputs alone. `deepFreeze` freezes every array
 * and plain object reachable from a value (a write then throws a TypeError in
 * strict code); Float64Arrays cannot be frozen, so `snapshot` copies every
 * Matrix's data and `unchanged` compares after the call.
 */
import { expect } from 'vitest';
import { Matrix } from '../../src/index.js';
import { bits } from './oracles.js';

/** Freezes `value` and every array and plain object it holds. Returns `value`. */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || !(Array.isArray(value) || isPlain(value))) {
    return value; // Matrices (typed arrays cannot be frozen) and class instances are left to `snapshot`
  }
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of the data of every Matrix reachable from `value`, to compare after a call. */
export function snapshot(value: unknown): Map<Float64Array, Float64Array> {
  const copies = new Map<Float64Array, Float64Array>();
  const walk = (v: unknown, seen: Set<unknown>): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Matrix) copies.set(v.data, v.data.slice());
    else if (!ArrayBuffer.isView(v)) for (const key of Reflect.ownKeys(v)) walk((v as Record<PropertyKey, unknown>)[key], seen);
  };
  walk(value, new Set());
  return copies;
}

/** True when every Matrix in a snapshot still holds the same bits. */
export function unchanged(copies: Map<Float64Array, Float64Array>): boolean {
  for (const [data, copy] of copies) if (JSON.stringify(bits(data)) !== JSON.stringify(bits(copy))) return false;
  return true;
}

/**
 * Calls f on deep-frozen arguments and checks that no Matrix among them changed.
 * A write into a frozen array throws, so a mutating function fails loudly.
 */
export function callFrozen<A extends unknown[], R>(f: (...args: A) => R, ...args: A): R {
  deepFreeze(args);
  const copies = snapshot(args);
  const result = f(...args);
  expect(unchanged(copies), 'a Matrix argument was changed').toBe(true);
  return result;
}
