/**
 * Reading a CSV file into records (Node, in `feedforward/node`): one object
 * per row, keyed by the header row, numbers parsed, missing values null, ready
 * for `fromRecords`.
 *
 * The parsing is csv-parse's (https://csv.js.org/parse/), chosen over d3-dsv
 * for what real files need: quoted fields may hold commas, quotes ("") and line
 * breaks, and a row with the wrong number of fields or an unclosed quote is an
 * error carrying its line number, where d3-dsv (3.0.2) keeps a byte-order mark
 * in the first column's name, fills a short row with "", drops a long row's
 * extra fields, and says nothing. It is maintained (part of the node-csv
 * project, with releases every year) and has no dependencies. Its own options
 * do the trimming (`trim`), the comment lines (`comment`, whole lines only) and
 * the lines above the header (`from_line`).
 *
 * csv-parse gives each row as a list of texts; turning the texts into numbers
 * and null is one loop here, not its per-cell `cast` callback, which is what
 * made reading 5–8× slower than csv-parse alone (issue 20; test/csv.bench.ts
 * measures the two side by side).
 */
import { parse } from 'csv-parse/sync';
import { ValueError, describeValue, plural } from '../core/errors.js';
import { checkOptions, checkWholeNumber } from '../core/validate.js';
import { readFileWithin } from './read-file.js';
import { type TextEncoding, checkEncoding, decodeText } from './text.js';

/** What `readCsv` takes besides the path. */
export interface ReadCsvOptions {
  /** The character between fields. Default ','. */
  delimiter?: string;
  /** Turn cells that are decimal numbers (12, -0.5, 1e3, quoted or not) into numbers; false keeps all text. Default true. */
  numbers?: boolean;
  /** The decimal mark of the numbers: '.' (12.5) or ',' (12,5, as European spreadsheets write it). Default '.'. */
  decimal?: '.' | ',';
  /** The texts that mark a missing value (read as null), replacing the default list (NA, N/A, n/a, NaN, nan, null, NULL, #N/A, <NA>); an empty cell is always missing. */
  missing?: readonly string[];
  /** Whether the first line is the header (the column names). Default true. */
  header?: boolean;
  /** The column names of a file without a header row (with `header: false`). Default column1, column2, …. */
  columns?: readonly string[];
  /** Remove the spaces around every field and header name (files written with ", "). Default false. */
  trim?: boolean;
  /** A line starting with this character is a comment, left out (a # inside a field is kept). Default none. */
  comment?: string;
  /** How many lines above the header (or the first row) to skip: titles, notes. Default 0. */
  skipLines?: number;
  /** The file's encoding when it has no byte-order mark: 'utf8', 'latin1' (Windows-1252, older Excel) or 'utf16le'. Default 'utf8'. */
  encoding?: TextEncoding;
}

/**
 * The texts that mark a missing value by default (pandas' list, but not "None", which real files
 * use as a category, such as "no damage"). Spaces around a cell do not count; an empty cell is always missing.
 */
const MISSING_MARKS: readonly string[] = Object.freeze([
  'NA',
  'N/A',
  'n/a',
  'NaN',
  'nan',
  'null',
  'NULL',
  '#N/A',
  '<NA>',
]);

/** Every default of readCsv. */
export const READ_CSV_DEFAULTS = Object.freeze({
  delimiter: ',',
  numbers: true,
  decimal: '.' as '.' | ',',
  missing: MISSING_MARKS,
  header: true,
  columns: undefined, // from the header row, or column1, column2, … without one
  trim: false,
  comment: undefined, // no comment lines
  skipLines: 0,
  encoding: 'utf8' as TextEncoding,
});

/** A value read from a CSV cell: a number, text, or null for a missing value. */
export type CsvValue = string | number | null;

/** A plain decimal number as people write one in a table: 12, -0.5, .5, 1e3 (not 0x1F, not Infinity, not 1,5). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The same with a decimal comma: 12,5, -0,25, ,5. */
const DECIMAL_COMMA = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;

