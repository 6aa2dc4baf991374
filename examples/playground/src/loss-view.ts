/**
 * The loss curves: the training loss and the loss on the held-out points, one
 * value per epoch, on a log scale with axes (epochs across, powers of ten up).
 */
import { drawAxes, path, scaleLinear } from './axes.js';

const LOSS_WIDTH = 560;
const LOSS_HEIGHT = 170;
const MAX_POINTS = 400;

/** The training loss (and the test loss) per epoch on a log scale, with axes. */
export function lossCurve(train: number[], test: number[]): string {
  const open = `<svg id="loss-curve" viewBox="0 0 ${LOSS_WIDTH} ${LOSS_HEIGHT}" role="img" aria-label="loss per epoch, log scale">`;
  if (train.length < 2) return `${open}<text x="60" y="80" class="muted">the loss per epoch appears here while training</text></svg>`;
  // A loop, not Math.min(...logs): after a long run there are more epochs than a call may take arguments.
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  for (const l of [train, test].flat()) {
    const log = Math.log10(Math.max(l, 1e-12));
    least = Math.min(least, log);
    most = Math.max(most, log);
  }
  const lo = Math.floor(least);
  const hi = Math.max(Math.ceil(most), lo + 1);
  const frame = { left: 52, right: LOSS_WIDTH - 10, top: 10, bottom: LOSS_HEIGHT - 36 };
  const sx = scaleLinear([1, train.length], [frame.left, frame.right]);
  const sy = scaleLinear([lo, hi], [frame.bottom, frame.top]);
  // At most about MAX_POINTS points per line: every k-th epoch, and the last (a path of 10⁴ points slows every frame).
  const every = Math.ceil(train.length / MAX_POINTS);
  const line = (losses: number[], cls: string) => {
    const points: [number, number][] = [];
    for (let n = 0; n < losses.length; n++) {
      if (n % every === 0 || n === losses.length - 1) points.push([sx(n + 1), sy(Math.log10(Math.max(losses[n], 1e-12)))]);
    }
    return `<path class="${cls}" d="${path(points)}" />`;
  };
  const powers = Array.from({ length: hi - lo + 1 }, (_, n) => lo + n);
  const axes = drawAxes(
    frame,
    sx,
    sy,
    { domain: [1, train.length], title: 'epoch' },
    { domain: [lo, hi], title: 'loss', ticks: powers, text: (p) => (p >= -2 && p <= 2 ? String(10 ** p) : `1e${p}`) },
  );
  return `${open}${axes}${line(train, 'loss train')}${test.length > 1 ? line(test, 'loss test') : ''}</svg>`;
}
