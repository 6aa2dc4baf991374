/**
 * Helpers for the playground's page tests: build the page with Vite, serve it
 * on 127.0.0.1, and open it in Debian's headless Chromium via playwright-core.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from '../oracles/playwright.mjs';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../examples/playground/', import.meta.url));

export interface OpenPlayground {
  browser: Browser;
  page: Page;
  server: PreviewServer;
  url: string;
  /** Console errors and uncaught exceptions the page reported. */
  errors: string[];
  close(): Promise<void>;
}

/** Builds the playground into a temporary folder, serves it, and opens it. */
export async function openPlayground(): Promise<OpenPlayground> {
  const outDir = mkdtempSync(join(tmpdir(), 'playground-'));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS, // playwright gives every launch a new, empty profile of its own
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('#diagram svg');
  return {
    browser,
    page,
    server,
    url,
    errors,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** The numbers of a matrix a stepper shows (the forward one unless `within` says), read from its cells' exact data-value. */
export async function shownMatrix(page: Page, name: string, within = '#stepper'): Promise<number[][]> {
  return page.$$eval(`${within} figure[data-name="${name}"] tr:not(.more-rows)`, (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td[data-value]'), (td) => Number(td.getAttribute('data-value')))),
  );
}

/** The page's window.playground helpers (main.ts), called with `call` inside the page. */
export function inPage<T>(page: Page, call: (helpers: any) => T): Promise<Awaited<T>> {
  return page.evaluate(`(${call.toString()})(window.playground)`) as Promise<Awaited<T>>;
}

/** Opens the page afresh at `url` + `suffix` (a query and/or a hash), and waits for the diagram. */
export async function reopen(page: Page, url: string, suffix = ''): Promise<void> {
  await page.goto('about:blank'); // a new hash alone would not reload the page
  await page.goto(`${url}${suffix}`);
  await page.waitForSelector('#diagram svg');
}

/** Types a value into a checked box and presses Enter. */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

/**
 * The playground of one test file: built, served and opened before its tests (beforeAll), closed
 * after them (afterAll). Its fields are read when a test runs, once the page exists.
 */
export function usePlayground() {
  let opened: OpenPlayground | undefined;
  beforeAll(async () => {
    opened = await openPlayground();
  });
  afterAll(async () => {
    await opened?.close();
  });
  const current = (): OpenPlayground => {
    if (!opened) throw new Error('the playground opens in beforeAll: use it inside a test');
    return opened;
  };
  return {
    get browser() {
      return current().browser;
    },
    get page() {
      return current().page;
    },
    get url() {
      return current().url;
    },
    get errors() {
      return current().errors;
    },
    /** Opens the page afresh at its address + `suffix` (a query and/or a hash). */
    fresh: (suffix = '') => reopen(current().page, current().url, suffix),
    /** What the page's window.playground helpers say: its settings, its network's JSON, its training data. */
    settings: () => inPage(current().page, (p) => p.settings()),
    network: () => inPage(current().page, (p) => p.network()),
    trainingData: () => inPage(current().page, (p) => p.trainingData()),
  };
}
