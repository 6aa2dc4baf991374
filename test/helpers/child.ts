/**
 * Runs a script in a child Node with a time limit and a heap limit, for
 * anything that could hang or exhaust memory: the suite always finishes, and
 * a hang or a heap blow-up is a failed test, never a stuck run.
 *
 *   const run = inChild('test/children/formula-fuzz.ts', { timeoutMs: 60_000, heapMb: 256 });
 *   expect(run.timedOut).toBe(false);
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed for passing timeoutMs. */
  timedOut: boolean;
  /** Died of a heap limit (V8's "heap out of memory"). */
  outOfMemory: boolean;
}

/** Runs `script` (a path from the repository root, TypeScript through tsx) with `args`; never throws. */
export function inChild(script: string, options: { timeoutMs: number; heapMb: number; args?: string[]; input?: string }): ChildRun {
  const root = join(__dirname, '..', '..');
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${options.heapMb}`, '--import', 'tsx', join(root, script), ...(options.args ?? [])],
    { cwd: root, encoding: 'utf8', timeout: options.timeoutMs, killSignal: 'SIGKILL', input: options.input, maxBuffer: 64 * 1024 * 1024 },
  );
  const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    timedOut,
    outOfMemory: /heap out of memory|Allocation failed/i.test(run.stderr ?? ''),
  };
}
