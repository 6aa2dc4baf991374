/**
 * From a Vega-Lite spec to an SVG string, in Node or a browser, with no DOM:
 * Vega-Lite compiles the spec to Vega, Vega lays it out and writes the SVG.
 * Both are optional peer dependencies, loaded on the first SVG only, so the
 * `...Spec` twins (and the whole core library) work without them installed.
 */
import { ValueError } from '../errors.js';

/** A Vega-Lite spec as the `...Spec` functions return it: plain JSON you can also hand to vega-embed. */
export type VegaLiteSpec = Record<string, unknown>;

/** The URL every spec names in `$schema`, so editors and vega-embed know its version. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

interface VegaModules {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

let loading: Promise<VegaModules> | undefined;

/** Imports vega and vega-lite once; a clear error if they are not installed. */
function loadVega(where: string): Promise<VegaModules> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return loading.catch((error: unknown) => {
    loading = undefined; // a later call may succeed once the packages are installed
    throw new ValueError(
      `${where}: drawing SVG needs the optional packages vega and vega-lite, but they could not be loaded (${(error as Error).message}). Install them with: npm install vega vega-lite (the ...Spec functions work without them)`,
    );
  });
}

/**
 * The SVG text of a Vega-Lite spec, rendered headless.
 * @example await renderSvg({ mark: 'point', data: { values: [{}] } }, 'example') //=> '<svg xmlns="http://www.w3.org/2000/svg" …</svg>'
 */
export async function renderSvg(spec: VegaLiteSpec, where: string): Promise<string> {
  const { vega, vegaLite } = await loadVega(where);
  // compile() is typed for Vega-Lite's own TopLevelSpec; ours are plain JSON written to that schema.
  const { spec: compiled } = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
