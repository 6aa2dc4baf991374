/**
 * mathjs is loaded only when a feature needs it: synchronously in Node 20.16
 * and later, and after `await loadMathjs()` anywhere else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('the Node the library asks for', () => {
  const root = join(__dirname, '..');
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  it('cli-progress (fit with progress: true) needs the same process.getBuiltinModule, and says so', async () => {
    (process as WithBuiltin).getBuiltinModule = undefined;
    const { createProgress } = await import('../src/train/progress.js');
    expect(() => createProgress(3, 0, 'fit')).toThrow(
      'fit: progress is true but a progress bar needs Node.js 20.16 or newer (set progress: false, or use onEpoch)',
    );
  });

  it("is 20.16, the first with process.getBuiltinModule: in package.json's engines, the README and CONTRIBUTING.md", () => {
    expect(JSON.parse(read('package.json')).engines).toEqual({ node: '>=20.16' });
    expect(read('README.md')).toContain('(Node 20.16 or newer)');
    expect(read('CONTRIBUTING.md')).toContain('You need Node 20.16 or newer');
    expect(typeof (process as WithBuiltin).getBuiltinModule).toBe('function'); // this Node has it
  });
});
