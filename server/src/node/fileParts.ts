/** Reading parts of a file (the analysis cache's files: a header, then parts at offsets it gives) into buffers of their own. */
import { promises as fs, readSync } from 'node:fs';

/**
 * Reads `length` bytes at `position` into a buffer of their own, not a slice of a pooled one (what is made from it may
 * keep views of it: nothing else is kept alive with it). Throws if the file is shorter.
 */
export async function readPart(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length; ) {
    const { bytesRead } = await handle.read(out, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('truncated');
    done += bytesRead;
  }
  return out;
}

/** `readPart` on a file descriptor, at once. */
export function readPartSync(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, out, done, length - done, position + done);
    if (read === 0) throw new Error('truncated');
    done += read;
  }
  return out;
}
