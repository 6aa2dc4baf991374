/**
 * For the memory tests: reads one file with a reader of feedforward/node and
 * prints what it gives (its sizes) or the error's message, nothing else.
 * Run with a heap limit (test/helpers/child.ts): a reader that blows the heap
 * dies instead of printing. Usage: load-file.ts network|tfjs <path>.
 */
import { loadNetwork, loadTfjsModel } from '../../src/node.js';

const [kind, path] = process.argv.slice(2);
try {
  const net = kind === 'tfjs' ? await loadTfjsModel(path) : await loadNetwork(path);
  process.stdout.write(`loaded ${JSON.stringify(net.sizes)}\n`);
} catch (error) {
  process.stdout.write(`${(error as Error).message}\n`);
}
