// brain.js 1.6 (examples/compare/brain.ts), from the oracle package.
import { need } from './need.mjs';

need('brain.js');
export const { default: brain } = await import('brain.js');
