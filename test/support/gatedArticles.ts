/**
 * A file system for tests of what the server answers while it indexes: the disk, except that articles (`seeds/*.txt`)
 * after the first `free` read wait to be read until `open()` is called, so requests are certain to come during the
 * indexing. `readFree()`: how many of the first `free` have been read.
 */
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';

export function gatedArticles(free: number): { fs: WorkspaceFileSystem; open(): void; waiting: string[]; readFree(): number } {
  let reads = 0;
  let readFree = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const waiting: string[] = [];
  const fs: WorkspaceFileSystem = {
    ...nodeFileSystem,
    async readText(file, options) {
      const article = /[/\\]seeds[/\\][^/\\]+\.txt$/.test(file);
      if (article && ++reads > free) {
        waiting.push(file);
        await opened;
        return nodeFileSystem.readText(file, options);
      }
      const text = await nodeFileSystem.readText(file, options);
      if (article) readFree++;
      return text;
    },
  };
  return { fs, open, waiting, readFree: () => readFree };
}
