// readCsv (feedforward/node): CSV files as real programs write them, each written to a temp folder here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValueError, fromRecords } from '../src/index.js';
import { readCsv } from '../src/node.js';

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
  it('requires a header: refuses an empty file, a column without a name and a name used twice', async () => {
    for (const text of ['', '\uFEFF', ' \n\n']) {
      const empty = file(text);
      expect(await rejection(readCsv(empty))).toMatchObject({ kind: 'ValueError', message: `readCsv: ${JSON.stringify(empty)} is empty but its first line must be the header (the column names)` });
    }
    const unnamed = file('a, ,c\n1,2,3\n');
    expect((await rejection(readCsv(unnamed))).message).toBe(`readCsv: ${JSON.stringify(unnamed)} line 1 has an empty name for column 2 but every column needs a name (the first line is the header)`);
    const twice = file('a,b,a\n1,2,3\n');
    expect((await rejection(readCsv(twice))).message).toBe(`readCsv: ${JSON.stringify(twice)} line 1 names column "a" twice (columns 1 and 3) but each name must be distinct`);
  });
  it('keeps csv-parse’s error as the cause, and reports its other complaints as not valid CSV', async () => {
    const ragged = await rejection(readCsv(file('a,b\n1\n')));
    expect((ragged.cause as { code: string }).code).toBe('CSV_RECORD_INCONSISTENT_COLUMNS');
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
