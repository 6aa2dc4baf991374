/**
 * mathjs, loaded only when a feature that needs it is used, so that
 * `import 'feedforward'` stays cheap (mathjs alone takes longer to load than
 * the rest of the library).
 *
 * In Node (20.16 or newer, as package.json's `engines` says) it is loaded on
 * first use, synchronously: mathjs ships CommonJS, and process.getBuiltinModule
 * gives a `require` to load it with. In a browser bundle, or an older Node, call
 * `await loadMathjs()` once before using `toMathjs()` or expression activations.
 */
import type * as MathJs from 'mathjs';

export type MathJsStatic = typeof MathJs;

let loaded: MathJsStatic | undefined;

/**
 * Loads mathjs (once) and returns it. Works everywhere, including browsers.
 * @example (await loadMathjs()).matrix([[1, 2]]).size() //=> [1, 2]
 */
export async function loadMathjs(): Promise<MathJsStatic> {
  loaded ??= (await import('mathjs')) as MathJsStatic;
  return loaded;
}

/** mathjs, loading it synchronously in Node the first time. */
export function mathjs(where: string): MathJsStatic {
  if (loaded) return loaded;
  const require = nodeRequire();
  if (require) {
    loaded = require('mathjs') as MathJsStatic;
    return loaded;
  }
  const why = (globalThis as { process?: unknown }).process
    ? 'this Node is older than 20.16, which has no process.getBuiltinModule'
    : 'this is not Node';
  throw new Error(
    `${where}: mathjs is not loaded yet and ${why}: call \`await loadMathjs()\` once before using mathjs features`,
  );
}

let own: MathJsStatic | undefined;

/**
 * The library's own mathjs instance (`create(all)`), for formulas: nothing a
 * formula does (and nothing another mathjs user does to the process-wide
 * mathjs, such as `import` or `createUnit`) reaches the other side.
 * @example formulaMathjs('test') !== mathjs('test') //=> true
 */
export function formulaMathjs(where: string): MathJsStatic {
  if (own) return own;
  const shared = mathjs(where);
  own = shared.create(shared.all) as unknown as MathJsStatic;
  return own;
}

/**
 * Node's require(), for loading a package the moment it is needed; undefined outside Node
 * or before Node 20.16. process.getBuiltinModule reaches it from ESM and CJS alike, without
 * an import of 'node:module' that would break browser bundles.
 * @example typeof nodeRequire() //=> 'function'
 */
export function nodeRequire(): ((id: string) => unknown) | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('node:module') as
    | { createRequire(from: string): (id: string) => unknown }
    | undefined;
  // The CommonJS build knows its place by __filename, the ESM build by import.meta.url.
  return nodeModule?.createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
}
