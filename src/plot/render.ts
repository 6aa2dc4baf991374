/**
 * From a Vega-Lite spec to an SVG string, in Node or a browser, with no DOM:
 * Vega-Lite compiles the spec to Vega, Vega lays it out and writes the SVG.
 * Both are optional peer dependencies, loaded on the first SVG only, so the
 * `...Spec` twins (and the whole core library) work without them installed.
 */
import { ValueError, describeValue } from '../core/errors.js';
import { textWidth } from './text-width.js';

/** A Vega-Lite spec as the `...Spec` functions return it: plain JSON you can also hand to vega-embed. */
export type VegaLiteSpec = Record<string, unknown>;

/** The URL every spec names in `$schema`, so editors and vega-embed know its version. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

interface VegaModules {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

/**
 * What every plot's spec starts with: the schema, a white background, a title and
 * subtitle at the left, and one look for fonts, axes and the frame.
 * @example specStart('Loss per epoch', '3 epochs').title.text //=> 'Loss per epoch'
 */
export function specStart(title: string, subtitle: string, axis: Record<string, unknown> = { gridColor: '#eeeeee' }) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle, anchor: 'start', fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555' },
    background: 'white',
    config: {
      font: 'sans-serif',
      view: { stroke: '#dddddd' },
      axis: { ...axis, labelFontSize: 11, titleFontSize: 12 },
    },
  };
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
  if (typeof where !== 'string') where = 'renderSvg';
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ValueError(
      `${where}: spec is ${describeValue(spec)} but it must be a Vega-Lite spec, as plotFunctionSpec and the other *Spec functions give`,
    );
  }
  const { vega, vegaLite } = await loadVega(where);
  // compile() is typed for Vega-Lite's own TopLevelSpec; ours are plain JSON written to that schema.
  const { spec: compiled } = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  // Without a canvas Vega guesses text widths at 0.8 em a character; lay out with Helvetica's widths instead.
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (metrics.width === metrics.estimateWidth || metrics.width === textWidth) {
    drawing++; // several renders may overlap; the last to finish gives Vega its guess back
    metrics.width = textWidth;
  }
  try {
    return roundCoordinates(await view.toSVG());
  } finally {
    if (metrics.width === textWidth && --drawing === 0) metrics.width = metrics.estimateWidth;
    view.finalize();
  }
}

/** How many renders are drawing with `textWidth` lent to Vega right now. */
let drawing = 0;

/** Vega's text measure (vega-scenegraph's textMetrics): `width` is the one in use, replaceable as vl-convert does. */
interface TextMetrics {
  width: (item: object, text?: unknown) => number;
  estimateWidth: (item: object, text?: unknown) => number;
}

/**
 * Vega writes coordinates with every digit (6.666666666666687); a hundredth of
 * a pixel is invisible, so path and transform coordinates keep 2 decimals.
 * Text, labels and aria descriptions are left exactly as they are.
 */
function roundCoordinates(svg: string): string {
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_, name: string, value: string) => {
    const short = value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
    return ` ${name}="${short}"`;
  });
}
