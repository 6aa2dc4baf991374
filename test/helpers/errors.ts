/**
 * expectError(() => call(), ShapeError, 'the exact message'): the call throws
 * that class (not a subclass of something else, not a TypeError from inside)
 * with exactly that message.
 */
import { expect } from 'vitest';

export function expectError(call: () => unknown, kind: new (...args: never[]) => Error, message: string): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${kind.name}: ${message}`).toBeInstanceOf(kind);
  expect((caught as Error).message).toBe(message);
}
