/**
 * The workspace boundary: a file system that reads and writes only inside one workspace folder. Every path is
 * checked twice before anything touches it: as written (inside the folder, no `..` out of it) and with its symbolic
 * links resolved (an `annotations` folder linked to `/tmp`, an article linked to `/etc/passwd`, or an
 * `annotationsFolder` setting of `../elsewhere` all resolve outside and are refused with a `FileRefusedError`).
 * Analyst files (everything under the annotations folder) are read only when they are regular files of at most
 * `maxAnalystFileBytes`; articles up to `maxArticleBytes`. The Node file system underneath refuses folders, devices
 * and FIFOs (node/nodeFileSystem.ts).
 *
 * One exception to resolving the links of every path, for speed (a realpath per article tripled the time to read a
 * corpus of 10,000): a file the folder's own listing found is read once without it. The listing enters only real
 * folders and takes only regular files below a folder that was checked, so what it found was inside, links resolved,
 * when it was listed; its first read opens it with `noFollow`, so a file replaced by a link since is not followed but
 * checked like any other path. A path a watcher reports (`distrust`) and every later read are checked in full.
 *
 * `CorpusFolder` does all its file work through one of these, so the workspace model (server and CLI alike) cannot
 * leave its folder, whatever the settings, the links on disk, or the analyst files say.
 */
import * as path from 'node:path';
import { FileRefusedError, type ReadOptions, type WorkspaceFileSystem } from './fileSystem';

export interface BoundaryLimits {
  /** The annotations folder: files under it are analyst files. */
  readonly annotationsDir: string;
  /** Largest analyst file (tag sidecar, registry, ignore list, taxonomy) read. */
  readonly maxAnalystFileBytes: number;
  /** Largest other file (an article) read. */
  readonly maxArticleBytes: number;
}

/** 10 MB: a sidecar with tens of thousands of tags; anything larger is not an analyst's file. */
export const MAX_ANALYST_FILE_BYTES = 10 * 1024 * 1024;

