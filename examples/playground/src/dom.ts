/**
 * Tagged templates that only join their parts: they mark which strings are
 * HTML or SVG for a reader (and for editors that highlight them).
 */
function join(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, n) => out + s + (n < values.length ? String(values[n]) : ''), '');
}

export const html = join;
export const svg = join;

/** A number as the views print it: 3 decimals, −0 as 0. */
export function short(x: number): string {
  const text = x.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** Text from outside (a CSV's column names, an imported activation's name) made safe to put in HTML or SVG: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
