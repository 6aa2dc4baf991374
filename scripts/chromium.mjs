/**
 * How every page in this project is opened: Debian's Chromium, headless, driven by
 * playwright-core (README pictures, the browser test, the playground's page tests).
 * CHROMIUM_PATH overrides /usr/bin/chromium.
 */

/** The Chromium binary to launch. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and no background connections: CI's network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
