/**
 * Reading a CSV file into records (Node, in `feedforward/node`): one object
 * per row, keyed by the header row, numbers parsed, empty cells null, ready
 * for `fromRecords`.
 *
 * The parsing is csv-parse's (https://csv.js.org/parse/), chosen over d3-dsv
 * for what real files need: a byte-order mark is dropped (`bom`), CRLF and LF
 * line ends both work, quoted fields may hold commas, quotes ("") and line
 * breaks, and a row with the wrong number of fields or an unclosed quote is an
 * error carrying its line number, where d3-dsv (3.0.2) keeps the mark in the
 * first column's name, fills a short row with "", drops a long row's extra
 * fields, and says nothing. It is maintained (part of the node-csv project,
 * with releases every year) and has no dependencies.
 */
import { parse } from 'csv-parse/sync';
import { ValueError, describeValue, plural } from '../core/errors.js';
import { checkOptions } from '../core/validate.js';
import { readFileWithin } from './read-file.js';

/** What `readCsv` takes besides the path. */
export interface ReadCsvOptions {
  /** The character between fields. Default ','. */
  delimiter?: string;
  /** Turn cells that are decimal numbers (12, -0.5, 1e3, quoted or not) into numbers; false keeps all text. Default true. */
  numbers?: boolean;
}

/** Every default of readCsv. */
export const READ_CSV_DEFAULTS = Object.freeze({ delimiter: ',', numbers: true });

/** A value read from a CSV cell: a number, text, or null for an empty cell. */
export type CsvValue = string | number | null;

/** A plain decimal number as people write one in a table: 12, -0.5, .5, 1e3 (not 0x1F, not Infinity, not 1,5). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The rows of a CSV file as records: the first line is the header (required, names distinct and
 * non-empty), every other line one record with one field per column. Cells that are numbers become
 * numbers, empty cells null (missing, to `fromRecords`), the rest stay text. Lines count from 1 as an
 * editor counts them, the header being line 1.
 * @example process.getBuiltinModule('node:fs').writeFileSync('cars.csv', 'mpg,origin\n18,USA\n,Japan\n');
 * await readCsv('cars.csv') //=> [{ mpg: 18, origin: 'USA' }, { mpg: null, origin: 'Japan' }]
 */
export async function readCsv(path: string, options: ReadCsvOptions = {}): Promise<Record<string, CsvValue>[]> {
  const where = 'readCsv';
  checkOptions(options, READ_CSV_DEFAULTS, where);
  if (typeof path !== 'string' || path.length === 0) {
    throw new ValueError(`${where}: path is ${describeValue(path)} but it must be a file name such as "data.csv"`);
  }
  const delimiter = options.delimiter ?? READ_CSV_DEFAULTS.delimiter;
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter)) {
    throw new ValueError(
      `${where}: delimiter is ${describeValue(delimiter)} but it must be one character such as "," or ";"`,
    );
  }
  const numbers = options.numbers ?? READ_CSV_DEFAULTS.numbers;
  if (typeof numbers !== 'boolean') {
    throw new ValueError(`${where}: numbers is ${describeValue(numbers)} but it must be true or false`);
  }
  const text = (await readFileWithin(path, where)).toString('utf8'); // a regular file within MAX_FILE_BYTES
  const name = JSON.stringify(path);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ValueError(`${where}: ${name} is empty but its first line must be the header (the column names)`);
  }
  let header: string[] = [];
  try {
    return parse(text, {
      bom: true, // a byte-order mark (Excel writes one) is not part of the first column's name
      delimiter,
      skip_empty_lines: true,
      columns: (names: string[]) => (header = checkHeader(names, name, where)),
      cast: (value, context) => {
        if (context.header) return value;
        if (value.trim() === '') return null; // an empty cell is a missing value
        return numbers && DECIMAL.test(value.trim()) ? Number(value) : value;
      },
    }) as Record<string, CsvValue>[];
  } catch (error) {
    if (error instanceof ValueError) throw error;
    const e = error as Error & { code?: string; lines?: number; record?: unknown[] };
    if (e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
      throw new ValueError(
        `${where}: ${name} line ${e.lines} has ${plural(e.record?.length ?? 0, 'field')} but the header has ${header.length} (every row needs one field per column: ${header.join(', ')})`,
        { cause: error },
      );
    }
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ValueError(
        `${where}: ${name} has a quote opened on or before line ${e.lines} that is never closed (a field in quotes ends with a quote; a quote inside it is written "")`,
        { cause: error },
      );
    }
    throw new ValueError(`${where}: ${name} is not valid CSV (${e.message})`, { cause: error });
  }
}

/** The header row: column names, each non-empty and once. */
function checkHeader(names: string[], file: string, where: string): string[] {
  names.forEach((column, n) => {
    if (column.trim() === '') {
      throw new ValueError(
        `${where}: ${file} line 1 has an empty name for column ${n + 1} but every column needs a name (the first line is the header)`,
      );
    }
    if (names.indexOf(column) !== n) {
      throw new ValueError(
        `${where}: ${file} line 1 names column ${JSON.stringify(column)} twice (columns ${names.indexOf(column) + 1} and ${n + 1}) but each name must be distinct`,
      );
    }
  });
  return names;
}
