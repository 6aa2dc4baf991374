/**
 * Reading the SVG the plots write, the way the tests check it: strictly as
 * XML (fast-xml-parser's validator), then element by element.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One SVG element: its tag, its attributes, its child elements. */
export interface SvgElement {
  tag: string;
  attributes: Record<string, string>;
  children: SvgElement[];
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses an SVG string; throws with the validator's message (line and column) unless it is well-formed XML. */
export function parseSvg(svg: string): SvgElement {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}, column ${valid.err.col}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });
  const convert = (node: Ordered): SvgElement | undefined => {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined || tag === '#text') return undefined;
    const children = (node[tag] as Ordered[]).map(convert).filter((c): c is SvgElement => c !== undefined);
    return { tag, attributes: node[':@'] ?? {}, children };
  };
  const roots = (parser.parse(svg) as Ordered[]).map(convert).filter((c): c is SvgElement => c !== undefined);
  const root = roots.find((r) => r.tag === 'svg');
  if (root === undefined) throw new Error('no <svg> element');
  return root;
}

/** Every element under `root` (itself included) for which `test` holds, in document order. */
export function findAll(root: SvgElement, test: (e: SvgElement) => boolean): SvgElement[] {
  const found: SvgElement[] = [];
  const visit = (e: SvgElement) => {
    if (test(e)) found.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** The drawn items of a named Vega-Lite layer: the paths inside every `<g class="… NAME_marks">`. */
export function marks(root: SvgElement, name: string): SvgElement[] {
  const groups = findAll(root, (e) => e.tag === 'g' && (e.attributes.class ?? '').split(' ').includes(`${name}_marks`));
  return groups.flatMap((g) => g.children.filter((c) => c.tag === 'path'));
}

/** The (x, y) of a `transform="translate(x,y)"`, in pixels. */
export function translation(e: SvgElement): [number, number] {
  const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(e.attributes.transform ?? '');
  if (match === null) throw new Error(`no translate() in ${JSON.stringify(e.attributes)}`);
  return [Number(match[1]), Number(match[2])];
}

/** Every piece of text the picture shows (titles, axis labels, legends), as written in the SVG. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}
