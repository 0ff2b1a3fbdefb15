/**
 * Reading one text file as `WorkspaceFileSystem.readText` promises (regular files only, never waiting on a FIFO, a
 * size cap, `noFollow`), in its two forms: with a file handle's promises (`readTextFile`), and synchronously
 * (`readTextFileSync`) for a thread that does nothing else (readerWorker.ts). Both open the file without blocking,
 * check what it is on the open descriptor, then read one byte more than its size: a read that ends short is the end of
 * a regular file, and a file that grew since is read on, in a larger buffer, up to the cap.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { FileRefusedError, type ReadOptions } from '../workspace/fileSystem';

/** Largest file read when the caller sets no limit (a string in V8 holds at most about 512 MB). */
const DEFAULT_MAX_READ = 256 * 1024 * 1024;

const openFlags = (options?: ReadOptions) => constants.O_RDONLY | constants.O_NONBLOCK | (options?.noFollow ? constants.O_NOFOLLOW : 0);

/** Why `file` is not read, from its stat, or undefined when it is a regular file within `max` bytes. */
function refusal(file: string, s: Stats, max: number): FileRefusedError | undefined {
  const name = path.basename(file);
  if (!s.isFile()) {
    const what = s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a FIFO' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'a special file';
    return new FileRefusedError(`${name} is not a regular file (${what}); it is not read.`);
  }
  return s.size > max ? tooLarge(file, s.size, max) : undefined;
}

const tooLarge = (file: string, size: number, max: number) =>
  new FileRefusedError(`${path.basename(file)} is ${size} bytes, more than the ${max} read at most; it is not read.`);

/** A buffer of twice the length (at most `max` + 1 bytes) holding the first `length` bytes of `buffer`. */
function larger(buffer: Buffer, length: number, max: number): Buffer {
  const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, max + 1));
  buffer.copy(grown, 0, 0, length);
  return grown;
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

export async function readTextFile(file: string, options?: ReadOptions): Promise<string | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, openFlags(options));
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  try {
    const max = options?.maxBytes ?? DEFAULT_MAX_READ;
    const s = await handle.stat();
    const refused = refusal(file, s, max);
    if (refused) throw refused;
    let buffer: Buffer = Buffer.allocUnsafe(s.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      length += bytesRead;
      if (length < buffer.length) break;
      if (length > max) throw tooLarge(file, length, max);
      buffer = larger(buffer, length, max);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

export function readTextFileSync(file: string, options?: ReadOptions): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, openFlags(options));
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  try {
    const max = options?.maxBytes ?? DEFAULT_MAX_READ;
    const s = fstatSync(fd);
    const refused = refusal(file, s, max);
    if (refused) throw refused;
    let buffer: Buffer = Buffer.allocUnsafe(s.size + 1);
    let length = 0;
    for (;;) {
      length += readSync(fd, buffer, length, buffer.length - length, length);
      if (length < buffer.length) break;
      if (length > max) throw tooLarge(file, length, max);
      buffer = larger(buffer, length, max);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
