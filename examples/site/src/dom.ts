/** Small helpers the site's pages share: a tagged template that joins, and numbers as a person reads them. */

/** Joins a template literal's parts as they are (the pages build their HTML from their own strings and numbers). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, k) => out + part + (k < values.length ? String(values[k]) : ''), '');
}

/** Text made safe to put inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number with up to 4 significant digits, −0 as 0, and a real minus sign. */
export function short(x: number): string {
  const text = String(Number(x.toPrecision(4)) + 0);
  return text.replace('-', '−');
}

/** A number with up to 10 significant digits (for the nudge check, where the digits are the point). */
export function precise(x: number): string {
  return String(Number(x.toPrecision(10)) + 0).replace('-', '−');
}

/** A weighted sum as a person writes it: linear([[1, 'x'], [-1, 'a₂']], -2.5) is "1·x − 1·a₂ − 2.5". */
export function linear(terms: [number, string][], bias: number): string {
  const parts = [...terms.map(([w, v]) => [w, `${short(Math.abs(w))}·${v}`] as const), [bias, short(Math.abs(bias))] as const];
  return parts.map(([v, text], k) => (k === 0 ? `${v < 0 ? '−' : ''}${text}` : `${v < 0 ? '−' : '+'} ${text}`)).join(' ');
}

/** A name of the naming table (docs/naming.md), marked so that the page test can compare what is shown with the table. */
export function name(text: string): string {
  return `<code class="name" data-name="${text}">${text}</code>`;
}
