/**
 * How the time of a call grows with its input, without a flaky wall-clock limit: the same call on
 * an input of size 1× and of size 10×, in one process, each timed several times by this process's
 * CPU time (other processes on a shared machine do not add to it) and the best time of each kept
 * (waiting only ever adds time). Linear work gives a ratio near 10, quadratic work near 100;
 * issue 19 allows at most 30.
 */

/** This process's CPU time in milliseconds (user + system). */
function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage(); // microseconds
  return (user + system) / 1000;
}

/** The best CPU time of `tries` calls of `run`, after one call to warm it up. */
async function bestTime(run: () => unknown, tries: number): Promise<number> {
  await run();
  let best = Infinity;
  for (let k = 0; k < tries; k++) {
    const start = cpuMilliseconds();
    await run();
    best = Math.min(best, cpuMilliseconds() - start);
  }
  return best;
}

/**
 * best time of make(10)'s call ÷ best time of make(1)'s call. `make(scale)` builds the input (not
 * timed) and returns the call to time.
 * @example await growth((scale) => () => new Array(1000 * scale).fill(0).map((x) => x + 1)) // about 10
 */
export async function growth(make: (scale: 1 | 10) => () => unknown, tries = 5): Promise<number> {
  const small = await bestTime(make(1), tries);
  const large = await bestTime(make(10), tries);
  return large / Math.max(small, 0.01); // the clock counts microseconds: a 1× run of 0 ms would divide by 0
}
