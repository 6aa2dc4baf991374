/**
 * Your own data: a CSV dropped on the page, opened, or pasted, read with the
 * rules of the library's `readCsv` (src/interop/csv.ts: csv-parse, a header
 * line, a byte-order mark dropped, quotes, empty lines skipped, a cell that is
 * a plain decimal number becomes a number, an empty cell is missing), in the
 * browser. One or two numeric input columns, then the target, the last column:
 * a number for one input (a curve), two classes for two inputs (0 and 1, or two
 * words). A CSV the page cannot use gets a message naming the line and column.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { html } from './dom.js';
import { importNetwork } from './export.js';
import { MAX_OWN_POINTS, MAX_POINT } from './rules.js';
import { type Point, type State, resetNetwork, state } from './state.js';

/** A plain decimal number as people write one in a table: readCsv's rule (12, -0.5, .5, 1e3; not 0x1F, Infinity, 1,5). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as readCsv reads it: a number, text, or null when empty. */
export type Cell = number | string | null;

/** The rows of a CSV text as readCsv returns them (records keyed by the header), each with its line in the file. */
export function readCsvText(text: string, name: string): { columns: string[]; rows: { line: number; record: Record<string, Cell> }[] } {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new Error(`${name} is empty but its first line must be the header (the column names)`);
  let columns: string[] = [];
  try {
    const rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => {
        names.forEach((column, n) => {
          if (column.trim() === '') throw new Error(`${name} line 1 has an empty name for column ${n + 1} but every column needs a name (the first line is the header)`);
          if (names.indexOf(column) !== n) throw new Error(`${name} line 1 names column "${column}" twice (columns ${names.indexOf(column) + 1} and ${n + 1}) but each name must be distinct`);
        });
        columns = names;
        return names;
      },
      cast: (value: string, context: { header: boolean }) => {
        if (context.header) return value;
        if (value.trim() === '') return null; // an empty cell is a missing value
        return DECIMAL.test(value.trim()) ? Number(value) : value;
      },
    }) as { record: Record<string, Cell>; info: { lines: number } }[];
    return { columns, rows: rows.map(({ record, info }) => ({ line: info.lines, record })) };
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number; record?: unknown[] };
    if (e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
      throw new Error(`${name} line ${e.lines} has ${e.record?.length ?? 0} field${e.record?.length === 1 ? '' : 's'} but the header has ${columns.length} (every row needs one field per column: ${columns.join(', ')})`);
    }
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new Error(`${name} has a quote opened on or before line ${e.lines} that is never closed (a field in quotes ends with a quote; a quote inside it is written "")`);
    }
    throw e.code ? new Error(`${name} is not valid CSV (${e.message})`) : e;
  }
}

/** Your data from a CSV: its points, its column names (inputs, then the target) and, for words as classes, their names. */
export function dataFromCsv(text: string, name: string): Pick<State, 'points' | 'columns' | 'classes'> {
  const { columns, rows } = readCsvText(text, name);
  if (columns.length < 2 || columns.length > 3) {
    throw new Error(
      `${name} has ${columns.length} column${columns.length === 1 ? '' : 's'} (${columns.join(', ')}) but the page takes one or two input columns and then the target, the last column`,
    );
  }
  if (rows.length === 0) throw new Error(`${name} has a header but no rows of data`);
  if (rows.length > MAX_OWN_POINTS) throw new Error(`${name} has ${rows.length} rows but the page trains on at most ${MAX_OWN_POINTS}`);
  const inputs = columns.slice(0, -1);
  const target = columns[columns.length - 1];
  const where = (line: number, column: string) => `${name} line ${line}, column "${column}"`;
  /** A cell that must be a number: empty, text and huge values are named by line and column. */
  const number = (v: Cell, line: number, column: string, what: string): number => {
    if (v === null) throw new Error(`${where(line, column)} is empty but ${what} must be a number`);
    if (typeof v !== 'number') throw new Error(`${where(line, column)} is "${v}" but ${what} must be a number`);
    if (!(Math.abs(v) <= MAX_POINT)) throw new Error(`${where(line, column)} is ${v} but a value must be within ±${MAX_POINT}`);
    return v;
  };
  const points: Point[] = rows.map(({ line, record }) => ({ x: inputs.map((column) => number(record[column], line, column, 'an input')), y: 0 }));
  const targets = rows.map(({ line, record }) => {
    const v = record[target];
    if (v === null) throw new Error(`${where(line, target)} is empty but every row needs a target`);
    return v;
  });
  let classes: string[] = [];
  if (inputs.length === 1) {
    targets.forEach((v, n) => {
      points[n].y = number(v, rows[n].line, target, 'with one input the target');
    });
  } else {
    const distinct = [...new Set(targets.map(String))];
    const zeroOne = targets.every((v) => v === 0 || v === 1);
    if (!zeroOne && distinct.length !== 2) {
      throw new Error(
        `${name} column "${target}" has ${distinct.length} different values (${distinct.slice(0, 5).join(', ')}${distinct.length > 5 ? ', …' : ''}) but with two inputs the target is one of two classes (0 and 1, or two words)`,
      );
    }
    if (!zeroOne) classes = distinct.sort();
    targets.forEach((v, n) => {
      points[n].y = zeroOne ? (v as number) : classes.indexOf(String(v));
    });
  }
  return { points, columns, classes };
}

