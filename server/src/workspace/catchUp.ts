/**
 * What changed on disk while nobody watched: between a folder's listing (`CorpusFolder.load`) and the moment a watcher
 * began to report changes. A client registers its file watchers only once the folders have been listed, and the
 * server's own watcher starts after the listing too; at 10,000 articles that gap lasts seconds, and a file written in
 * it (a `git pull`, a script, another editor saving) would otherwise go unseen until the workspace is opened again.
 *
 * Found without reading anything: files that appeared or went away (a new listing against what the model holds), and
 * files whose modification time is not older than the listing (with slack for file systems whose clocks are coarse).
 * A file reported here is read as a watcher's report would have it read; a text unchanged is no change downstream.
 */
import type { FileChange } from './corpusFolder';
import { sameStamp, type FileStamp } from './fileSystem';

/** File systems that keep modification times to the second (or two, FAT) stamp a write up to that much early. */
export const MTIME_SLACK_MS = 2000;

/** Stamps looked at together: enough to keep the disk busy, not so many that the thread pool is flooded. */
const STAMPS_AT_ONCE = 64;

export interface CatchUpSource {
  /** The files the model holds that a listing finds (articles, sidecars, analyst files that did not parse). */
  tracked(): Iterable<string>;
  /** The wanted files on disk now, listed as `CorpusFolder.load` lists them. */
  list(): Promise<string[]>;
  /** A file's stamp; undefined when it is gone (or cannot be looked at). */
  stamp(file: string): Promise<FileStamp | undefined>;
}

/**
 * The changes since `listedAt` (ms since the epoch, taken when the listing began). `fixed` are files looked at by
 * path whether they exist or not (the registry, the ignore list, the taxonomy), with their stamps taken before they
 * were read: they changed when their stamp did.
 */
export async function changesSince(source: CatchUpSource, listedAt: number, fixed: ReadonlyMap<string, FileStamp | undefined>): Promise<FileChange[]> {
  const since = listedAt - MTIME_SLACK_MS;
  const onDisk = new Set((await source.list()).filter((f) => !fixed.has(f)));
  const tracked = new Set([...source.tracked()].filter((f) => !fixed.has(f)));
  const changes: FileChange[] = [];
  const toStamp: string[] = [];
  // A tracked file the listing did not find is stamped before it is called removed: one created while the listing ran
  // (after its folder was listed) may have been reported by the watcher and be tracked by now. Still there, it is read
  // again (a text unchanged is no change downstream); gone, it is removed.
  const unlisted = new Set<string>();
  for (const file of tracked) {
    if (onDisk.has(file)) continue;
    unlisted.add(file);
    toStamp.push(file);
  }
  for (const file of onDisk) {
    if (tracked.has(file)) toStamp.push(file);
    else changes.push({ file, deleted: false });
  }
  for (let i = 0; i < toStamp.length; i += STAMPS_AT_ONCE) {
    const batch = toStamp.slice(i, i + STAMPS_AT_ONCE);
    const stamps = await Promise.all(batch.map((f) => source.stamp(f)));
    batch.forEach((file, j) => {
      const stamp = stamps[j];
      if (!stamp) changes.push({ file, deleted: true });
      else if (unlisted.has(file) || stamp.mtimeMs >= since) changes.push({ file, deleted: false });
    });
  }
  for (const [file, before] of fixed) {
    const now = await source.stamp(file);
    if (!now && !before) continue;
    if (sameStamp(now, before)) continue;
    changes.push({ file, deleted: !now });
  }
  return changes;
}
