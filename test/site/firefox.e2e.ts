/**
 * The offline playground in Firefox: the one file a teacher hands out, opened straight from disk (file://),
 * in Debian's Firefox ESR, headless, driven by puppeteer-core through WebDriver BiDi. The other site tests
 * run in Chromium (site.e2e.ts); this one checks that the file works in the other engine too: it loads
 * without a console error, starts from the article's network, steps, plays and trains on a dropped CSV.
 * `apt-get install firefox-esr` first (.ci/run does); FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleNetwork } from '../../src/index.js';
import { type Browser, type Page, puppeteer } from '../oracles/puppeteer.mjs';
import { PARABOLA, PARABOLA_READ, SITE, dropInPage } from './serve.js';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const file = pathToFileURL(join(SITE, 'feedforward-playground.html')).href;

let browser: Browser;
let profile: string; // Firefox writes its profile under HOME: a folder of its own, removed afterwards
beforeAll(async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox is not at ${FIREFOX}: apt-get install firefox-esr (or set FIREFOX_PATH)`);
  }
  profile = mkdtempSync(join(tmpdir(), 'feedforward-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--no-remote'],
    env: { ...process.env, HOME: profile },
  });
});
afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The offline file opened in a new Firefox tab at 1280×800; `errors` collects its console errors. */
async function openOffline(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(file);
  await page.waitForSelector('#diagram svg');
  return { page, errors };
}

const playgroundNetwork = (page: Page) =>
  page.evaluate(() => (window as unknown as { playground: { network(): object } }).playground.network());
const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const loss = (page: Page) => page.$eval('#loss', (element) => Number(element.getAttribute('data-value')));

describe('the offline playground in Firefox, opened from disk (file://)', () => {
  it('loads with no console error, starts from articleNetwork(), and one step changes it', async () => {
    const { page, errors } = await openOffline();
    expect(await playgroundNetwork(page)).toEqual(articleNetwork().toJSON());
    await page.click('#step-once');
    await page.click('#step-once');
    expect(Number(await text(page, '#steps'))).toBe(2);
    expect(await playgroundNetwork(page)).not.toEqual(articleNetwork().toJSON());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays: the epochs count up by themselves until pause', async () => {
    const { page, errors } = await openOffline();
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#steps')?.textContent) >= 20, { timeout: 60_000 });
    await page.click('#play'); // pause
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a CSV dropped on it and trains on it: the loss falls', async () => {
    const { page, errors } = await openOffline();
    await page.evaluate(dropInPage, ['parabola.csv', PARABOLA] as [string, string]);
    await page.waitForFunction(() => document.querySelector('#csv-message')?.textContent !== '');
    expect(await text(page, '#csv-message')).toBe(PARABOLA_READ);
    await page.click('#step-once');
    const first = await loss(page);
    for (let n = 0; n < 40; n++) await page.click('#step-once');
    expect(await loss(page)).toBeLessThan(first);
    expect(errors).toEqual([]);
    await page.close();
  });
});