/** Reads a CSV and trains on it: the target becomes your points (one input or two), the network starts afresh. */
export function useCsv(text: string, name: string): { ok: boolean; message: string } {
  try {
    const data = dataFromCsv(text, name);
    const target: State['target'] = data.columns.length === 2 ? 'points' : 'points2d';
    resetNetwork({ ...data, target, sampleIndex: 0, noise: 0, stepLayer: 1, backLayer: state.hidden.length + 1 });
    const classes = data.classes.length ? ` (class 0: ${data.classes[0]}, class 1: ${data.classes[1]})` : '';
    return {
      ok: true,
      message: `Read ${data.points.length} rows of ${name}: ${data.columns.slice(0, -1).join(' and ')} → ${data.columns[data.columns.length - 1]}${classes}. Press play to train on them.`,
    };
  } catch (error) {
    return { ok: false, message: `Not used: ${(error as Error).message}` };
  }
}

function report(result: { ok: boolean; message: string }): void {
  const box = document.querySelector<HTMLElement>('#csv-message');
  if (!box) return;
  box.textContent = result.message;
  box.className = result.ok ? 'ok' : 'error';
}

/** A file dropped anywhere on the page: a network's .json is imported (as the import box does), anything else is read as a CSV. */
function listenForDrops(): void {
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', async (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    if (!file.name.toLowerCase().endsWith('.json')) {
      report(useCsv(await file.text(), file.name));
      return;
    }
    const result = importNetwork(await file.text());
    const box = document.querySelector<HTMLElement>('#import-message');
    if (box) {
      box.textContent = result.message;
      box.className = result.ok ? 'ok' : 'error';
    }
  });
}

/** The panel, drawn once (what is pasted stays across redraws); afterwards only its summary follows the state. */
export function renderOwnData(root: HTMLElement): void {
  if (!root.querySelector('#csv-text')) {
    root.innerHTML = html`
      <details id="own-data-box">
        <summary>Your own data: drop a CSV on the page, open one, or paste it</summary>
        <p class="muted">One or two input columns of numbers, then the target (the last column): a number for one input,
          two classes for two (0 and 1, or two words). Read as <code>readCsv</code> reads a file: a header line, commas,
          quotes allowed. Or choose the target "your points" and click the plot (shift-click: the other class).</p>
        <textarea id="csv-text" rows="4" spellcheck="false" placeholder="x,y&#10;-1.5,0.2&#10;0.5,1.1"></textarea>
        <div class="row"><button id="csv-use">train on this CSV</button>
          <label>or a file <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" /></label>
          <button id="clear-points">clear your points</button></div>
        <p id="csv-message" role="status"></p>
      </details>`;
    root.querySelector('#csv-use')?.addEventListener('click', () =>
      report(useCsv(root.querySelector<HTMLTextAreaElement>('#csv-text')!.value, 'the pasted CSV')),
    );
    root.querySelector<HTMLInputElement>('#csv-file')?.addEventListener('change', async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) report(useCsv(await file.text(), file.name));
    });
    root.querySelector('#clear-points')?.addEventListener('click', () => resetNetwork({ points: [], columns: [], classes: [] }));
    listenForDrops();
  }
  const own = state.target === 'points' || state.target === 'points2d';
  if (own) root.querySelector<HTMLDetailsElement>('#own-data-box')!.open = true;
  root.querySelector<HTMLButtonElement>('#clear-points')!.disabled = state.points.length === 0;
}
