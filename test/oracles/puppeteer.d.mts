// Types for test/oracles/puppeteer.mjs, so the TypeScript tests can import it.
export type { Browser, Page } from 'puppeteer-core';
export declare const puppeteer: typeof import('puppeteer-core').default;
