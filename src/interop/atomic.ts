/**
 * One file written atomically, in Node: a temporary file in the same folder,
 * flushed to disk (fsync), given the old file's mode, then renamed over the
 * target. A rename within one folder replaces the file in one step, so a
 * crash, a kill or a full disk mid-write leaves either the old file or the
 * new one, never half of one.
 *
 * - The temporary file is named `.<name>.<pid>.<random>.tmp`. It is removed
 *   when the write fails; one left by a process that was killed (its pid is no
 *   longer running) is removed by the next save into the same folder, so they
 *   do not pile up. No other file is ever removed.
 * - The old file's permission bits (a 0600 model stays 0600) and, when the
 *   process may set them, its owner are kept.
 * - Symlinks: when the target is a symlink, the file it points to is replaced
 *   and the link stays (as `write-file-atomic` does).
 *
 * Why not the `write-file-atomic` package: it names its temporary file
 * `<name>.<number>`, which cannot be told from a user's own `model.json.1`
 * nor tied to the process that wrote it, so a temporary file left by a killed
 * save could never be cleaned up safely; and it registers process-wide exit
 * handlers on every write. The steps are the same (temp file, fsync, chmod,
 * chown, rename), written out here in forty lines.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An error from the file system, with the path and the original error kept as `cause`. */
export function fileError(where: string, action: string, path: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${where}: cannot ${action} ${JSON.stringify(path)} (${reason})`, { cause: error });
}

/** Temporary files of this module: `.<name>.<pid>.<12 hex>.tmp`. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes `data` to `path` atomically (see the module comment), keeping the old file's mode, or
 * `modeFrom`'s when `path` is new. Errors name `where` and the path.
 * @example await writeAtomic('note.txt', 'hello', 'test') //=> undefined (note.txt written)
 */
export async function writeAtomic(
  path: string,
  data: string | Uint8Array,
  where: string,
  modeFrom?: string,
): Promise<void> {
  const target = await realpath(path).catch(() => path); // a symlink's target is replaced, the link stays
  const folder = dirname(target);
  await removeStaleTemps(folder);
  // The mode (and owner) to keep: the old file's, or that of `modeFrom` for a file that is new (a pair's second).
  const old =
    (await stat(target).catch(() => undefined)) ?? (modeFrom ? await stat(modeFrom).catch(() => undefined) : undefined);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
    await rename(temp, target);
  } catch (error) {
    await file?.close().catch(() => {});
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent (see stryker.config.mjs)
    await rm(temp, { force: true });
    throw fileError(where, 'write', path, error);
  }
  await syncFolder(folder);
}

/** Removes this module's temporary files in `folder` whose process is no longer running. */
async function removeStaleTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP.exec(name);
    if (match === null) continue;
    // Our own pid counts as running too, so a save never removes its own or a concurrent one's file.
    if (!running(Number(match[2]))) await rm(join(folder, name)).catch(() => {}); // already gone: nothing to do
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

/** fsyncs a folder so the rename itself survives a power cut (best effort: not every system allows it). */
// Stryker disable all: equivalent (see stryker.config.mjs)
async function syncFolder(folder: string): Promise<void> {
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
