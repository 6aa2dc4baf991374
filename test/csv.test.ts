// readCsv (feedforward/node): CSV files as real programs write them, each written to a temp folder here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ValueError, fromRecords } from '../src/index.js';
import { type CsvValue, readCsv } from '../src/node.js';
import { growth } from './helpers/growth.js';

const folder = mkdtempSync(join(tmpdir(), 'feedforward-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;
/** A file with exactly this text (bytes as given: BOM, CRLF, …). */
function file(text: string): string {
  const path = join(folder, `file${++count}.csv`);
  writeFileSync(path, text);
  return path;
}

/** The exact message (and kind) a promise is rejected with. */
async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string; cause: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { kind: (error as Error).name, message: (error as Error).message, cause: (error as Error).cause };
  }
  throw new Error('expected a rejection');
}

describe('readCsv', () => {
  it('gives one record per line, keyed by the header, with numbers parsed', async () => {
    expect(await readCsv(file('mpg,origin,weight\n18,USA,3504\n-0.5,Japan,1e3\n'))).toEqual([
      { mpg: 18, origin: 'USA', weight: 3504 },
      { mpg: -0.5, origin: 'Japan', weight: 1000 },
    ]);
  });
  it('reads quoted fields with commas, doubled quotes and line breaks in them', async () => {
    const records = await readCsv(file('name,notes\n"Smith, J.","said ""hi"""\n"two\nlines",x\n'));
    expect(records).toEqual([
      { name: 'Smith, J.', notes: 'said "hi"' },
      { name: 'two\nlines', notes: 'x' },
    ]);
  });
  it('drops a byte-order mark, so the first column keeps its name', async () => {
    const records = await readCsv(file('\uFEFFspecies,beak\nAdelie,39.1\n'));
    expect(Object.keys(records[0])).toEqual(['species', 'beak']);
  });
  it('reads CRLF line ends (Windows, Excel) as LF', async () => {
    expect(await readCsv(file('a,b\r\n1,x\r\n2,y\r\n'))).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });
  it('makes empty cells null, which fromRecords treats as missing', async () => {
    const records = await readCsv(file('hp,mpg\n130,18\n,15\n 95 ,\n'));
    expect(records).toEqual([{ hp: 130, mpg: 18 }, { hp: null, mpg: 15 }, { hp: 95, mpg: null }]);
    expect(fromRecords(records, { inputs: ['hp'], target: 'mpg', missing: 'drop' }).dropped).toBe(2);
  });
  it('keeps text that only looks partly like a number, and all text with numbers: false', async () => {
    const path = file('code,value\n0x1F,1\nInfinity,2\n"1,5",3\n007,4\n');
    expect((await readCsv(path)).map((r) => r.code)).toEqual(['0x1F', 'Infinity', '1,5', 7]);
    expect((await readCsv(path, { numbers: false })).map((r) => r.value)).toEqual(['1', '2', '3', '4']);
  });
  it('reads another delimiter', async () => {
    expect(await readCsv(file('a;b\n1,5;x\n'), { delimiter: ';' })).toEqual([{ a: '1,5', b: 'x' }]);
  });
  it('names the line (counting from 1, the header being line 1) of a row with too few or too many fields', async () => {
    const path = file('a,b,c\n1,2,3\n4,5\n');
    await expect(readCsv(path)).rejects.toThrow(ValueError);
    await expect(readCsv(path)).rejects.toThrow(`readCsv: ${JSON.stringify(path)} line 3 has 2 fields but the header has 3 (every row needs one field per column: a, b, c)`);
    await expect(readCsv(file('a,b\n1,2,3\n'))).rejects.toThrow('line 2 has 3 fields but the header has 2');
  });
  it('names the line of a quote that is never closed', async () => {
    const path = file('a,b\n1,"open\n2,3\n');
    await expect(readCsv(path)).rejects.toThrow(`readCsv: ${JSON.stringify(path)} has a quote opened on or before line 3 that is never closed`);
  });
  it('requires a header: refuses an empty file and a name used twice', async () => {
    for (const text of ['', '\uFEFF', ' \n\n']) {
      const empty = file(text);
      expect(await rejection(readCsv(empty))).toMatchObject({ kind: 'ValueError', message: `readCsv: ${JSON.stringify(empty)} is empty but its first line must be the header (the column names)` });
    }
    const twice = file('a,b,a\n1,2,3\n');
    expect((await rejection(readCsv(twice))).message).toBe(`readCsv: ${JSON.stringify(twice)} line 1 names column "a" twice (columns 1 and 3) but each name must be distinct`);
  });
  it('keeps csv-parse’s error as the cause, and reports its other complaints as not valid CSV', async () => {
    const ragged = await rejection(readCsv(file('a,b\n1\n')));
    expect((ragged.cause as { code: string }).code).toBe('CSV_RECORD_INCONSISTENT_FIELDS_LENGTH');
    const quote = file('a,b\n"x"y,2\n');
    const bad = await rejection(readCsv(quote));
    expect(bad.kind).toBe('ValueError');
    expect(bad.message).toMatch(new RegExp(`^readCsv: ${JSON.stringify(quote).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid CSV \\(Invalid Closing Quote`));
    expect((bad.cause as { code: string }).code).toBe('CSV_INVALID_CLOSING_QUOTE');
    const unclosed = await rejection(readCsv(file('a\n"open\n')));
    expect((unclosed.cause as { code: string }).code).toBe('CSV_QUOTE_NOT_CLOSED');
  });
  it('says which file it cannot read, and refuses a bad path or delimiter', async () => {
    await expect(readCsv(join(folder, 'nope.csv'))).rejects.toThrow(`readCsv: cannot read ${JSON.stringify(join(folder, 'nope.csv'))} (ENOENT`);
    await expect(readCsv('' as never)).rejects.toThrow('readCsv: path is "" but it must be a file name such as "data.csv"');
    await expect(readCsv(file('a\n1\n'), { delimiter: ';;' })).rejects.toThrow('readCsv: delimiter is ";;" but it must be one character such as "," or ";"');
    for (const delimiter of ['"', '\n', 5]) {
      await expect(readCsv(file('a\n1\n'), { delimiter: delimiter as never })).rejects.toThrow('but it must be one character such as "," or ";"');
    }
    await expect(readCsv(file('a\n1\n'), { numbers: 'yes' as never })).rejects.toThrow('readCsv: numbers is "yes" but it must be true or false');
    await expect(readCsv(5 as never)).rejects.toThrow('readCsv: path is 5 but it must be a file name such as "data.csv"');
    const missing = await rejection(readCsv(join(folder, 'nope.csv')));
    expect((missing.cause as { code: string }).code).toBe('ENOENT');
  });
});

