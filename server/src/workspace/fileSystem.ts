/**
 * The file operations the workspace model needs, as a small interface: the Node implementation is in
 * `node/nodeFileSystem.ts`; tests pass an instrumented or in-memory one.
 */

/** What identifies one version of a file on disk without reading it: enough to recognise our own writes. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ReadOptions {
  /** Refuse (with a `FileRefusedError`) a file larger than this many bytes, without reading it. */
  readonly maxBytes?: number;
  /**
   * Do not open the file if its own name is a symbolic link (the folders above it are not looked at): an error with
   * code `ELOOP` is thrown instead. For files a listing found to be regular files a moment ago (boundary.ts).
   */
  readonly noFollow?: boolean;
}

/** A file that is not read or written: not a regular file, too large, or outside the workspace folder. */
export class FileRefusedError extends Error {}

export interface WorkspaceFileSystem {
  /**
   * The file's UTF-8 text; undefined when it does not exist. Only regular files are read: a folder, a device
   * (`/dev/zero`), a FIFO or a socket is refused with a `FileRefusedError` (never waited on), as is a file larger than
   * `options.maxBytes`. Other errors are thrown.
   */
  readText(file: string, options?: ReadOptions): Promise<string | undefined>;
  /**
   * The path with every symbolic link resolved. For a path that does not exist (yet), the nearest existing folder
   * above it is resolved and the rest appended, so where a new file would really be written is known before writing.
   */
  realPath(file: string): Promise<string>;
  /** Replaces the file so that readers see the old or the new text, never a mix; returns the new file's stamp. */
  writeAtomic(file: string, text: string): Promise<FileStamp>;
  /** Removes a file; no error when it is already gone. */
  remove(file: string): Promise<void>;
  /** The file's stamp, or undefined when it does not exist. */
  stamp(file: string): Promise<FileStamp | undefined>;
  /**
   * Every file under `dir` (absolute paths, any order), descending into folders for which `enter(folderPath)` is true.
   * A missing `dir` gives an empty list. No symbolic link is ever followed: only real folders are entered and only
   * regular files listed, so every file listed is, as the listing saw it, really under `dir` (boundary.ts relies on it).
   */
  listFiles(dir: string, enter: (folder: string) => boolean): Promise<string[]>;
  /**
   * Runs `work` while holding a lock on `file` that other processes (a second editor window, the CLI, a script) honour
   * too, so their read-modify-writes of one file never interleave. A lock left by a crashed process is taken over.
   */
  withLock<T>(file: string, work: () => Promise<T>): Promise<T>;
  /** Removes temporary files that writers which no longer run left in `dir` (not in its subfolders' hidden folders). */
  removeLeftovers(dir: string): Promise<number>;
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
