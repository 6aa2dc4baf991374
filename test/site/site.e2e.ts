/**
 * The site as a class meets it: built by `npm run site` (scripts/build-site.mjs), served as static files
 * from 127.0.0.1, and the offline playground opened straight from disk (file://), in headless Chromium.
 * Every page loads without a console error; the lesson's figures follow a weight; an exercise gets its
 * hint and its pass, with the hint `npm run exercise` gives; the playground fits 1280×800 and its links
 * carry the network; the worksheet prints on one sheet. Screenshots land in test/site/screenshots/ (copies of them are in docs/site/).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from '../oracles/playwright.mjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXERCISES_DIR, SOLUTIONS_DIR, checkExercise } from '../../examples/exercises/checker/index.js';
import { Network, articleNetwork, kinks } from '../../src/index.js';
import { articleNamesIn, namingTable } from '../helpers/naming.js';
import { PARABOLA, PARABOLA_READ, SITE, dropInPage, launch, newPage, serveSite } from './serve.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

/** The pages of the site itself, and a few of the docs it links to. */
const PAGES = ['index.html', 'lesson.html', 'exercises.html#1', 'worksheet.html', 'playground/index.html', 'docs/index.html', 'docs/documents/docs_naming.html', 'docs/documents/docs_teaching.html'];