/** A file holding exactly these bytes. */
function bytes(data: Buffer): string {
  const path = join(folder, `file${++count}.csv`);
  writeFileSync(path, data);
  return path;
}

describe('readCsv: missing values as real files write them', () => {
  it('reads the usual marks of a missing value as null: NA, N/A, n/a, NaN, nan, null, NULL, #N/A, <NA>, and an empty cell', async () => {
    const marks = ['NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', '#N/A', '<NA>', '', ' NA '];
    const records = await readCsv(file(`x,kind\n${marks.map((mark) => `${mark},${mark}`).join('\n')}\n1,a\n`));
    expect(records.slice(0, marks.length).every((r) => r.x === null && r.kind === null)).toBe(true);
    expect(records[marks.length]).toEqual({ x: 1, kind: 'a' });
  });
  it('keeps "None" as text: real files use it as a category ("no damage"), unlike pandas', async () => {
    expect(await readCsv(file('damage\nNone\nsevere\n'))).toEqual([{ damage: 'None' }, { damage: 'severe' }]);
  });
  it('missing: [...] replaces the list (["?"] for UCI files); an empty cell is always missing', async () => {
    const path = file('hp,origin\n?,NA\n,USA\n95,?\n');
    expect(await readCsv(path, { missing: ['?'] })).toEqual([{ hp: null, origin: 'NA' }, { hp: null, origin: 'USA' }, { hp: 95, origin: null }]);
    expect(await readCsv(path, { missing: [] })).toEqual([{ hp: '?', origin: 'NA' }, { hp: null, origin: 'USA' }, { hp: 95, origin: '?' }]);
    expect(await readCsv(path, { missing: undefined, header: undefined })).toEqual(await readCsv(path)); // undefined: the default
  });
  it('so a missing mark in a text column never becomes a category of fromRecords', async () => {
    const records = await readCsv(file('size,origin\n1,USA\n2,NA\n3,Japan\n4,n/a\n'));
    const data = fromRecords(records, { inputs: ['origin'], target: 'size', missing: 'drop' });
    expect([data.features, data.dropped]).toEqual([['origin=Japan', 'origin=USA'], 2]);
  });
  it('refuses a missing option that is not a list of texts', async () => {
    for (const missing of ['?', [5], null]) {
      expect((await rejection(readCsv(file('a\n1\n'), { missing: missing as never }))).message).toBe(`readCsv: missing is ${missing === '?' ? '"?"' : missing === null ? 'null' : 'an array of 1 entry'} but it must be a list of the texts that mark a missing value, such as ["?"]`);
    }
  });
});

