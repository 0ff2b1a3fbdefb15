/** The workspace model's file operations on the real disk. */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { FileStamp, WorkspaceFileSystem } from '../workspace/fileSystem';

export const nodeFileSystem: WorkspaceFileSystem = {
  async readText(file) {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },

  async writeAtomic(file, text) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A random part in the name: two writers (or two writes within one millisecond) never share a temporary file.
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