/**
 * The rows of a CSV file as records: the first line is the header (names distinct; an empty one is
 * named by its position, column1, column2, …), every other line one record with one field per column.
 * Cells that are numbers become numbers, missing values (an empty cell, NA, n/a, …: READ_CSV_DEFAULTS.missing)
 * null, the rest stay text. Lines end with LF or CRLF (or CR alone, when every line does). Lines count
 * from 1 as an editor counts them, from the top of the file.
 * @example process.getBuiltinModule('node:fs').writeFileSync('cars.csv', 'mpg,origin\n18,USA\nNA,Japan\n');
 * await readCsv('cars.csv') //=> [{ mpg: 18, origin: 'USA' }, { mpg: null, origin: 'Japan' }]
 */
export async function readCsv(path: string, options: ReadCsvOptions = {}): Promise<Record<string, CsvValue>[]> {
  const where = 'readCsv';
  const o = readOptions(options, where);
  if (typeof path !== 'string' || path.length === 0) {
    throw new ValueError(`${where}: path is ${describeValue(path)} but it must be a file name such as "data.csv"`);
  }
  const data = await readFileWithin(path, where); // a regular file within MAX_FILE_BYTES
  const file = JSON.stringify(path);
  const text = decodeText(data, o.encoding, file, where);
  const rows = text.trim() === '' ? [] : parseRows(text, o, file, where);
  if (rows.length === 0) {
    const after = o.skipLines > 0 || o.comment !== undefined ? ' after the skipped lines and comments' : '';
    throw new ValueError(
      o.header
        ? `${where}: ${file} is empty${after} but its first line must be the header (the column names)`
        : `${where}: ${file} is empty${after} (no rows to read)`,
    );
  }
  const body = o.header ? rows.slice(1) : rows;
  if (o.header) checkHeaderIsNotData(rows[0], body, o, file, where); // before its names are checked: 1.0,1.0 is data
  const names = o.header ? nameColumns(rows[0], file, where) : checkColumns(o.columns, rows[0].length, file, where);
  return toRecords(body, names, o, (row, column) => {
    const line = lineOf(
      text,
      o,
      (_, context) => context.records === row + (o.header ? 1 : 0) && context.index === column,
    );
    throw new ValueError(
      `${where}: ${file} line ${line}, column ${JSON.stringify(names[column])} holds ${body[row][column].trim()}, beyond float64's range (±1.8e308), where it would become Infinity (fix the cell, or keep every cell as text with numbers: false)`,
    );
  });
}

/** readCsv's options, checked, with their defaults. */
type CsvOptions = Omit<Required<ReadCsvOptions>, 'columns' | 'comment'> & {
  columns?: readonly string[];
  comment?: string;
};

