/**
 * readCsv against csv-parse alone, on the same 50,000-row, 6 MB file (issue 20, item 9: within 1.5×).
 * Run: npx vitest bench --run test/csv.bench.ts; vitest prints, in the one run, how many times faster
 * csv-parse alone is (or slower). Both read the file from disk; csv-parse alone keeps every cell as
 * text, readCsv also checks the bytes are UTF-8, turns numbers into numbers and missing marks into null.
 *
 * The file is written once, seeded, to a temporary folder: station weather as files hold it, fifteen
 * columns of numbers, text, quoted text with commas, dates and empty cells.
 * BENCH_CLOCK=cpu times by this process's CPU time (as test/forward.bench.ts does).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, bench, describe } from 'vitest';
import { createRandom } from '../src/core/random.js';
import { readCsv } from '../src/node.js';

const ROWS = 50_000;

/** The file's text: a header and ROWS seeded rows of about 120 bytes (6 MB). */
function weatherFile(): string {
  const random = createRandom(1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random.uniform() * list.length)];
  const number = (lo: number, hi: number, digits: number) => (lo + random.uniform() * (hi - lo)).toFixed(digits);
  const lines = ['id,date,station,temp_max,temp_min,dew_point,precipitation,wind,humidity,pressure,visibility,weather,place,observer,remark'];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        i + 1,
        `2012-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
        `SEA-${pick(['N', 'S', 'E', 'W'])}${i % 40}`,
        number(-5, 35, 2),
        number(-15, 20, 2),
        number(-20, 15, 2),
        random.uniform() < 0.2 ? '' : number(0, 50, 3), // a fifth of the cells empty
        number(0, 12, 1),
        Math.round(random.uniform() * 100),
        number(980, 1040, 1),
        number(0, 20, 2),
        pick(['sun', 'rain', 'fog', 'drizzle', 'snow']),
        pick(['"Seattle, WA"', '"Portland, OR"', '"Tacoma, WA"', '"Olympia, WA"']),
        pick(['"Okafor, Ngozi"', '"Lindqvist, Astrid"', '"Tanaka, Hiroshi"', '"Moreau, Camille"']),
        pick(['ok', 'checked by hand', 'NA', 'sensor replaced in the morning', 'gusts over the harbour all afternoon', '']),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const folder = mkdtempSync(join(tmpdir(), 'feedforward-csv-bench-'));
const path = join(folder, 'weather.csv');
writeFileSync(path, weatherFile());
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cpuClock = () => {
  const { user, system } = process.cpuUsage(); // microseconds
  return (user + system) / 1000;
};
const timing = { time: 4000, warmupIterations: 2, ...(process.env.BENCH_CLOCK === 'cpu' ? { now: cpuClock } : {}) };

describe(`a ${ROWS}-row CSV file of ${(statSync(path).size / 1e6).toFixed(1)} MB`, () => {
  bench(
    'csv-parse alone',
    async () => {
      parse(await readFile(path, 'utf8'), { columns: true });
    },
    timing,
  );
  bench(
    'readCsv',
    async () => {
      await readCsv(path);
    },
    timing,
  );
});
