#!/usr/bin/env node
/**
 * feedforward in a browser: bundle test/browser/page.mjs with esbuild (importing
 * 'feedforward' as a user's bundler would, through package.json's "exports"), serve
 * it from localhost, open it in headless Chromium and check what the page computed:
 *
 *   - docs/using-from.md's browser snippet prints the hand-checked predictions;
 *   - a seeded forward pass gives, bit for bit, what Node gives;
 *   - a training run (net.fit) in the page lowers the loss tenfold;
 *   - with setEngine('wasm'), a wider forward pass and training run in WebAssembly SIMD
 *     (the page counts the kernel's calls) and give, bit for bit, what the JavaScript
 *     engine gives in the page and what Node gives;
 *   - mathjs is not in the page's bundle: it is fetched, in its own chunk, only
 *     when the page calls loadMathjs();
 *   - every entry point in "exports" bundles for the browser (no Node built-ins)
 *     and loads in the page, except the Node-only ones (named `node`).
 *
 * Needs Debian's Chromium:  apt-get install -y chromium
 * Run it:  npm run test:browser      (builds first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '../oracles/playwright.mjs';
import { exportSpecifiers, isNodeOnly } from '../../scripts/entries.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const HAND_CHECKED = '1.5 1 1 -0.5 -1'; // README: "Check the first column by hand"

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`test:browser: ${CHROMIUM_PATH} is missing (install it: apt-get update && apt-get install -y chromium)`);
  process.exit(1);
}

console.log('== build, then bundle the page with esbuild');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const specs = exportSpecifiers;
const browserSpecs = specs.filter((spec) => !isNodeOnly(spec));
// One tiny virtual module per entry point, resolved from the package root as the page is.
const entries = browserSpecs.map((spec, i) => ({ name: `entry${i}`, spec }));
const virtualEntries = {
  name: 'virtual-entries',
  setup(b) {
    b.onResolve({ filter: /^virtual:entry\d+$/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
      const { spec } = entries[Number(args.path.slice('virtual:entry'.length))];
      return { contents: `export * from '${spec}';`, resolveDir: root, loader: 'js' };
    });
  },
};
const out = mkdtempSync(join(tmpdir(), 'feedforward-browser-'));
const bundle = await build({
  entryPoints: [
    { in: join(root, 'scripts', 'consumers', 'browser.mjs'), out: 'browser' }, // docs/using-from.md's snippet
    { in: join(here, 'page.mjs'), out: 'page' },
    ...entries.map(({ name }, i) => ({ in: `virtual:entry${i}`, out: name })),
  ],
  bundle: true,
  splitting: true, // dynamic import() (mathjs) becomes its own chunk
  format: 'esm',
  platform: 'browser', // a Node built-in anywhere in the graph fails the build
  target: 'es2022',
  outdir: out,
  metafile: true,
  logLevel: 'warning',
  plugins: [virtualEntries],
});
const outputs = bundle.metafile.outputs;
const mathjsIn = (file) => Object.keys(outputs[file].inputs).some((input) => input.includes('node_modules/mathjs/'));
const chunkName = (file) => relative(out, resolve(root, file));
const pageFile = Object.keys(outputs).find((file) => outputs[file].entryPoint?.endsWith('page.mjs'));
const staticImports = (file) => outputs[file].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
const pageGraph = [pageFile, ...staticImports(pageFile)];
const mathjsChunks = Object.keys(outputs).filter(mathjsIn).map(chunkName);
check(!pageGraph.some(mathjsIn), `the page's bundle (${pageGraph.map(chunkName).join(', ')}) holds no mathjs`);
console.log(`     page.js ${(outputs[pageFile].bytes / 1024).toFixed(1)} kB; mathjs in ${mathjsChunks.join(', ')}`);
// The simplest build a user makes: docs/using-from.md's snippet, one minified file, no code splitting.
const single = await build({
  entryPoints: [join(root, 'scripts', 'consumers', 'browser.mjs')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  outfile: join(out, 'single.js'),
  metafile: true,
  logLevel: 'error',
});
const [singleOut] = Object.values(single.metafile.outputs);
const singleMathjs = Object.keys(singleOut.inputs).some((input) => input.includes('node_modules/mathjs/'));
check(!singleMathjs, `docs/using-from.md's snippet as one minified bundle holds no mathjs: ${(singleOut.bytes / 1024).toFixed(1)} kB`);

console.log('== serve on localhost, open in headless Chromium');
const types = { '.html': 'text/html', '.js': 'text/javascript' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  const file = path === '/' ? join(here, 'index.html') : join(out, path.replace(/^\/bundle\//, ''));
  const served = file === join(here, 'index.html') || (path.startsWith('/bundle/') && file.startsWith(out));
  if (!served || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const errors = [];
  const requested = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.replace('/bundle/', '')));
  await page.goto(url);
  await page.waitForFunction(() => window.feedforwardPage !== undefined, null, { timeout: 30_000 });
  const result = await page.evaluate(() => ({ ...window.feedforwardPage }));

  check(result.predictions === HAND_CHECKED, `docs/using-from.md's browser snippet shows the hand-checked predictions: ${result.predictions}`);
  const { Network } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const inNode = Array.from(new Network({ layers: [1, 2, 2, 1], seed: 42 }).forward([[-1, 0, 1]]).data);
  check(
    result.forward.length === 3 && result.forward.every((x, j) => Object.is(x, inNode[j])),
    `a seeded forward pass in the page equals Node's, bit for bit: [${result.forward.join(', ')}]`,
  );
  const { trained, lossBefore, lossAfter } = result.training;
  check(trained, 'training in the page changes the weights');
  check(lossAfter < lossBefore / 10, `training in the page lowers the loss tenfold: ${lossBefore} → ${lossAfter}`);

  const { atLoad, wasm, js, instances } = result.engines;
  check(atLoad === 'auto', `the engine is 'auto' when the page loads: ${atLoad}`);
  check(instances === 1 && wasm.kernelCalls > 0, `setEngine('wasm') compiled the module once and ran the products there: ${instances} instance, ${wasm.kernelCalls} kernel calls`);
  check(js.kernelCalls === 0, `setEngine('js') ran no product in WebAssembly: ${js.kernelCalls} kernel calls`);
  const sameBits = (a, b) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  check(sameBits(wasm.forward, js.forward) && sameBits(wasm.weights, js.weights), `in the page, the wasm and js engines give the same bits: forward (${wasm.forward.length} numbers) and weights after fit (${wasm.weights.length})`);
  const { randomMatrix } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const wide = new Network({ layers: [16, 64, 64, 1], seed: 42 });
  const X = randomMatrix(16, 300, { seed: 7 });
  const nodeForward = Array.from(wide.forward(X).data);
  wide.fit(X, randomMatrix(1, 300, { seed: 8 }), { epochs: 2, batchSize: 32, optimizer: 'adam', onWarning: () => {} });
  const nodeWeights = wide.layers.flatMap((layer) => [...layer.weights.data, ...layer.biases.data]);
  check(sameBits(wasm.forward, nodeForward) && sameBits(wasm.weights, nodeWeights), "the page's forward pass and training on WebAssembly equal Node's, bit for bit");

  const beforeMathjs = requested.filter((file) => mathjsChunks.includes(file));
  check(beforeMathjs.length === 0, `no mathjs chunk is fetched before loadMathjs() (fetched: ${requested.join(', ')})`);
  const size = await page.evaluate(() => window.feedforwardPage.toMathjsSize());
  check(JSON.stringify(size) === '[1,3]', `after loadMathjs(), Matrix#toMathjs works in the page: size ${JSON.stringify(size)}`);
  check(requested.some((file) => mathjsChunks.includes(file)), 'loadMathjs() fetched the mathjs chunk');

  for (const { name, spec } of entries) {
    const names = await page.evaluate(async (src) => Object.keys(await import(src)), `./bundle/${name}.js`);
    check(names.length > 0, `${spec} bundles for the browser and loads in the page: ${names.length} exports`);
  }
  for (const spec of specs.filter(isNodeOnly)) console.log(`note ${spec} is for Node only: not bundled for the browser`);
  check(errors.length === 0, `no error in the page${errors.length ? `: ${errors.join('; ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

console.log(failures.length === 0 ? '== browser test passed' : `== browser test FAILED (${failures.length})`);
process.exitCode = failures.length === 0 ? 0 : 1;