describe('readCsv: files without a header row', () => {
  it('header: false reads the first line as data, naming the columns column1, column2, …', async () => {
    expect(await readCsv(file('5.1,3.5,Iris-setosa\n4.9,3,Iris-setosa\n'), { header: false })).toEqual([
      { column1: 5.1, column2: 3.5, column3: 'Iris-setosa' },
      { column1: 4.9, column2: 3, column3: 'Iris-setosa' },
    ]);
  });
  it('columns: [...] names the columns of a file without a header row', async () => {
    expect(await readCsv(file('5.1,Iris-setosa\n'), { header: false, columns: ['sepal', 'species'] })).toEqual([{ sepal: 5.1, species: 'Iris-setosa' }]);
  });
  it('refuses columns without header: false (the first line would be lost), of the wrong length, or naming a column twice', async () => {
    const path = file('1,2\n3,4\n');
    expect((await rejection(readCsv(path, { columns: ['a', 'b'] }))).message).toBe('readCsv: columns names the columns of a file without a header row, so it needs header: false (with a header row, the names are read from the file)');
    expect((await rejection(readCsv(path, { header: false, columns: ['a'] }))).message).toBe(`readCsv: columns has 1 name but ${JSON.stringify(path)} line 1 has 2 fields (one name per column)`);
    expect((await rejection(readCsv(path, { header: false, columns: ['a', 'a'] }))).message).toBe('readCsv: columns lists "a" twice (each name once)');
    expect((await rejection(readCsv(path, { header: false, columns: 'a,b' as never }))).message).toBe('readCsv: columns is "a,b" but it must be a list of column names, one per field');
    expect((await rejection(readCsv(path, { header: 'no' as never }))).message).toBe('readCsv: header is "no" but it must be true or false');
  });
  it('refuses a header that looks like data, with the hint header: false', async () => {
    const iris = file('5.1,3.5,1.4,0.2,Iris-setosa\n4.9,3.0,1.4,0.2,Iris-setosa\n');
    expect((await rejection(readCsv(iris))).message).toBe(`readCsv: ${JSON.stringify(iris)} line 1 is read as the header but it looks like data: 5.1, 3.5, 1.4, 0.2 are numbers, and "Iris-setosa" is a value of its column too (for a file without a header row, pass header: false: the columns are then named column1, column2, … or by columns: [...])`);
    const uci = file('63.0,1.0,1.0,145.0\n67.0,1.0,4.0,160.0\n'); // a name twice, but it is data
    expect((await rejection(readCsv(uci))).message).toMatch(/line 1 is read as the header but it looks like data: 63.0, 1.0, 1.0, 145.0 are numbers/);
    const numbers = file('1,2\n3,4\n');
    expect((await rejection(readCsv(numbers))).message).toBe(`readCsv: ${JSON.stringify(numbers)} line 1 is read as the header but it looks like data: 1, 2 are numbers (for a file without a header row, pass header: false: the columns are then named column1, column2, … or by columns: [...])`);
  });
  it('reads a header that merely holds a number, such as years beside a name', async () => {
    expect(await readCsv(file('country,1990,1991\nPeru,3,4\n'))).toEqual([{ country: 'Peru', 1990: 3, 1991: 4 }]);
  });
  it('names an empty header name by its position (a pandas index column, a trailing comma), not refused', async () => {
    expect(await readCsv(file(',mpg,origin,\n0,18,USA,\n1,15,Japan,\n'))).toEqual([
      { column1: 0, mpg: 18, origin: 'USA', column4: null },
      { column1: 1, mpg: 15, origin: 'Japan', column4: null },
    ]);
  });
});

