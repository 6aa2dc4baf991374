/**
 * Helpers for the site's page tests: build the site (npm run site's script), serve site/ on 127.0.0.1
 * as a static server would (vite preview), and open pages in Debian's headless Chromium.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from '../oracles/playwright.mjs';
import { type PreviewServer, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export const SITE = fileURLToPath(new URL('../../site/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run site` (scripts/build-site.mjs): the site as a fresh clone builds it. */
export function buildSite(): void {
  execFileSync(process.execPath, ['scripts/build-site.mjs'], { cwd: root, stdio: 'inherit' });
}

/** vitest's globalSetup (vitest.site.config.ts): the site is built once, before the Chromium and the Firefox tests. */
export default buildSite;

/** y = x² − 1 at 21 points from −2 to 2, as a CSV with a header row, and what the playground says when it reads it. */
export const PARABOLA = `x,y\n${Array.from({ length: 21 }, (_, k) => -2 + k / 5).map((x) => `${x},${x * x - 1}`).join('\n')}\n`;
export const PARABOLA_READ = 'Read 21 rows of parabola.csv: x → y. Press play to train on them.';

/** Runs in the page (page.evaluate, in either driver): drops a CSV file on it, as a teacher drags one from the desktop. */
export function dropInPage([name, text]: [string, string]): void {
  const data = new DataTransfer();
  data.items.add(new File([text], name, { type: 'text/csv' }));
  document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

/** A static server of site/ at a random port: its base address (ending in /) and how to stop it. */
export async function serveSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: SITE,
    logLevel: 'warn',
    build: { outDir: SITE },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { url, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A new page at the given size that records every console error and uncaught exception in `errors`. */
export async function newPage(browser: Browser, width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
  return { page, errors };
}
