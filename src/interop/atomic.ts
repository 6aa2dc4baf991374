/**
 * One file written atomically, in Node: a temporary file in the same folder,
 * flushed to disk (fsync), given the old file's mode, then renamed over the
 * target. A rename within one folder replaces the file in one step, so a
 * crash, a kill or a full disk mid-write leaves either the old file or the
 * new one, never half of one.
 *
 * - The temporary file is named `.feedforward.<target>.<host>.<pid>.<16 hex>.tmp`:
 *   a fixed prefix and the target's name (so it is this library's, for this
 *   target), the host it was made on and the process that made it. It is
 *   removed when the write fails. One left by a killed save is removed by the
 *   next save of the same target, and only when its host is this one (a
 *   container and its host sharing a folder each see only their own processes)
 *   and its pid no longer runs here. No other file is ever removed: a user's
 *   `.draft.md.31337.0123456789ab.tmp` carries no marker, so it stays.
 * - The old file's permission bits (a 0600 model stays 0600) and, when the
 *   process may set them, its owner are kept.
 * - Symlinks: a target that is a symlink is refused, neither followed nor
 *   replaced (the readers do not follow one either, O_NOFOLLOW): saving through
 *   a link could overwrite a file anywhere, and replacing the link would
 *   silently cut it. The rename itself never writes through a link.
 *
 * Why not the `write-file-atomic` package: it names its temporary file
 * `<name>.<number>`, which cannot be told from a user's own `model.json.1`
 * nor tied to the process that wrote it, so a temporary file left by a killed
 * save could never be cleaned up safely; and it registers process-wide exit
 * handlers on every write. The steps are the same (temp file, fsync, chmod,
 * chown, rename), written out here.
 */
import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { chmod, chown, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ValueError } from '../core/errors.js';