/** The options checked, each default filled in, before the file is opened. */
function readOptions(options: ReadCsvOptions, where: string): CsvOptions {
  const given = checkOptions(options, READ_CSV_DEFAULTS, where);
  // A default wherever an option is left out or undefined (so { header: undefined } reads as the default).
  const o = Object.fromEntries(
    Object.entries(READ_CSV_DEFAULTS).map(([name, value]) => [
      name,
      given[name as keyof ReadCsvOptions] === undefined ? value : given[name as keyof ReadCsvOptions],
    ]),
  ) as CsvOptions;
  const { delimiter, decimal, missing, columns, comment } = o;
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter)) {
    throw new ValueError(
      `${where}: delimiter is ${describeValue(delimiter)} but it must be one character such as "," or ";"`,
    );
  }
  for (const name of ['numbers', 'header', 'trim'] as const) {
    if (typeof o[name] !== 'boolean') {
      throw new ValueError(`${where}: ${name} is ${describeValue(o[name])} but it must be true or false`);
    }
  }
  if (decimal !== '.' && decimal !== ',') {
    throw new ValueError(`${where}: decimal is ${describeValue(decimal)} but it must be '.' or ','`);
  }
  if (!Array.isArray(missing) || missing.some((mark) => typeof mark !== 'string')) {
    throw new ValueError(
      `${where}: missing is ${describeValue(missing)} but it must be a list of the texts that mark a missing value, such as ["?"]`,
    );
  }
  if (columns !== undefined && o.header) {
    throw new ValueError(
      `${where}: columns names the columns of a file without a header row, so it needs header: false (with a header row, the names are read from the file)`,
    );
  }
  if (
    comment !== undefined &&
    (typeof comment !== 'string' || comment.length !== 1 || comment === delimiter || /["\r\n]/.test(comment))
  ) {
    throw new ValueError(
      `${where}: comment is ${describeValue(comment)} but it must be one character such as "#" (not the delimiter, a quote or a line end)`,
    );
  }
  checkWholeNumber(o.skipLines, where, 'skipLines', 0);
  checkEncoding(o.encoding, where);
  return o;
}

/** csv-parse's options for these: the line ends, trimming, comments, the lines skipped. */
function parseOptions(text: string, o: CsvOptions) {
  return {
    delimiter: o.delimiter,
    // LF or CRLF in any mix; CR alone only in a file without a single LF (old Mac spreadsheets).
    record_delimiter: !text.includes('\n') && text.includes('\r') ? ['\r'] : ['\r\n', '\n'],
    skip_empty_lines: true,
    trim: o.trim,
    ...(o.comment !== undefined && { comment: o.comment, comment_no_infix: true }), // whole lines only
    from_line: o.skipLines + 1,
  };
}

/** The rows of fields, as csv-parse reads them; its complaints said with their line. */
function parseRows(text: string, o: CsvOptions, file: string, where: string): string[][] {
  const options = parseOptions(text, o);
  if (options.record_delimiter.length === 2 && /\r(?!\n)/.test(text)) {
    // A CR alone, where lines end with LF or CRLF: kept inside quotes, refused outside them.
    const line = lineOf(text, o, (value, context) => !context.quoting && value.includes(LONE_CR));
    if (line !== undefined) {
      throw new ValueError(
        `${where}: ${file} line ${line} has a carriage return (CR) alone inside a field (lines end with LF or CRLF: remove the stray CR, or quote the field if it belongs there)`,
      );
    }
  }
  try {
    return parse(text, options) as string[][];
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number; record?: unknown[] };
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const [first] = parse(text, { ...options, to: 1 }) as string[][]; // the first row, which set the count
      const names = o.header ? first : (o.columns ?? first.map((_, n) => `column${n + 1}`));
      throw new ValueError(
        `${where}: ${file} line ${e.lines} has ${plural(e.record?.length ?? 0, 'field')} but ${o.header ? 'the header' : 'the first line'} has ${first.length} (every row needs one field per column: ${names.join(', ')})`,
        { cause: error },
      );
    }
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ValueError(
        `${where}: ${file} has a quote opened on or before line ${e.lines} that is never closed (a field in quotes ends with a quote; a quote inside it is written "")`,
        { cause: error },
      );
    }
    throw new ValueError(`${where}: ${file} is not valid CSV (${e.message})`, { cause: error });
  }
}

/** What a CR alone becomes while `lineOf` looks for lines: a character no text holds (U+FFFF is no character). */
const LONE_CR = '\uffff';

/**
 * The line (counting from 1) of the first field for which `found` is true, by csv-parse reading the
 * file again with its `context` (record and field counting from 0, `lines` the line the field ends on).
 * Only when something is wrong, so the fast reading pays nothing for it. csv-parse counts a CR alone
 * as a line end; it becomes LONE_CR first, so that lines are counted as an editor counts them.
 */
function lineOf(
  text: string,
  o: CsvOptions,
  found: (value: string, context: { records: number; index: number; lines: number; quoting: boolean }) => boolean,
): number | undefined {
  const options = parseOptions(text, o);
  const copy = options.record_delimiter.length === 2 ? text.replace(/\r(?!\n)/g, LONE_CR) : text;
  let line: number | undefined;
  parse(copy, {
    ...options,
    cast: (value, context) => {
      if (line === undefined && found(value, context)) line = context.lines;
      return value;
    },
  });
  return line;
}

/** The header's names: distinct; an empty one named by its position (column1, …), as pandas writes an index column. */
function nameColumns(fields: readonly string[], file: string, where: string): string[] {
  const names = fields.map((name, n) => (name.trim() === '' ? `column${n + 1}` : name));
  const seen = new Map<string, number>(); // name → column (counting from 1): one look-up per name
  names.forEach((name, n) => {
    const before = seen.get(name);
    if (before !== undefined) {
      throw new ValueError(
        `${where}: ${file} line 1 names column ${JSON.stringify(name)} twice (columns ${before} and ${n + 1}) but each name must be distinct`,
      );
    }
    seen.set(name, n + 1);
  });
  return names;
}

