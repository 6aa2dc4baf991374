// playwright-core (it drives Debian's headless Chromium: scripts/chromium.mjs says how), from the oracle package,
// for the browser, playground and site tests and for scripts/render-svg.mjs.
import { need } from './need.mjs';

need('playwright-core');
export const { chromium } = await import('playwright-core');
