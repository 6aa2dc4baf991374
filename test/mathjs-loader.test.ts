/**
 * mathjs is loaded only when a feature needs it: synchronously in Node 20.16
 * and later, and after `await loadMathjs()` anywhere else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type WithBuiltin = { getBuiltinModule?: unknown };
const original = (process as WithBuiltin).getBuiltinModule;

afterEach(() => {
  (process as WithBuiltin).getBuiltinModule = original;
  vi.resetModules();
});

describe('mathjs(where), the lazy loader', () => {
  it('loads mathjs synchronously in this Node', async () => {
    vi.resetModules();
    const { mathjs } = await import('../src/core/mathjs-loader.js');
    expect(mathjs('test').evaluate('2 + 3')).toBe(5);
  });

  it('in a Node without process.getBuiltinModule (older than 20.16), says to call loadMathjs first', async () => {
    vi.resetModules();
    (process as WithBuiltin).getBuiltinModule = undefined;
    const { mathjs } = await import('../src/core/mathjs-loader.js');
    expect(() => mathjs('formula')).toThrow(
      'formula: mathjs is not loaded yet and this Node is older than 20.16, which has no process.getBuiltinModule: call `await loadMathjs()` once before using mathjs features',
    );
  });

  it('after await loadMathjs(), works there too', async () => {
    vi.resetModules();
    (process as WithBuiltin).getBuiltinModule = undefined;
    const { loadMathjs, mathjs } = await import('../src/core/mathjs-loader.js');
    await loadMathjs();
    expect(mathjs('formula').evaluate('2 * 3')).toBe(6);
  });
});