/** The `columns` option against the file: one distinct name per field. */
function checkColumns(columns: unknown, fields: number, file: string, where: string): string[] {
  if (columns === undefined) return Array.from({ length: fields }, (_, n) => `column${n + 1}`);
  if (!Array.isArray(columns) || columns.some((name) => typeof name !== 'string')) {
    throw new ValueError(
      `${where}: columns is ${describeValue(columns)} but it must be a list of column names, one per field`,
    );
  }
  if (columns.length !== fields) {
    throw new ValueError(
      `${where}: columns has ${plural(columns.length, 'name')} but ${file} line 1 has ${plural(fields, 'field')} (one name per column)`,
    );
  }
  const seen = new Set<string>();
  for (const name of columns as string[]) {
    if (seen.has(name)) throw new ValueError(`${where}: columns lists ${JSON.stringify(name)} twice (each name once)`);
    seen.add(name);
  }
  return columns.slice();
}

/**
 * Refuses a header that looks like a row of data, the mark of a file without a header row (iris.data:
 * 5.1,3.5,1.4,0.2,Iris-setosa): some names are numbers, and every other one is a value of its own column.
 */
function checkHeaderIsNotData(
  header: readonly string[],
  body: readonly string[][],
  o: CsvOptions,
  file: string,
  where: string,
): void {
  const number = o.decimal === ',' ? DECIMAL_COMMA : DECIMAL;
  const numbers = header.filter((name) => number.test(name.trim()));
  if (numbers.length === 0) return;
  const texts: string[] = [];
  for (let j = 0; j < header.length; j++) {
    if (number.test(header[j].trim())) continue;
    if (header[j].trim() === '' || !body.some((row) => row[j] === header[j])) return; // a name, not data
    texts.push(header[j]);
  }
  const also =
    texts.length === 0
      ? ''
      : `, and ${some(texts.map((t) => JSON.stringify(t)))} ${texts.length === 1 ? 'is a value of its column' : 'are values of their columns'} too`;
  throw new ValueError(
    `${where}: ${file} line 1 is read as the header but it looks like data: ${some(numbers)} are numbers${also} (for a file without a header row, pass header: false: the columns are then named column1, column2, … or by columns: [...])`,
  );
}

/**
 * The records: each row's fields keyed by the names, numbers parsed, missing marks null.
 * `overflow(row, column)` is called (and throws) for a number past float64's range.
 */
function toRecords(
  rows: readonly string[][],
  names: readonly string[],
  o: CsvOptions,
  overflow: (row: number, column: number) => never,
): Record<string, CsvValue>[] {
  const missing = new Set(o.missing);
  const number = o.decimal === ',' ? DECIMAL_COMMA : DECIMAL;
  const comma = o.decimal === ',';
  const records: Record<string, CsvValue>[] = new Array(rows.length);
  const plain = !names.includes('__proto__'); // else each field is defined, never assigned (which would set the prototype)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const record: Record<string, CsvValue> = {};
    for (let j = 0; j < names.length; j++) {
      const text = row[j];
      const code = text.length === 0 ? 0 : Math.min(text.charCodeAt(0), text.charCodeAt(text.length - 1));
      const cell = code <= 32 ? text.trim() : text; // spaces around a cell (a space is 32) do not count
      let value: CsvValue = text;
      if (cell === '' || missing.has(cell)) value = null;
      else if (o.numbers && number.test(cell)) {
        value = Number(comma ? cell.replace(',', '.') : cell);
        if (!Number.isFinite(value)) overflow(i, j); // 1e400
      }
      if (plain) record[names[j]] = value;
      else Object.defineProperty(record, names[j], { value, enumerable: true, writable: true, configurable: true });
    }
    records[i] = record;
  }
  return records;
}

/** The first five of a list, and how many more ("1, 2, 3, 4, 5 and 780 more"): a message stays one line. */
function some(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
}
