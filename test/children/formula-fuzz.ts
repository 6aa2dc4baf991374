/**
 * The formula fuzz, run by test/fuzz.test.ts in a child with a time and heap
 * limit: fast-check (fixed seed) draws random expression trees (allowed and
 * forbidden operators, functions and symbols, nested deep) and hostile strings
 * (mathjs calls, assignments, long repetitions, deep brackets, random text),
 * and every one must be answered within ANSWER_CPU_MS of CPU time by an activation (whose g
 * and g′ at 0.5 are numbers or ValueErrors) or by a ValueError. Afterwards the
 * process-wide mathjs must compute what it computed before. Prints one line of
 * JSON: { runs, accepted, refused, slowestCpuMs, failures, mathjsUnchanged }.
 */
import fc from 'fast-check';
import * as shared from 'mathjs';
import { ACTIVATION_FORMULA_FUNCTIONS, ValueError, activation } from '../../src/index.js';

const SEED = Number(process.argv[2] ?? 20261130);
const RUNS = Number(process.argv[3] ?? 400);
/** CPU time (ms) a formula may take, not wall time: a loaded machine makes an answer wait, not work more. The slowest takes about 10 ms. */
const ANSWER_CPU_MS = 1000;

const fingerprint = () =>
  JSON.stringify([
    shared.evaluate('2 inch to cm').toString(),
    shared.evaluate('sqrt(-4)').toString(),
    shared.evaluate('derivative("x^2", "x")').toString(),
    shared.simplify('x + x').toString(),
    Object.keys(shared).length,
    typeof shared.evaluate,
  ]);
const before = fingerprint();
activation('x'); // the library's own mathjs is made on first use (a second or more): not a formula's time

const hostileFunctions = ['evaluate', 'parse', 'compile', 'simplify', 'derivative', 'createUnit', 'import', 'resolve', 'rationalize', 'max', 'f', 'x', 'config', 'chain'];
const leaf = fc.oneof(
  { weight: 4, arbitrary: fc.constant('x') },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -9, max: 9 }).map(String), fc.double({ noNaN: true }).map(String)) },
  { weight: 1, arbitrary: fc.constantFrom('e', 'pi', 'tau', 'phi', 'E', 'PI') },
  { weight: 1, arbitrary: fc.constantFrom('y', 'i', 'Infinity', 'NaN', 'true', 'null', '"s"', "'s'", 'cm', '[1, 2]', '{a: 1}', '1:3', 'end', '__proto__', 'constructor') },
);
const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '^', ' ', '%', '==', '<', 'and', ' to ', '.*', '|', ':'), tie('node')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('node').map((a) => `-(${a})`),
    tie('node').map((a) => `(${a})`),
    tie('node').map((a) => `${a}!`),
    fc.tuple(fc.constantFrom(...ACTIVATION_FORMULA_FUNCTIONS, ...hostileFunctions), fc.array(tie('node'), { minLength: 0, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('a', 'f(x)', 'x', 'pi'), tie('node')).map(([left, right]) => `${left} = ${right}`),
    fc.tuple(tie('node'), tie('node'), tie('node')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
  ),
})).node;

const repeated = fc
  .tuple(fc.constantFrom('x + ', 'x^', '-', 'sin(', '(', '[', 'x * cos(x) * ', 'exp(', 'x^x^', '1/(1+'), fc.integer({ min: 1, max: 3000 }))
  .map(([unit, n]) => {
    const open = (unit.match(/[([]/g) ?? []).length;
    const close = unit.includes('[') ? ']' : ')';
    return `${unit.repeat(n)}x${close.repeat(open * n)}`;
  });
const hostile = fc.oneof(
  tree,
  repeated,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('x', '+', '-', '*', '/', '^', '(', ')', '1', 'e', ' ', ',', '.', '!', '=', ';', '"', '[', ']'), maxLength: 80 }),
  fc.constantFrom('f(x) = x^2', 'createUnit("inch", "1 m")', 'import({pi: 3}, {override: true})', 'evaluate("createUnit(\\"inch\\", \\"1 m\\")")', `${'-'.repeat(3000)}x`, Array(20).fill('x').join('^'), Array.from({ length: 20 }, (_, k) => `x^${k}/${k + 1}`).join(' + ')),
);

let accepted = 0;
let refused = 0;
let slowest = 0;
const failures: string[] = [];
fc.assert(
  fc.property(hostile, (formula) => {
    const start = process.cpuUsage();
    try {
      const g = activation(formula);
      for (const h of [g.f, g.df]) {
        try {
          const value = h(0.5);
          if (!Number.isFinite(value)) failures.push(`${JSON.stringify(formula)} gives ${value}`);
        } catch (error) {
          if (!(error instanceof ValueError)) failures.push(`${JSON.stringify(formula)} at 0.5: ${String(error)}`);
        }
      }
      accepted++;
    } catch (error) {
      if (!(error instanceof ValueError)) failures.push(`${JSON.stringify(formula).slice(0, 80)}: ${String(error).slice(0, 200)}`);
      refused++;
    }
    const { user, system } = process.cpuUsage(start);
    const ms = (user + system) / 1000;
    slowest = Math.max(slowest, ms);
    if (ms > ANSWER_CPU_MS) failures.push(`${JSON.stringify(formula).slice(0, 80)} took ${ms.toFixed(0)} ms of CPU`);
    return true;
  }),
  { seed: SEED, numRuns: RUNS },
);
const slowestCpuMs = Math.round(slowest);
console.log(JSON.stringify({ runs: RUNS, accepted, refused, slowestCpuMs, failures: failures.slice(0, 20), mathjsUnchanged: fingerprint() === before }));
