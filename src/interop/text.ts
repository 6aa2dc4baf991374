/**
 * A text file's bytes as text (Node): UTF-8 checked rather than patched, Latin-1,
 * or UTF-16, and a byte-order mark, when there is one, deciding which.
 *
 * Node's own decoding replaces every byte that is not UTF-8 by U+FFFD (�), so
 * a Windows-1252 file's "café" and "cafè" would both read "caf�", one class
 * where the file has two. Here such a file is refused, naming its first bad
 * line (`buffer.isUtf8` checks, line by line only once the whole file failed).
 */
import { isUtf8 } from 'node:buffer';
import { ValueError, describeValue } from '../core/errors.js';

/** The encodings a text file may be read in. */
export type TextEncoding = 'utf8' | 'latin1' | 'utf16le';

/** Every encoding `decodeText` takes, as messages list them. */
const ENCODINGS: readonly TextEncoding[] = ['utf8', 'latin1', 'utf16le'];

/**
 * Checks an encoding option.
 * @example checkEncoding('latin1', 'readCsv') //=> 'latin1'
 */
export function checkEncoding(encoding: unknown, where: string): TextEncoding {
  if (!ENCODINGS.includes(encoding as TextEncoding)) {
    throw new ValueError(
      `${where}: encoding is ${describeValue(encoding)} but it must be ${ENCODINGS.slice(0, -1)
        .map((e) => `'${e}'`)
        .join(', ')} or '${ENCODINGS[ENCODINGS.length - 1]}'`,
    );
  }
  return encoding as TextEncoding;
}

/**
 * The text of a file's bytes, without its byte-order mark. A mark decides the encoding (EF BB BF:
 * UTF-8, FF FE: UTF-16 little-endian, FE FF: UTF-16 big-endian); without one, `encoding` does.
 * UTF-8 that is not valid, or holds a NUL byte (UTF-16 read as UTF-8), is refused naming the line.
 * @example decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'latin1', '"a.csv"', 'readCsv') //=> 'a'
 */
export function decodeText(data: Buffer, encoding: TextEncoding, file: string, where: string): string {
  const [b0, b1, b2] = data;
  if (b0 === 0xff && b1 === 0xfe) return utf16(data.subarray(2), data.length, file, where, 'mark');
  if (b0 === 0xfe && b1 === 0xff) return utf16(data.subarray(2), data.length, file, where, 'mark', 'big-endian');
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8(data.subarray(3), file, where);
  if (encoding === 'latin1') return data.toString('latin1'); // every byte is a character: nothing can be wrong
  if (encoding === 'utf16le') return utf16(data, data.length, file, where, 'option');
  return utf8(data, file, where);
}

/** UTF-8 checked: invalid bytes, or a NUL byte, are refused naming the line (counting from 1). */
function utf8(data: Buffer, file: string, where: string): string {
  if (!isUtf8(data)) {
    throw new ValueError(
      `${where}: ${file} line ${firstInvalidLine(data)} is not valid UTF-8 (a file saved as Latin-1 or Windows-1252, as older Excel does? read it with encoding: 'latin1')`,
    );
  }
  const nul = data.indexOf(0);
  if (nul >= 0) {
    throw new ValueError(
      `${where}: ${file} line ${lineAt(data, nul)} holds a NUL byte, which text in UTF-8 never does (UTF-16 without a byte-order mark? read it with encoding: 'utf16le')`,
    );
  }
  return data.toString('utf8');
}

/** UTF-16: two bytes per code unit, little-endian (big-endian ones swapped first, in a copy). */
function utf16(
  data: Buffer,
  size: number,
  file: string,
  where: string,
  why: 'mark' | 'option',
  order: 'little-endian' | 'big-endian' = 'little-endian',
): string {
  if (data.length % 2 !== 0) {
    const read = why === 'mark' ? 'starts with a UTF-16 byte-order mark' : "is read as UTF-16 (encoding: 'utf16le')";
    throw new ValueError(
      `${where}: ${file} ${read} but has an odd number of bytes (${size}), and UTF-16 takes two per character`,
    );
  }
  return (order === 'big-endian' ? Buffer.from(data).swap16() : data).toString('utf16le');
}

/** The first line (counting from 1) that is not valid UTF-8. A line break (0x0A) is never part of a longer character. */
function firstInvalidLine(data: Buffer): number {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = data.indexOf(0x0a, start);
    if (end < 0 || !isUtf8(data.subarray(start, end))) return line;
    start = end + 1;
    line++;
  }
}

/** The line (counting from 1) holding byte `offset`. */
function lineAt(data: Buffer, offset: number): number {
  let line = 1;
  for (let n = data.indexOf(0x0a); n >= 0 && n < offset; n = data.indexOf(0x0a, n + 1)) line++;
  return line;
}
