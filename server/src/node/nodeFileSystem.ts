/** The workspace model's file operations on the real disk. */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { lock } from 'proper-lockfile';
import type { FileStamp, ReadOptions, WorkspaceFileSystem } from '../workspace/fileSystem';
import { readTextFile } from './textFileReading';
import { claimLock, disclaimLock, isRunning, takeOverFromTheDead } from './lockOwner';

/** Symbolic links followed by hand in `realPath` (for links whose target does not exist) before giving up. */
const MAX_LINKS = 40;

const TMP_SUFFIX = '.tmp';
/** `.entities.yaml.1234.a1b2c3d4e5f6.tmp` → 1234 */
const TMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * proper-lockfile: a lock directory beside the file (mkdir is atomic on every file system, NFS included), refreshed
 * while held and taken over when stale, which is what a crashed writer leaves (or at once when its owner is known to be
 * dead, see lockOwner.ts).
 */
const LOCK_OPTIONS = {
  realpath: false,
  // How old a lock (not refreshed by its holder) must be to be taken over: 10 s, or CORPUS_ANNOTATOR_LOCK_STALE_MS
  // (at least 2 s, proper-lockfile's minimum), which the SIGKILL stress suite sets to spend less time waiting.
  stale: Math.max(2000, Number(process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS) || 10_000),
};
/** Attempts to take a held lock, waiting 5 ms more each time by a factor of 1.3 up to 0.5 s (about 20 s in all). */
const LOCK_ATTEMPTS = 60;

/**
 * Takes the lock, waiting with backoff while another writer holds it. A lock left by a writer of this machine that
 * died is taken over at once (lockOwner.ts), not after the staleness delay.
 */
async function acquireLock(file: string, lockfilePath: string, onCompromised: (e: Error) => void): Promise<() => Promise<void>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lock(file, { ...LOCK_OPTIONS, retries: 0, lockfilePath, onCompromised });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= LOCK_ATTEMPTS) throw e;
      if (await takeOverFromTheDead(lockfilePath)) continue;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 5 * 1.3 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/**
 * The disk; `readText` reads through `read` when given (the language server reads its articles in a worker thread,
 * workerReads.ts), else with a file handle's promises.
 */
export function createNodeFileSystem(read: (file: string, options?: ReadOptions) => Promise<string | undefined> = readTextFile): WorkspaceFileSystem {
  return { ...diskOperations, readText: read };
}

const diskOperations: Omit<WorkspaceFileSystem, 'readText'> = {
  async realPath(file) {
    let p = path.resolve(file);
    const rest: string[] = [];
    for (let links = 0; ; ) {
      try {
        return path.join(await fs.realpath(p), ...rest);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      }
      // `p` does not exist, or is a link to something that does not: follow such a link by hand, else go up.
      const target = await fs.readlink(p).catch(() => undefined);
      if (target !== undefined && ++links <= MAX_LINKS) {
        p = path.resolve(path.dirname(p), target);
        continue;
      }
      const parent = path.dirname(p);
      if (parent === p) return path.join(p, ...rest);
      rest.unshift(path.basename(p));
      p = parent;
    }
  },

  async writeAtomic(file, text) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A random part in the name: two writers (or two writes within one millisecond) never share a temporary file.
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`);
    let stamp: FileStamp;
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      const s = await handle.stat();
      stamp = { size: s.size, mtimeMs: s.mtimeMs };
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    return stamp;
  },

  async remove(file) {
    await fs.rm(file, { force: true });
  },

  async stamp(file) {
    try {
      const s = await fs.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },

  async withLock(file, work) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    let compromised: Error | undefined;
    const lockfilePath = path.join(path.dirname(file), `.${path.basename(file)}.lock`);
    const release = await acquireLock(file, lockfilePath, (e) => void (compromised = e));
    try {
      await claimLock(lockfilePath);
      const result = await work();
      if (compromised) throw new Error(`Lost the lock on ${path.basename(file)} while writing it: ${compromised.message}`);
      return result;
    } finally {
      await disclaimLock(lockfilePath).catch(() => undefined);
      await release().catch(() => undefined);
    }
  },

  async removeLeftovers(dir) {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const pid = TMP_NAME.exec(name)?.[1];
      if (pid === undefined || isRunning(Number(pid))) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
    return removed;
  },

  async listFiles(dir, enter) {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch (e) {
        if (folder === dir && (e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
        return;
      }
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (enter(full)) await walk(full);
        } else if (entry.isFile()) found.push(full);
      }
    };
    await walk(dir);
    return found;
  },
};

export const nodeFileSystem: WorkspaceFileSystem = createNodeFileSystem();