describe('readCsv: European files, spaces, comments and notes above the header', () => {
  it("decimal: ',' reads 1,5 as 1.5 (fields separated by ';', as European spreadsheets write them)", async () => {
    expect(await readCsv(file('temp;place\n1,5;Oslo\n-0,25;Bergen\n12;Tromsø\n'), { delimiter: ';', decimal: ',' })).toEqual([
      { temp: 1.5, place: 'Oslo' },
      { temp: -0.25, place: 'Bergen' },
      { temp: 12, place: 'Tromsø' },
    ]);
    expect(await readCsv(file('temp,place\n"1,5",Oslo\n'), { decimal: ',' })).toEqual([{ temp: 1.5, place: 'Oslo' }]); // quoted, a comma is no separator
    expect((await rejection(readCsv(file('a\n1\n'), { decimal: ';' as never }))).message).toBe(`readCsv: decimal is ";" but it must be '.' or ','`);
  });
  it('trim: true removes the spaces around fields and header names (files written with ", ")', async () => {
    const path = file('mpg, origin\n18, USA\n');
    expect(await readCsv(path)).toEqual([{ mpg: 18, ' origin': ' USA' }]);
    expect(await readCsv(path, { trim: true })).toEqual([{ mpg: 18, origin: 'USA' }]);
  });
  it("comment: '#' leaves out lines that start with it, but not a # inside a field", async () => {
    expect(await readCsv(file('# measured 2024\nroom,n\n#4,1\nhall #2,3\n'), { comment: '#' })).toEqual([{ room: 'hall #2', n: 3 }]);
    expect((await rejection(readCsv(file('a\n1\n'), { comment: '##' }))).message).toBe('readCsv: comment is "##" but it must be one character such as "#" (not the delimiter, a quote or a line end)');
  });
  it('skipLines: n skips the lines above the header; lines in messages still count from the top of the file', async () => {
    const path = file('Station report\nexported 2024-01-01\na,b\n1,2\n3\n');
    await expect(readCsv(path, { skipLines: 2 })).rejects.toThrow(`readCsv: ${JSON.stringify(path)} line 5 has 1 field but the header has 2`);
    expect(await readCsv(file('title\na,b\n1,2\n'), { skipLines: 1 })).toEqual([{ a: 1, b: 2 }]);
    expect((await rejection(readCsv(file('a\n1\n'), { skipLines: -1 }))).message).toBe('readCsv: skipLines is -1 but it must be a whole number ≥ 0');
  });
});