let server: { url: string; close(): Promise<void> };
let browser: Browser;
beforeAll(async () => {
  server = await serveSite();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of the site at a size; `errors` collects its console errors. */
async function open(path: string, width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser, width, height);
  await opened.page.goto(server.url + path);
  await opened.page.waitForLoadState('networkidle');
  return opened;
}

describe('npm run site', () => {
  it('writes the site, the one-file playground and the docs into site/', () => {
    for (const file of ['index.html', 'lesson.html', 'exercises.html', 'worksheet.html', 'playground/index.html', 'feedforward-playground.html', 'docs/index.html']) {
      expect(statSync(join(SITE, file)).isFile()).toBe(true);
    }
  });
  it('links every page with relative addresses only, so the site works under any path (GitHub Pages: /<repository>/)', async () => {
    for (const file of ['index.html', 'lesson.html', 'exercises.html', 'worksheet.html', 'playground/index.html', 'feedforward-playground.html']) {
      const html = readFileSync(join(SITE, file), 'utf8');
      const addresses = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
      expect(addresses.filter((a) => a.startsWith('/') || /^[a-z]+:\/\//.test(a)), file).toEqual([]);
    }
  });
});

describe('every page, served as static files', () => {
  it('loads with no console error, and every link of the home page leads to a page that exists', async () => {
    const { page, errors } = await newPage(browser);
    for (const path of PAGES) {
      const response = await page.goto(server.url + path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${server.url}index.html`);
    const links = await page.$$eval('main a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the lesson', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await open('lesson.html'));
  });
  beforeEach(() => page.click('#reset-weights')); // each test starts from the article's weights
  afterAll(() => page.close());

  /** The x of the kinks the prediction's figure marks. */
  const shownKinks = () => page.$$eval('[data-figure="prediction"] circle.kink[data-x]', (marks) => marks.map((m) => Number(m.getAttribute('data-x'))));
  const curve = (figure: string) => page.getAttribute(`[data-figure="${figure}"] path.curve`, 'd');

  it("starts from articleNetwork(): the prediction's kinks are kinks(articleNetwork())'s, −1.5, 0.25, 1, 1.5", async () => {
    expect(await shownKinks()).toEqual(kinks(articleNetwork(), { domain: [-3, 3] }).breakpoints);
    expect(await shownKinks()).toEqual([-1.5, 0.25, 1, 1.5]);
    expect(await page.textContent('#forward-same')).toBe('true');
    expect(errors).toEqual([]);
  });
  it('redraws every figure when a weight is typed, and the kinks move to where kinks() puts them', async () => {
    const before = await Promise.all(['layer1-z', 'layer2-z', 'layer2-a', 'prediction'].map(curve));
    await page.fill('input[type="number"][data-param="b4"]', '-1.5'); // z₄ = a₁ − a₂ − 1.5: neuron 4 switches on at x = 0.75
    const after = await Promise.all(['layer1-z', 'layer2-z', 'layer2-a', 'prediction'].map(curve));
    expect(after[0]).toBe(before[0]); // layer 1 does not depend on b4
    expect(after.slice(1)).not.toEqual(before.slice(1));
    const moved = Network.fromWeights([
      { weights: [[1], [-1]], biases: [1, 1] },
      { weights: [[1, 1], [1, -1]], biases: [-2.5, -1.5] },
      { weights: [[1, -1]], biases: [1] },
    ]);
    expect(await shownKinks()).toEqual(kinks(moved, { domain: [-3, 3] }).breakpoints);
    expect(await shownKinks()).toContain(0.75);
    expect(await page.inputValue('input[type="range"][data-param="b4"]')).toBe('-1.5'); // the slider follows the box
  });
  it('redraws when a slider is dragged, and says so by a box whose value is not a number', async () => {
    const slider = page.locator('input[type="range"][data-param="b3"]');
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    const before = await shownKinks();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const value = Number(await page.inputValue('input[type="number"][data-param="b3"]'));
    expect(value).toBeGreaterThan(0); // dragged from −2.5 to the right: z₃ = a₁ + a₂ + b3 > 0 everywhere, neuron 3 never switches
    expect(await shownKinks()).not.toEqual(before);
    await page.fill('input[type="number"][data-param="b5"]', '1e999');
    expect(await page.isVisible('input[data-param="b5"] ~ .message')).toBe(true);
    await page.click('#reset-weights');
    expect(await shownKinks()).toEqual([-1.5, 0.25, 1, 1.5]);
  });
  it('checks one column by hand: each line with the weights, and the same number as the library', async () => {
    await page.click('button[data-column="0"]');
    const text = (await page.textContent('#hand-table')) ?? '';
    expect(text).toContain('= 1·(−2) + 1'); // z₁ at x = −2
    expect(text).toContain('= 1·0.5 + (−1)·0 + 1'); // ŷ
    expect(await page.textContent('#hand-library')).toBe('1.5');
    expect(await page.textContent('#hand-agrees')).toContain('the same');
  });
  it("derives backpropagation with the nudge check beside every dW and db, each agreeing with backwardTrace's number", async () => {
    const rows = await page.$$eval('table.nudge-check tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-param'),
        backprop: Number(tr.querySelector('.backprop')?.getAttribute('data-value')),
        nudge: Number(tr.querySelector('.nudge')?.getAttribute('data-value')),
      })),
    );
    expect(rows.map((r) => r.id).sort()).toEqual(['W1[0][0]', 'W1[1][0]', 'b1[0]', 'b1[1]', 'b3', 'b4', 'b5', 'w35[0][0]', 'w35[0][1]', 'w46[0][0]', 'w46[0][1]', 'w7[0][0]', 'w7[0][1]'].sort());
    const [one, two, out] = articleNetwork().backwardTrace([[3]], [[0]], { loss: 'mse' });
    const want: Record<string, number> = {
      'W1[0][0]': one.dW.get(0, 0), 'W1[1][0]': one.dW.get(1, 0), 'b1[0]': one.db.get(0, 0), 'b1[1]': one.db.get(1, 0),
      'w35[0][0]': two.dW.get(0, 0), 'w35[0][1]': two.dW.get(0, 1), 'w46[0][0]': two.dW.get(1, 0), 'w46[0][1]': two.dW.get(1, 1),
      b3: two.db.get(0, 0), b4: two.db.get(1, 0), 'w7[0][0]': out.dW.get(0, 0), 'w7[0][1]': out.dW.get(0, 1), b5: out.db.get(0, 0),
    };
    for (const row of rows) {
      expect(row.backprop, row.id ?? '').toBe(want[row.id ?? '']);
      expect(Math.abs(row.nudge - row.backprop), row.id ?? '').toBeLessThan(1e-6);
    }
    expect(want['w7[0][0]']).toBe(-3); // ∂L/∂ŷ · a₃ = 2·(−1 − 0) · 1.5, worked in the page's chain-rule column
    expect(await page.textContent('#back-loss')).toBe('1'); // (ŷ − y)² = (−1 − 0)²
    expect(Number(await page.textContent('#back-after'))).toBeLessThan(0.001); // one step of η = 0.01 downhill: 1 → 0.000557
  });
  it('shows the names of the naming table (docs/naming.md), every one of them and no other', async () => {
    const table = namingTable().map((row) => row.name);
    const shown = await page.$$eval('[data-name]', (els) => els.map((el) => el.getAttribute('data-name') ?? ''));
    expect(new Set(shown)).toEqual(new Set(table.filter((name) => name !== 'X')));
    const text = await page.innerText('main'); // as read: table cells apart
    expect(articleNamesIn(text).filter((name) => !table.includes(name))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the exercises in the browser', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await open('exercises.html#2'));
  });
  afterAll(() => page.close());

  /** Replaces the editor's text as a learner would: select all, type. */
  async function write(code: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(code);
  }
  async function check(): Promise<string> {
    await page.click('#check');
    await page.waitForSelector('#result .verdict');
    return (await page.textContent('#result')) ?? '';
  }
  const withoutBias =
    'export function applyWeights(A: number[][], W: number[][], b: number[]): number[][] {\n  return W.map((row) => A[0].map((_, j) => row.reduce((s, w, k) => s + w * A[k][j], 0)));\n}\n';
  const right =
    'export function applyWeights(A: number[][], W: number[][], b: number[]): number[][] {\n  return W.map((row, i) => A[0].map((_, j) => row.reduce((s, w, k) => s + w * A[k][j], b[i])));\n}\n';

  it('says "not written yet" for the stub, as npm run exercise does', async () => {
    expect(await check()).toContain('Hint: applyWeights is not written yet: write it (the task is in the comment above it).');
  });
  it('gives a wrong answer the hint of `npm run exercise -- 2`, with the inputs and both values', async () => {
    await write(withoutBias);
    const text = await check();
    expect(text).toContain('Exercise 2, applyWeights: not yet.');
    expect(text).toContain('With A = [[1], [2]], W = [[3, -1]], b = [0.5]:');
    expect(text).toContain('your Z:     [[1]]');
    expect(text).toContain('Hint: the bias is missing: Z = W·A + b, so add b[i] to every entry of row i (neuron i).');
  });
  it('passes a right answer, ticks it in the list, and keeps code and tick across a reload (localStorage)', async () => {
    await write(right);
    expect(await check()).toContain('Exercise 2, applyWeights: passed.');
    expect(await page.textContent('a[data-n="2"]')).toContain('✓');
    await page.reload();
    await page.waitForSelector('.cm-content');
    expect(await page.textContent('a[data-n="2"]')).toContain('✓');
    expect(await page.textContent('.cm-content')).toContain('reduce((s, w, k) => s + w * A[k][j], b[i])');
  });
  it("gives exercise 3's W[0]-for-[W[0]] mistake, calling the learner's own applyWeights, the very hint the Node checker gives", async () => {
    const code =
      "import { applyWeights } from './2-apply-weights.js';\n\nexport function twoNode(A: number[][], W: number[][], b: number[]): number[][] {\n  return [...applyWeights(A, W[0] as any, [b[0]]), ...applyWeights(A, W[1] as any, [b[1]])];\n}\n";
    await page.goto(`${server.url}exercises.html#3`);
    await page.waitForSelector('.cm-content');
    await write(code);
    const text = await check();
    // The same two files, checked by `npm run exercise -- 3 --dir`.
    const dir = mkdtempSync(join(tmpdir(), 'site-exercise-'));
    try {
      writeFileSync(join(dir, '2-apply-weights.ts'), right);
      writeFileSync(join(dir, '3-two-node.ts'), code);
      const node = await checkExercise(3, dir);
      expect(node.passed).toBe(false);
      expect(text).toContain(`Hint: ${node.passed ? '' : node.hint}.`);
      expect(text).toContain('pass [W[0]] and [b[0]]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('shows the worked solution behind a button, and runs the solutions of all six as passing', async () => {
    for (const [n, file] of [[1, '1-relu.ts'], [2, '2-apply-weights.ts'], [3, '3-two-node.ts'], [4, '4-article-forward.ts'], [5, '5-backward-step.ts'], [6, '6-gradient-step.ts']] as const) {
      await page.goto(`${server.url}exercises.html#${n}`);
      await page.waitForSelector('.cm-content');
      expect(await page.isVisible('#solution')).toBe(false);
      await page.click('#show-solution');
      const solution = readFileSync(join(SOLUTIONS_DIR, file), 'utf8');
      expect(await page.textContent('#solution pre')).toBe(solution);
      await write(solution);
      expect(await check(), `exercise ${n}`).toContain('passed.');
    }
    expect(await page.textContent('#progress')).toBe('6 of 6 passed');
    expect(readFileSync(join(EXERCISES_DIR, '1-relu.ts'), 'utf8')).toContain('not written yet'); // the stubs on disk are untouched
    await page.screenshot({ path: join(screenshots, 'exercise-1280.png') });
    expect(errors).toEqual([]);
  });
});

/** The page's window.playground helpers (examples/playground/src/main.ts). */
const playgroundNetwork = (page: Page) => page.evaluate(() => (window as unknown as { playground: { network(): object } }).playground.network());

describe('the playground on the site', () => {
  it('at 1280×800 shows the function plot and the play button without scrolling', async () => {
    const { page, errors } = await open('playground/index.html');
    await page.waitForSelector('#function-plot');
    for (const selector of ['#function-plot', '#play']) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      if (!box) continue;
      expect(box.y + box.height, `${selector} ends at ${box.y + box.height} px`).toBeLessThanOrEqual(800);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
  it('gives a copied link that, opened in a new page, restores the same network', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    const page = await context.newPage();
    await page.goto(`${server.url}playground/index.html`);
    await page.waitForSelector('#diagram svg');
    for (let k = 0; k < 3; k++) await page.click('#step-once'); // three epochs: the weights are no longer the article's
    const trained = await playgroundNetwork(page);
    expect(trained).not.toEqual(articleNetwork().toJSON());
    await page.click('#copy-link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${server.url}playground/`)).toBe(true);
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForSelector('#diagram svg');
    expect(await playgroundNetwork(other)).toEqual(trained);
    await context.close();
  });
});

/** Drops a CSV file on a playground page, as a teacher drags one from the desktop, and waits for its message. */
async function dropCsv(page: Page, name: string, text: string): Promise<string> {
  await page.evaluate(dropInPage, [name, text] as [string, string]);
  await page.waitForFunction(() => document.querySelector('#csv-message')?.textContent !== '');
  return (await page.textContent('#csv-message')) ?? '';
}

/** The training loss the page shows after `steps` more epochs. */
async function lossAfter(page: Page, steps: number): Promise<number> {
  for (let n = 0; n < steps; n++) await page.click('#step-once');
  return Number(await page.getAttribute('#loss', 'data-value'));
}

/** Drops PARABOLA on an opened playground and trains on it: the message, then a falling loss, and no console error. */
async function expectToTrainOnDroppedCsv({ page, errors }: { page: Page; errors: string[] }): Promise<void> {
  await page.waitForSelector('#diagram svg');
  expect(await dropCsv(page, 'parabola.csv', PARABOLA)).toBe(PARABOLA_READ);
  const first = await lossAfter(page, 1);
  expect(await lossAfter(page, 40)).toBeLessThan(first);
  expect(errors).toEqual([]);
  await page.close();
}

describe('your own data on the site', () => {
  it('a CSV dropped on the playground is read and trained on: the loss falls', async () => {
    await expectToTrainOnDroppedCsv(await open('playground/index.html'));
  });
});

describe('the offline playground, one file opened from disk (file://)', () => {
  const file = pathToFileURL(join(SITE, 'feedforward-playground.html')).href;
  it('is one self-contained file: no script, style or module it would have to load', () => {
    const html = readFileSync(join(SITE, 'feedforward-playground.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*rel="(stylesheet|modulepreload)"/);
    expect(html).toMatch(/<script type="module"[^>]*>/); // inlined: allowed from file://, unlike a module script in its own file
  });
  it('trains on a CSV dropped on it, opened from disk', async () => {
    const opened = await newPage(browser);
    await opened.page.goto(file);
    await expectToTrainOnDroppedCsv(opened);
  });
  it('loads with no console error, starts from articleNetwork() and trains', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(file);
    await page.waitForSelector('#diagram svg');
    expect(await playgroundNetwork(page)).toEqual(articleNetwork().toJSON());
    await page.click('#step-once');
    await page.click('#step-once');
    expect(Number(await page.textContent('#steps'))).toBe(2);
    expect(await playgroundNetwork(page)).not.toEqual(articleNetwork().toJSON());
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the worksheet', () => {
  it('prints on one sheet (A4), without the site navigation', async () => {
    const { page, errors } = await open('worksheet.html');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav.site')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('screenshots (test/site/screenshots/, copied to docs/site/ when they change)', () => {
  it('of the home page, the lesson, an exercise and the playground at 1280×800 and 390 px wide', async () => {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      for (const [name, path] of [['home', 'index.html'], ['lesson', 'lesson.html'], ['exercise', 'exercises.html#1'], ['playground', 'playground/index.html']]) {
        const { page, errors } = await open(path, width, height);
        await page.screenshot({ path: join(screenshots, `${name}-${width}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});
