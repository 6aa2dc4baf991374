// Types for test/oracles/playwright.mjs, so the TypeScript tests can import it.
export type { Browser, BrowserContext, Page } from 'playwright-core';
export declare const chromium: typeof import('playwright-core').chromium;
