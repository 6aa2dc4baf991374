/**
 * The progress bar `fit({ progress: true })` draws on stderr: epoch, loss and
 * time left, by the cli-progress package. Node only, and loaded only when asked
 * for, so importing the library (or running it in a browser) never loads it.
 */
import { ValueError } from '../core/errors.js';
import { nodeRequire } from '../core/mathjs-loader.js';

/** What fit tells the bar after each epoch. */
export interface Progress {
  update(epoch: number, loss: number, validationLoss?: number): void;
  stop(): void;
}

type CliProgress = typeof import('cli-progress');

/** cli-progress, required at the moment a bar is wanted. */
function loadCliProgress(where: string): CliProgress {
  const require = nodeRequire();
  if (require === undefined) {
    throw new ValueError(
      `${where}: progress is true but a progress bar needs Node.js 20.16 or newer (set progress: false, or use onEpoch)`,
    );
  }
  return require('cli-progress') as CliProgress;
}

/**
 * A bar for `epochs` epochs, starting at `initialEpoch`, drawn on stderr.
 * @example const bar = createProgress(10, 0, 'fit'); bar.update(1, 0.5); bar.stop();
 */
export function createProgress(epochs: number, initialEpoch: number, where: string): Progress {
  const { SingleBar, Presets } = loadCliProgress(where);
  const bar = new SingleBar(
    {
      format: 'epoch {value}/{total} [{bar}] loss {loss}{validation} | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
    },
    Presets.shades_classic,
  );
  bar.start(epochs, initialEpoch, { loss: '…', validation: '' });
  return {
    update(epoch, loss, validationLoss) {
      const validation = validationLoss === undefined ? '' : ` | validation ${validationLoss.toPrecision(4)}`;
      bar.update(epoch, { loss: loss.toPrecision(4), validation });
    },
    stop: () => bar.stop(),
  };
}