describe('readCsv: encodings, line ends and numbers too large (issue 19, item 16)', () => {
  const latin1 = Buffer.from('word,n\ncafé,1\ncafè,2\n', 'latin1'); // é = 0xE9, è = 0xE8: not UTF-8
  it("refuses invalid UTF-8 naming the line, with the hint encoding: 'latin1', never replacing bytes by �", async () => {
    const path = bytes(latin1);
    const refused = await rejection(readCsv(path));
    expect(refused).toMatchObject({ kind: 'ValueError', message: `readCsv: ${JSON.stringify(path)} line 2 is not valid UTF-8 (a file saved as Latin-1 or Windows-1252, as older Excel does? read it with encoding: 'latin1')` });
  });
  it("encoding: 'latin1' reads such a file, so café and cafè stay two classes", async () => {
    const records = await readCsv(bytes(latin1), { encoding: 'latin1' });
    expect(records.map((r) => r.word)).toEqual(['café', 'cafè']);
  });
  it("reads UTF-16: encoding: 'utf16le', or any UTF-16 file whose byte-order mark says so (LE or BE)", async () => {
    const text = 'word,n\ncafé,1\n';
    const want = [{ word: 'café', n: 1 }];
    expect(await readCsv(bytes(Buffer.from(text, 'utf16le')), { encoding: 'utf16le' })).toEqual(want);
    expect(await readCsv(bytes(Buffer.from(`\uFEFF${text}`, 'utf16le')))).toEqual(want); // FF FE
    expect(await readCsv(bytes(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()))).toEqual(want); // FE FF
    const odd = bytes(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x0a]));
    expect((await rejection(readCsv(odd))).message).toBe(`readCsv: ${JSON.stringify(odd)} starts with a UTF-16 byte-order mark but has an odd number of bytes (5), and UTF-16 takes two per character`);
    expect((await rejection(readCsv(file('a\n1\n'), { encoding: 'cp1252' as never }))).message).toBe(`readCsv: encoding is "cp1252" but it must be 'utf8', 'latin1' or 'utf16le'`);
  });
  it("refuses NUL bytes in a UTF-8 file, with the hint encoding: 'utf16le' (UTF-16 without a byte-order mark)", async () => {
    const path = bytes(Buffer.from('a,b\n1,2\n', 'utf16le'));
    expect((await rejection(readCsv(path))).message).toBe(`readCsv: ${JSON.stringify(path)} line 1 holds a NUL byte, which text in UTF-8 never does (UTF-16 without a byte-order mark? read it with encoding: 'utf16le')`);
  });
  it('refuses 1e400, which would become Infinity, naming the line and the column', async () => {
    const path = file('x,y\n1,2\n3,1e400\n');
    expect((await rejection(readCsv(path))).message).toBe(`readCsv: ${JSON.stringify(path)} line 3, column "y" holds 1e400, beyond float64's range (±1.8e308), where it would become Infinity (fix the cell, or keep every cell as text with numbers: false)`);
    expect(await readCsv(path, { numbers: false })).toEqual([{ x: '1', y: '2' }, { x: '3', y: '1e400' }]);
  });
  it('ends lines at LF or CRLF, in any mix; refuses a lone CR inside a field, naming its line; keeps one inside quotes', async () => {
    expect(await readCsv(file('a,b\r\n1,x\n2,y\r\n'))).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    const stray = file('a,b\r\n1,x\r\n2,y\rz\r\n');
    expect((await rejection(readCsv(stray))).message).toBe(`readCsv: ${JSON.stringify(stray)} line 3 has a carriage return (CR) alone inside a field (lines end with LF or CRLF: remove the stray CR, or quote the field if it belongs there)`);
    const first = file('a,b\ry\r\n1,x\r\n'); // a stray CR on the first line does not make CR the line end
    expect((await rejection(readCsv(first))).message).toMatch(/line 1 has a carriage return \(CR\) alone inside a field/);
    expect(await readCsv(file('a,b\r\n1,"x\ry"\r\n'))).toEqual([{ a: 1, b: 'x\ry' }]);
  });
  it('reads a file whose every line ends with CR alone (old Mac spreadsheets)', async () => {
    expect(await readCsv(file('a,b\r1,x\r2,y\r'))).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });
});

describe('readCsv: time linear in the size of the file (issue 19, item 7)', () => {
  it('checks the header of 80,000 columns in time linear in the columns (10× the columns: at most 30× the time)', async () => {
    const paths = { 1: '', 10: '' };
    for (const scale of [1, 10] as const) {
      const names = Array.from({ length: 8000 * scale }, (_, i) => `c${i}`);
      paths[scale] = file(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`);
    }
    const ratio = await growth((scale) => () => readCsv(paths[scale]), 3);
    expect(ratio).toBeLessThan(30);
  });
});

describe('readCsv: what a CSV writer wrote, read back (fast-check, seeded)', () => {
  // A writer as simple as CSV allows: every text quoted (its quotes doubled), numbers as JavaScript prints them.
  const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '#', '1', '.') }).filter((t) => t.trim() !== '' && t.trim() === t && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) && !['NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', '#N/A', '<NA>'].includes(t));
  const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), text, fc.constant(null));
  const write = (value: CsvValue) => (value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`);
  it('gives back every number, text and missing cell of a table, with CRLF or LF line ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }).chain((columns) => fc.tuple(fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))), async ([rows, end]) => {
        const names = rows[0].map((_, j) => `c${j}`);
        const line = (row: CsvValue[]) => row.map(write).join(',') || '""'; // an empty line is no row: a lone missing cell is written ""
        const path = file([names.join(','), ...rows.map(line)].join(end) + end);
        const want = rows.map((row) => Object.fromEntries(row.map((value, j) => [names[j], typeof value === 'number' ? Number(String(value)) : value]))); // -0 is written 0
        expect(await readCsv(path)).toEqual(want);
      }),
      { seed: 20, numRuns: 150 },
    );
  });
});
