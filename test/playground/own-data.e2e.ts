/**
 * Your own data in the playground (issue 22, item 6): a CSV dropped, opened or pasted, read with the
 * rules of readCsv (checked against readCsv itself, in Node); points clicked on the plane; training on
 * them; the data in the link up to 200 points and in the page's file beyond; a message naming the line
 * and the column of a CSV the page cannot use.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/index.js';
import { readCsv } from '../../src/node.js';
import { inPage, usePlayground } from './page.js';

const playground = usePlayground();
const { fresh, settings, trainingData } = playground;

const folder = mkdtempSync(join(tmpdir(), 'own-data-'));

/** Pastes a CSV and presses "train on this CSV"; returns the message. */
async function paste(csv: string): Promise<string> {
  const { page } = playground;
  await page.evaluate(() => {
    (document.querySelector('#own-data-box') as HTMLDetailsElement).open = true;
  });
  await page.fill('#csv-text', csv);
  await page.click('#csv-use');
  return (await page.textContent('#csv-message')) ?? '';
}

/** Drops a file on the page, as a learner drags one from the desktop. */
async function drop(name: string, text: string): Promise<void> {
  await playground.page.evaluate(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
  await playground.page.waitForFunction(() => document.querySelector('#csv-message')?.textContent !== '');
}

/** A CSV of y = x² − 1 at `n` points from −2 to 2. */
const parabola = (n: number) =>
  `x,y\n${Array.from({ length: n }, (_, k) => -2 + (4 * k) / (n - 1)).map((x) => `${x},${x * x - 1}`).join('\n')}\n`;

describe('your own data in the playground (issue 22)', () => {
  it("reads a pasted CSV as readCsv reads the same file (a byte-order mark, quotes, CRLF, an empty line) and trains on it", async () => {
    await fresh();
    const csv = '\uFEFFx,"y"\r\n-2,4.1\r\n"-1",1.2\r\n\r\n0,.1\r\n1,0.9\r\n2,4.2e0\r\n';
    const file = join(folder, 'parabola.csv');
    writeFileSync(file, csv);
    const records = await readCsv(file); // the oracle: the library's own reader
    expect(await paste(csv)).toBe('Read 5 rows of the pasted CSV: x → y. Press play to train on them.');
    expect(await trainingData()).toEqual({ X: [records.map((r) => r.x)], Y: [records.map((r) => r.y)], testCount: 0 });
    expect(await settings()).toMatchObject({ target: 'points', columns: ['x', 'y'], points: 5 });
    const { page } = playground;
    await page.click('#step-once');
    const first = Number(await page.getAttribute('#loss', 'data-value'));
    for (let n = 0; n < 30; n++) await page.click('#step-once');
    expect(Number(await page.getAttribute('#loss', 'data-value'))).toBeLessThan(first);
    expect(await page.textContent('#function-plot text.axis-title')).toBe('x');
  });

  it('a CSV dropped on the page, in its own units (x in the thousands), is standardized, and the line drawn is net.predict of the network', async () => {
    await fresh();
    const rows = Array.from({ length: 40 }, (_, k) => [1500 + 90 * k, 45 - 0.007 * (1500 + 90 * k) + (k % 3)]);
    await drop('cars.csv', `weight,mpg\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    expect(await playground.page.textContent('#csv-message')).toBe('Read 40 rows of cars.csv: weight → mpg. Press play to train on them.');
    const net = Network.fromJSON(await inPage(playground.page, (p) => p.network()));
    expect(net.standardize?.inputs?.mean[0]).toBeCloseTo(1500 + 90 * 19.5, 9);
    const xs = [1500, 2500, 3333, 5000];
    expect(await inPage(playground.page, (p) => p.drawn([[1500, 2500, 3333, 5000]]))).toEqual(net.predict(xs));
    const ticks = await playground.page.$$eval('#function-plot text.tick.x', (t) => t.map((e) => Number(e.textContent)));
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(5500);
  });

  it("a network's .json dropped on the page is imported, as the import box does", async () => {
    await fresh();
    const net = new Network({ layers: [1, 3, 1], seed: 4 });
    await playground.page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'model.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(net.toJSON()));
    await playground.page.waitForFunction(() => document.querySelector('#import-message')?.textContent !== '');
    expect(await playground.page.textContent('#import-message')).toBe('Imported a network with layers [1,3,1].');
    expect(await inPage(playground.page, (p) => p.network())).toEqual(net.toJSON());
  });

  it('two input columns and a target of two words are classes on the plane, named in the legend', async () => {
    await fresh();
    const csv = 'width,height,kind\n0.5,1,tall\n1,0.4,wide\n0.2,2,tall\n2,0.3,wide\n';
    expect(await paste(csv)).toBe('Read 4 rows of the pasted CSV: width and height → kind (class 0: tall, class 1: wide). Press play to train on them.');
    expect(await trainingData()).toEqual({ X: [[0.5, 1, 0.2, 2], [1, 0.4, 2, 0.3]], Y: [[0, 1, 0, 1]], testCount: 0 });
    expect(await playground.page.textContent('#function-view .legend')).toContain('predicts tall');
  });

  it('names the line and the column of what it cannot use', async () => {
    await fresh();
    const cases: [string, string][] = [
      ['x,y\n1,2\n3,abc\n', 'Not used: the pasted CSV line 3, column "y" is "abc" but with one input the target must be a number'],
      ['x,y\n,2\n', 'Not used: the pasted CSV line 2, column "x" is empty but an input must be a number'],
      ['x,y\n1,2\n3\n', 'Not used: the pasted CSV line 3 has 1 field but the header has 2 (every row needs one field per column: x, y)'],
      ['a,b,c,d\n1,2,3,4\n', 'Not used: the pasted CSV has 4 columns (a, b, c, d) but the page takes one or two input columns and then the target, the last column'],
      ['x1,x2,label\n0,0,a\n1,1,b\n2,2,c\n', 'Not used: the pasted CSV column "label" has 3 different values (a, b, c) but with two inputs the target is one of two classes (0 and 1, or two words)'],
      ['x,y\n1e9,2\n', 'Not used: the pasted CSV line 2, column "x" is 1000000000 but a value must be within ±1000000'],
      ['x,x\n1,2\n', 'Not used: the pasted CSV line 1 names column "x" twice (columns 1 and 2) but each name must be distinct'],
    ];
    for (const [csv, message] of cases) expect(await paste(csv)).toBe(message);
    expect((await settings()).target).toBe('sine'); // nothing was used
    expect(playground.errors).toEqual([]);
  });

  it('a click on the empty plot of "your points" adds a point there, and the network trains on it', async () => {
    const { page } = playground;
    await fresh('#target=points');
    expect(await trainingData()).toBeNull();
    const box = (await page.locator('#function-plot').boundingBox())!;
    // The plot spans x from −3 to 3 between SVG x = 48 and 550 (of 560), and y from 3 down to −3 between 10 and 212 (of 250).
    await page.mouse.click(box.x + (box.width * (48 + (502 * 4) / 6)) / 560, box.y + (box.height * (10 + (202 * 2) / 6)) / 250);
    const data = await trainingData();
    expect(data!.X[0][0]).toBeCloseTo(1, 1); // x ≈ 1
    expect(data!.Y[0][0]).toBeCloseTo(1, 1); // y ≈ 1
    await page.click('#step-once');
    expect((await settings()).epochs).toBe(1);
  });

  it('a click on the plane adds a point of class 1, a shift-click one of class 0, and the network trains on them', async () => {
    const { page } = playground;
    await fresh('#target=points2d&hidden=4');
    const box = (await page.locator('#plane').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.6);
    await page.keyboard.up('Shift');
    const data = await trainingData();
    expect(data?.Y).toEqual([[1, 0]]);
    expect(data!.X[0][0]).toBeLessThan(data!.X[0][1]); // the first click is left of the second …
    expect(data!.X[1][0]).toBeGreaterThan(data!.X[1][1]); // … and above it
    await page.click('#step-once');
    expect((await settings()).epochs).toBe(1);
  });

  it('up to 200 points travel in the link; more travel in the page\'s file, which the import box opens', async () => {
    const { page } = playground;
    await fresh();
    await paste(parabola(150));
    const small = await trainingData();
    const link = await page.inputValue('#share-link');
    expect(link).toContain('&points=');
    const other = await playground.browser.newPage();
    await other.goto(link);
    await other.waitForSelector('#function-plot');
    expect(await other.evaluate(() => (window as any).playground.trainingData())).toEqual(small);
    expect(await other.evaluate(() => (window as any).playground.network())).toEqual(await inPage(page, (p) => p.network()));
    await other.close();

    await paste(parabola(250));
    const large = await trainingData();
    expect(await page.inputValue('#share-link')).not.toContain('&points=');
    expect(await page.textContent('#link-note')).toContain('The link leaves out your 250 points (a link carries at most 200)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-page')]);
    const file = join(folder, 'page.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).points.length).toBe(250);
    await fresh();
    await page.setInputFiles('#import-file', file);
    await page.waitForFunction(() => document.querySelector('#import-message')?.textContent !== '');
    expect(await page.textContent('#import-message')).toBe("Opened the page's file (250 points).");
    expect(await trainingData()).toEqual(large);
    expect(playground.errors).toEqual([]);
  });
});