/** Whether `file` is `dir` or below it (both absolute and normalised). */
export function isWithin(dir: string, file: string): boolean {
  if (plainlyBelow(dir, file)) return true;
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * `file` relative to `dir`, with `/`, when it is below it (not `dir` itself); else undefined. The same as
 * `path.relative`, without its two `path.resolve`s for the paths of a listing (a few hundred milliseconds of reopening
 * 10,000 articles, which asks it several times an article).
 */
export function relativeBelow(dir: string, file: string): string | undefined {
  if (plainlyBelow(dir, file)) {
    const rel = file.slice(dir.length + 1);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  const rel = path.relative(dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Whether `file` is `dir`, a separator, then more, with both paths plain: absolute, and with nothing `path.resolve`
 * would change (no `.` or `..` segment, no empty one, no trailing separator, only the platform's separator). For
 * such paths that is exactly what being below means; any other pair is left to `path.relative`.
 */
function plainlyBelow(dir: string, file: string): boolean {
  return file.length > dir.length + 1 && file.charCodeAt(dir.length) === path.sep.charCodeAt(0) && file.startsWith(dir) && isPlain(file) && isPlain(dir);
}

const OTHER_SEPARATOR = path.sep === '/' ? undefined : '/';

function isPlain(p: string): boolean {
  const sep = path.sep;
  return (
    path.isAbsolute(p) && !p.endsWith(sep) && !p.includes(`${sep}.`) && !p.includes(`${sep}${sep}`) && (OTHER_SEPARATOR === undefined || !p.includes(OTHER_SEPARATOR))
  );
}

/** The most bytes an article of `maxChars` UTF-16 code units can take in UTF-8 (3 bytes per unit at most). */
export function maxBytesOfChars(maxChars: number): number {
  return Math.max(0, Math.ceil(maxChars)) * 3 + 4;
}

/** A file system confined to one folder (`confineToFolder`). */
export interface ConfinedFileSystem extends WorkspaceFileSystem {
  /**
   * Paths changed on disk since they were listed (a watcher's report): read from now on with their links resolved
   * and checked. A folder above listed files (it may be a link now) distrusts every one of them.
   */
  distrust(files: readonly string[]): void;
}

export function confineToFolder(fs: WorkspaceFileSystem, root: string, limits: BoundaryLimits): ConfinedFileSystem {
  const lexicalRoot = path.resolve(root);
  /** Files the listing found (as regular files in real folders inside the folder) and not yet read. */
  const listed = new Set<string>();
  /** The folders those files are in, and the folders above them up to the root. */
  const listedFolders = new Set<string>();
  let realRoot: Promise<string> | undefined;
  const rootReal = (): Promise<string> => (realRoot ??= fs.realPath(lexicalRoot).catch(() => lexicalRoot));

  /** Throws unless `file` is inside the folder, as written and once its links are resolved. */
  const check = async (file: string): Promise<void> => {
    const lexical = path.resolve(file);
    if (!isWithin(lexicalRoot, lexical)) throw new FileRefusedError(`${file} is outside the workspace folder ${lexicalRoot}; it is neither read nor written.`);
    const [real, base] = await Promise.all([fs.realPath(lexical), rootReal()]);
    if (!isWithin(base, real)) {
      throw new FileRefusedError(`${path.relative(lexicalRoot, lexical)} leads outside the workspace folder (to ${real}) through a symbolic link; it is neither read nor written.`);
    }
  };
  const isAnalystFile = (file: string): boolean => isWithin(path.resolve(limits.annotationsDir), path.resolve(file));

  return {
    async readText(file, options?: ReadOptions) {
      const cap = isAnalystFile(file) ? limits.maxAnalystFileBytes : limits.maxArticleBytes;
      const maxBytes = Math.min(cap, options?.maxBytes ?? Infinity);
      if (listed.delete(path.resolve(file))) {
        try {
          return await fs.readText(file, { maxBytes, noFollow: true });
        } catch (e) {
          // A link now, where the listing found a regular file: resolved and checked below, like any other path.
          if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw e;
        }
      }
      await check(file);
      return fs.readText(file, { maxBytes });
    },
    realPath: (file) => fs.realPath(file),
    async writeAtomic(file, text) {
      await check(file);
      return fs.writeAtomic(file, text);
    },
    async remove(file) {
      await check(file);
      return fs.remove(file);
    },
    async stamp(file) {
      await check(file);
      return fs.stamp(file);
    },
    async listFiles(dir, enter) {
      // A folder that leads outside lists nothing (the files under it are not the workspace's).
      try {
        await check(dir);
      } catch (e) {
        if (e instanceof FileRefusedError) return [];
        throw e;
      }
      const files = await fs.listFiles(dir, enter);
      for (const file of files) {
        const lexical = path.resolve(file);
        listed.add(lexical);
        for (let folder = path.dirname(lexical); !listedFolders.has(folder) && isWithin(lexicalRoot, folder); folder = path.dirname(folder)) {
          listedFolders.add(folder);
          if (folder === lexicalRoot) break;
        }
      }
      return files;
    },
    distrust(files) {
      for (const file of files) {
        const lexical = path.resolve(file);
        // A folder above listed files: it may be a link now, so none of them is read unchecked.
        if (!listed.delete(lexical) && listedFolders.has(lexical)) {
          listed.clear();
          listedFolders.clear();
          return;
        }
      }
    },
    async withLock(file, work) {
      await check(file);
      return fs.withLock(file, work);
    },
    async removeLeftovers(dir) {
      await check(dir);
      return fs.removeLeftovers(dir);
    },
  };
}

/**
 * Whether `file`, with its links resolved, is inside `root` (with its links resolved). A file whose links do not
 * resolve (a link to itself: ELOOP; a folder without permission) is not: it is treated as outside, never an error
 * (a sidecar naming such an article failed the opening of the whole folder).
 */
export async function leadsInside(fs: WorkspaceFileSystem, root: string, file: string): Promise<boolean> {
  if (!isWithin(path.resolve(root), path.resolve(file))) return false;
  const [real, base] = await Promise.all([fs.realPath(file).catch(() => undefined), fs.realPath(root).catch(() => path.resolve(root))]);
  return real !== undefined && isWithin(base, real);
}
