/**
 * The naming table of docs/naming.md, read as data: the one set of names the demo, the exercises, the
 * lesson page, the playground's steppers and the README use for the article's network.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../../docs/naming.md', import.meta.url));

export interface NamingRow {
  name: string;
  what: string;
  /** The article network's value, when the table gives it as numbers in code (`[[1, 1]]`); else undefined. */
  value: unknown;
}

/** The rows of the table, in order. */
export function namingTable(): NamingRow[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('| name |'));
  const rows: NamingRow[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const number = /^`([-\d.[\], ]+)`$/.exec(cells[4]); // `[[1], [-1]]`, `-2.5`; not `vstack(out3, out4)`
    rows.push({ name: cells[0].replaceAll('`', ''), what: cells[1], value: number ? JSON.parse(number[1]) : undefined });
  }
  return rows;
}

/**
 * The article names a text uses: weights and biases named by the diagram's numbers (W1, w35, b5, …) and
 * the steps named by the article's code (out1, act5, …). Any such word must be a name of the table.
 */
export function articleNamesIn(text: string): string[] {
  return [...new Set(text.match(/\b(?:[Wwb][1-9][0-9]?|out[1-9]|act[1-9])\b/g) ?? [])];
}
