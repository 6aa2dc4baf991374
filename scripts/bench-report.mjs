#!/usr/bin/env node
/**
 * Runs the forward-pass benchmark (test/forward.bench.ts) several times and
 * prints, as markdown tables ready for docs/speed.md:
 *   - each run: the median time of every competitor and its speed relative to
 *     the plain loop measured in the same run (plain median / its median);
 *   - over all runs: the median of each ratio, and Network.forward against
 *     each competitor, with the targets of issues 2 and 13.
 *
 * Usage: node scripts/bench-report.mjs [--runs 3] [--clock cpu]
 * (The machine may be shared: ratios within one run are what we compare; the
 * median over runs damps a run disturbed by another process. `--clock cpu`
 * times each call by this process's CPU time instead of the wall clock, which
 * other processes taking turns on the cores disturb much less.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`bench-report: --runs is ${process.argv[runsArg + 1]} but must be a whole number ≥ 1`);

const clockArg = process.argv.indexOf('--clock');
const clock = clockArg > 0 ? process.argv[clockArg + 1] : 'wall';
if (clock !== 'wall' && clock !== 'cpu') throw new Error(`bench-report: --clock is ${clock} but must be wall or cpu`);

const BASELINE = 'plain loop';
const OURS = 'Network.forward';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
const times = (x) => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`;

/** One run of `vitest bench`: { caseName: { competitor: median ms } }. */
function runOnce(n) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ff-bench-'));
  const file = path.join(dir, 'bench.json');
  process.stderr.write(`run ${n}/${runs}: npx vitest bench --run test/forward.bench.ts …\n`);
  const r = spawnSync('npx', ['vitest', 'bench', '--run', '--outputJson', file, 'test/forward.bench.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_CLOCK: clock },
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`bench-report: vitest bench exited with ${r.status}`);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(dir, { recursive: true });
  const result = {};
  for (const file of report.files) {
    for (const group of file.groups) {
      const name = group.fullName.replace(/^.*> forward /, '');
      result[name] = Object.fromEntries(group.benchmarks.map((b) => [b.name, b.median]));
    }
  }
  return result;
}

console.log(
  `Node ${process.version}, ${runs} runs of test/forward.bench.ts, ${clock === 'cpu' ? 'CPU time of the process' : 'wall-clock time'}`,
);
const all = Array.from({ length: runs }, (_, n) => runOnce(n + 1));
const cases = Object.keys(all[0]);
const competitors = Object.keys(all[0][cases[0]]);

for (const [n, result] of all.entries()) {
  console.log(
    `\nRun ${n + 1}: median ${clock} time per call (ms), and speed relative to the plain loop of the same run\n`,
  );
  console.log(`| network | ${competitors.join(' | ')} |`);
  console.log(`|---|${competitors.map(() => '---:').join('|')}|`);
  for (const c of cases) {
    const t = result[c];
    console.log(`| ${c} | ${competitors.map((k) => `${ms(t[k])} ms (${times(t[BASELINE] / t[k])})`).join(' | ')} |`);
  }
}

console.log(`\nMedian over ${runs} runs of the per-run ratios\n`);
console.log(
  `| network | Network.forward median (ms) | ${competitors
    .filter((k) => k !== OURS)
    .map((k) => `forward vs ${k}`)
    .join(' | ')} |`,
);
console.log(
  `|---|---:|${competitors
    .filter((k) => k !== OURS)
    .map(() => '---:')
    .join('|')}|`,
);
const summary = {};
for (const c of cases) {
  const ratio = (k) => median(all.map((r) => r[c][k] / r[c][OURS])); // > 1: Network.forward is faster
  summary[c] = Object.fromEntries(competitors.map((k) => [k, ratio(k)]));
  const cells = competitors
    .filter((k) => k !== OURS)
    .map((k) => {
      const x = summary[c][k];
      return x >= 1 ? `${times(x)} faster` : `${times(1 / x)} slower`;
    });
  console.log(`| ${c} | ${ms(median(all.map((r) => r[c][OURS])))} | ${cells.join(' | ')} |`);
}

const [small, wide] = cases;
const check = (ok, text) => console.log(`${ok ? 'met    ' : 'MISSED '} ${text}`);
console.log('\nTargets (issues 2 and 13), on the medians of the ratios:');
check(summary[wide][BASELINE] >= 2.5, `wide net: ≥ 2.5× the plain loop (${times(summary[wide][BASELINE])})`);
check(summary[wide]['tfjs-cpu'] >= 4, `wide net: ≥ 4× tfjs-cpu (${times(summary[wide]['tfjs-cpu'])})`);
check(
  summary[small]['tfjs-wasm'] >= 3,
  `small net: ≥ 3× faster than tfjs-wasm (${times(summary[small]['tfjs-wasm'])})`,
);
check(
  summary[wide]['tfjs-wasm'] >= 1 / 1.3,
  `wide net: within 1.3× of tfjs-wasm's time (${summary[wide]['tfjs-wasm'] >= 1 ? `${times(summary[wide]['tfjs-wasm'])} faster` : `${times(1 / summary[wide]['tfjs-wasm'])} slower`})`,
);
