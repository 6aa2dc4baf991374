// puppeteer-core, from the oracle package, for the one test that opens a page in Firefox (test/site/firefox.e2e.ts):
// it drives Debian's Firefox ESR through WebDriver BiDi, which playwright-core cannot (it needs its own patched Firefox).
import { need } from './need.mjs';

need('puppeteer-core');
export const { default: puppeteer } = await import('puppeteer-core');
