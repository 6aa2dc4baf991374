/**
 * A file from a stranger, read with a budget (Node): every reader of
 * feedforward/node (loadNetwork, loadTfjsModel, readCsv) opens its files here.
 *
 * - The file is opened without blocking (O_NONBLOCK: opening a FIFO that has
 *   no writer would otherwise wait forever), then `fstat` on the opened
 *   descriptor (not on the path, which could change in between) must say it is
 *   a regular file: a FIFO, a device such as /dev/zero, a socket or a folder is
 *   refused before one byte is read.
 * - Its size must be at most MAX_FILE_BYTES, and no more than that size is
 *   read, even if the file grows meanwhile.
 * - With `noFollow`, a symlink is refused (O_NOFOLLOW; Windows has no such
 *   flag, and there symlinks are followed).
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { ValueError } from '../core/errors.js';
import { fileError } from './atomic.js';

/**
 * The largest file a reader of feedforward/node reads: 2²⁷ bytes (128 MiB), exactly the weights
 * file of the largest network (MAX_PARAMETERS float32 numbers). A bigger file is refused before
 * anything is read; reading one takes memory a small multiple of its size (the text, then what it holds).
 */
export const MAX_FILE_BYTES = 2 ** 27;

/** How `readFileWithin` reads: `noFollow` refuses a symlink (its text says why); `what` names the file. */
export interface ReadFileOptions {
  /** Refuse a symlink (O_NOFOLLOW); the text ends the message, saying why. */
  noFollow?: string;
  /** What the file is, in messages. Default 'file'. */
  what?: string;
  /**
   * The largest size read, and why, for a format whose files are larger by nature (ONNX's float64
   * weights). Default MAX_FILE_BYTES.
   */
  limit?: { bytes: number; why: string };
}

/** The budget of every reader that names none of its own. */
const FILE_LIMIT = Object.freeze({ bytes: MAX_FILE_BYTES, why: 'MAX_FILE_BYTES, 128 MiB' });

/** What fstat says a file is, when it is not a regular file. */
function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  return 'a device'; // a block device (a socket cannot be opened at all)
}

/**
 * Opens `path` for reading and checks, on the opened descriptor, that it is a regular file of at most
 * MAX_FILE_BYTES bytes (or `options.limit`). Resolves to the open file and its size; the caller closes it.
 * @example process.getBuiltinModule('node:fs').writeFileSync('note.txt', 'hello');
 * const { file, size } = await openRegularFile('note.txt', 'test');
 * await file.close();
 * size //=> 5
 */
export async function openRegularFile(
  path: string,
  where: string,
  options: ReadFileOptions = {},
): Promise<{ file: FileHandle; size: number }> {
  const { noFollow, what = 'file', limit = FILE_LIMIT } = options;
  const flags =
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (noFollow === undefined ? 0 : (constants.O_NOFOLLOW ?? 0));
  let file: FileHandle;
  try {
    file = await open(path, flags);
  } catch (error) {
    if (noFollow !== undefined && (error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new ValueError(
        `${where}: ${what} ${JSON.stringify(path)} is a symlink, which is not followed (${noFollow})`,
        { cause: error },
      );
    }
    throw fileError(where, 'read', path, error);
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) {
      throw new ValueError(
        `${where}: ${what} ${JSON.stringify(path)} is ${kindOf(stats)}, not a regular file (only regular files are read: a device or a pipe may never end, or never answer)`,
      );
    }
    if (stats.size > limit.bytes) {
      throw new ValueError(
        `${where}: ${what} ${JSON.stringify(path)} has ${stats.size} bytes but a file may have at most ${limit.bytes} (${limit.why})`,
      );
    }
    return { file, size: stats.size };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/**
 * At most `size` bytes from the start of an open file: fewer if it has shrunk, never more if it has grown.
 * @example process.getBuiltinModule('node:fs').writeFileSync('note.txt', 'hello');
 * const { file } = await openRegularFile('note.txt', 'test');
 * (await readAtMost(file, 2)).toString() //=> 'he'
 * await file.close();
 */
export async function readAtMost(file: FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break; // the file is shorter than fstat said: it shrank meanwhile
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/**
 * A regular file's bytes, within the budget (see the module comment): the one way feedforward/node reads a file.
 * @example process.getBuiltinModule('node:fs').writeFileSync('note.txt', 'hello');
 * (await readFileWithin('note.txt', 'test')).toString() //=> 'hello'
 * @example readFileWithin('/dev/zero', 'test') // throws: test: file "/dev/zero" is a character device, not a regular file …
 */
export async function readFileWithin(path: string, where: string, options: ReadFileOptions = {}): Promise<Buffer> {
  const { file, size } = await openRegularFile(path, where, options);
  try {
    return await readAtMost(file, size);
  } finally {
    await file.close();
  }
}