/** An error from the file system, with the path and the original error kept as `cause`. */
export function fileError(where: string, action: string, path: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${where}: cannot ${action} ${JSON.stringify(path)} (${reason})`, { cause: error });
}

/** What starts every temporary file of this library, before the target's name. */
const TEMP_PREFIX = '.feedforward.';

/**
 * This machine as temporary names record it: its host name (letters, digits, "-" and ".", at most 64)
 * and, on Linux, its PID namespace, since a pid means a process only within one namespace.
 * @example thisHost().length > 0 //=> true
 */
export function thisHost(): string {
  const name =
    hostname()
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 64) || 'host';
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid').replace(/\D/g, ''); // "pid:[4026531836]"
  } catch {
    // not Linux: the host name alone
  }
  return namespace === '' ? name : `${name}-pidns${namespace}`;
}

const HOST = thisHost();

/**
 * The name of a temporary file for `target` (a file name, no folder), made by process `pid` on this host.
 * @example tempName('model.json', 42, '0123456789abcdef').endsWith('.42.0123456789abcdef.tmp') //=> true
 */
export function tempName(target: string, pid: number, hex: string): string {
  return `${TEMP_PREFIX}${target}.${HOST}.${pid}.${hex}.tmp`;
}

/** What writeAtomic and writeTemp take besides the path and the data. */
export interface AtomicOptions {
  /** The file whose mode (and owner) a new file gets, when the target does not exist yet. */
  modeFrom?: string;
  /** The target name its temporary files are marked with (default: the target's own name). */
  marker?: string;
  /** Remove the stale temporary files of `marker` first (default true). */
  clean?: boolean;
}

/**
 * Refuses a target that is a symlink (see the module comment); resolves to its lstat, or undefined when it does not exist.
 * @example await refuseSymlink('no-such-file.json', 'test') //=> undefined
 */
export async function refuseSymlink(path: string, where: string): Promise<import('node:fs').Stats | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSymbolicLink()) {
    throw new ValueError(
      `${where}: ${JSON.stringify(path)} is a symlink, which a save neither follows nor replaces (it could point anywhere): save to the file itself, or remove the link first`,
    );
  }
  return stats;
}

/**
 * Writes `data` into a new temporary file beside `path`, marked for `marker` (a target's name), flushed
 * to disk and given `old`'s mode (and owner) when given; resolves to its path. The caller renames or removes it.
 * @example const temp = await writeTemp('note.txt', 'hello', 'test', 'note.txt', '0123456789abcdef');
 * temp.endsWith('0123456789abcdef.tmp') //=> true
 */
export async function writeTemp(
  path: string,
  data: string | Uint8Array,
  where: string,
  marker: string,
  hex = randomBytes(8).toString('hex'),
  old?: import('node:fs').Stats,
): Promise<string> {
  const temp = join(dirname(path), tempName(marker, process.pid, hex));
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(temp, 'wx', old ? old.mode & 0o777 : 0o666); // 'wx': never reuse a file that happens to exist
  } catch (error) {
    throw fileError(where, 'write a temporary file next to', path, error);
  }
  try {
    await file.writeFile(data);
    await file.sync(); // the bytes are on disk before the rename makes them the file
    await file.close();
    file = undefined;
    if (old) {
      await chmod(temp, old.mode & 0o7777); // exactly the old mode, whatever the umask
      await chown(temp, old.uid, old.gid).catch(() => {}); // only root may give a file away: best effort
    }
  } catch (error) {
    await file?.close().catch(() => {}); // Stryker disable-line OptionalChaining: equivalent (see stryker.config.mjs)
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent (see stryker.config.mjs)
    await rm(temp, { force: true });
    throw fileError(where, 'write', path, error);
  }
  return temp;
}

/**
 * Runs the reader of a saver's format over what the saver is about to write, so that a file that
 * would not load is never written: the reader's error comes back saying so, before the disk is touched.
 * @example await checkLoadsBack('saveNetwork', 'network', () => JSON.parse('{')) // throws: saveNetwork: the network would not load back, so nothing was written (…)
 */
export async function checkLoadsBack(where: string, what: 'network' | 'model', read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    (error as Error).message =
      `${where}: the ${what} would not load back, so nothing was written (${(error as Error).message})`;
    throw error;
  }
}

/**
 * Writes `data` to `path` atomically (see the module comment), keeping the old file's mode, or
 * `modeFrom`'s when `path` is new. A symlink at `path` is refused. Errors name `where` and the path.
 * @example await writeAtomic('note.txt', 'hello', 'test') //=> undefined (note.txt written)
 */
export async function writeAtomic(
  path: string,
  data: string | Uint8Array,
  where: string,
  options: AtomicOptions = {},
): Promise<void> {
  const folder = dirname(path);
  const marker = options.marker ?? basename(path);
  // The mode (and owner) to keep: the old file's, or that of `modeFrom` for a file that is new (a pair's second).
  const old =
    (await refuseSymlink(path, where)) ??
    (options.modeFrom ? await lstat(options.modeFrom).catch(() => undefined) : undefined);
  if (options.clean !== false) await removeStaleTemps(folder, marker);
  const temp = await writeTemp(path, data, where, marker, undefined, old);
  try {
    await rename(temp, path);
  } catch (error) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent (see stryker.config.mjs)
    await rm(temp, { force: true });
    throw fileError(where, 'write', path, error);
  }
  await syncFolder(folder);
}

/**
 * Removes the temporary files of `marker` in `folder` that a killed save left: made on this host by a
 * process that no longer runs. `before(path, hex)` runs first for each (the TensorFlow.js saver removes
 * the weights such a save had put in place); a file it says to keep (false) stays.
 * @example await removeStaleTemps('.', 'model.json') //=> undefined
 */
export async function removeStaleTemps(
  folder: string,
  marker: string,
  before?: (path: string, hex: string) => Promise<boolean>,
): Promise<void> {
  const prefix = `${TEMP_PREFIX}${marker}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(.+)\.(\d+)\.([0-9a-f]{16})\.tmp$/.exec(name.slice(prefix.length));
    // Another host's pid says nothing about this one; our own pid counts as running, so a save never removes its own.
    if (match === null || match[1] !== HOST || running(Number(match[2]))) continue;
    const path = join(folder, name);
    if (before && !(await before(path, match[3]))) continue;
    await rm(path).catch(() => {}); // already gone: nothing to do
  }
}

/** Whether a process with this id runs (signal 0 checks without sending anything; EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * fsyncs a folder so the rename itself survives a power cut (best effort: not every system allows it).
 * @example await syncFolder('.') //=> undefined
 */
// Stryker disable all: equivalent (see stryker.config.mjs)
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}
// Stryker restore all
