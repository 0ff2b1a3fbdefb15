/**
 * Watches workspace folders with Node's own `fs.watch`, one non-recursive watcher per folder that matters (the
 * corpus's folders, the annotations folder), never one per file, and never inside folders the specs leave out
 * (`node_modules`, `.git`, …). On Linux, Node 20's `fs.watch(…, { recursive: true })` walks the whole tree
 * synchronously and puts a watch on every file (as chokidar does too), and cannot leave `node_modules` out; a folder
 * watch already reports its files' names, and the workspace model re-reads what it is told about, so names suffice.
 *
 * Changes are coalesced: nothing is reported until the disk has been quiet for `quietMs` (or `maxWaitMs` after the
 * first change), then every path named since is looked at once (stat), so a `git pull` of many files arrives as one
 * list or a few.
 */
import { watch, promises as fsp, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import type { FileChange } from '../workspace/corpusFolder';
import type { Disposable } from '../workspace/emitter';
import type { WatchFolders, WatchSpec } from '../workspace/folderWatcher';

export interface FolderWatcherOptions {
  readonly quietMs?: number;
  readonly maxWaitMs?: number;
}

export const watchFolders: WatchFolders = (specs, onChanges, onError) => new FolderWatcher(specs, onChanges, onError ?? (() => undefined), {});

export function watchFoldersWith(options: FolderWatcherOptions): WatchFolders {
  return (specs, onChanges, onError) => new FolderWatcher(specs, onChanges, onError ?? (() => undefined), options);
}

interface WatchedFolder {
  readonly watcher: FSWatcher;
  /** Names of the wanted files in it, to report when the folder goes away. */
  readonly files: Set<string>;
}

type Found = Map<string, boolean>;

export class FolderWatcher implements Disposable {
  private readonly folders = new Map<string, WatchedFolder>();
  private pending = new Set<string>();
  private rescans = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt: number | undefined;
  private flushing = false;
  private closed = false;
  private warned = false;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  /** Resolves when the first walk has finished (tests wait for it). */
  readonly ready: Promise<void>;

  constructor(
    private readonly specs: readonly WatchSpec[],
    private readonly onChanges: (changes: FileChange[]) => void,
    private readonly onError: (message: string) => void,
    options: FolderWatcherOptions,
  ) {
    this.quietMs = options.quietMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.ready = (async () => {
      for (const spec of specs) await this.addFolder(spec.root, undefined);
    })();
  }

  dispose(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const f of this.folders.values()) f.watcher.close();
    this.folders.clear();
  }

  // ── What the specs want ──────────────────────────────────────────────────────────────────────────────────────────

  private relativeIn(spec: WatchSpec, p: string): string | undefined {
    const rel = path.relative(spec.root, p);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  private enters(folder: string): boolean {
    return this.specs.some((s) => {
      const rel = this.relativeIn(s, folder);
      return rel !== undefined && s.enters(rel);
    });
  }

  private wants(file: string): boolean {
    return this.specs.some((s) => {
      const rel = this.relativeIn(s, file);
      return !!rel && s.wants(rel);
    });
  }

  // ── Watching ─────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Watches a folder and the folders inside it that the specs enter; with `found`, reports their files as new. */
  private async addFolder(folder: string, found: Found | undefined): Promise<void> {
    if (this.closed || this.folders.has(folder) || !this.enters(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => this.onEvent(folder, name));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EMFILE') this.warn(`cannot watch ${folder} (${code}: the system's limit of watched folders is reached)`);
      return; // gone, or not a folder
    }
    watcher.on('error', () => this.rescanSoon(folder));
    const entry: WatchedFolder = { watcher, files: new Set() };
    this.folders.set(folder, entry);
    // Listed after the watch starts, so nothing created in between is missed.
    const list = await fsp.readdir(folder, { withFileTypes: true }).catch(() => undefined);
    if (!list) return this.rescanSoon(folder);
    for (const e of list) {
      const p = path.join(folder, e.name);
      if (e.isDirectory()) await this.addFolder(p, found);
      else if (this.wants(p)) {
        entry.files.add(e.name);
        found?.set(p, false);
      }
    }
  }

  /** Stops watching a folder and those inside it; their wanted files are reported as gone. */
  private removeFolder(folder: string, found: Found): void {
    for (const [f, entry] of [...this.folders]) {
      if (f !== folder && !f.startsWith(folder + path.sep)) continue;
      entry.watcher.close();
      this.folders.delete(f);
      for (const name of entry.files) found.set(path.join(f, name), true);
    }
  }

  private onEvent(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    if (name === null || name === undefined) this.rescans.add(folder);
    else this.pending.add(path.join(folder, name.toString()));
    this.schedule();
  }

  private rescanSoon(folder: string): void {
    if (this.closed) return;
    this.rescans.add(folder);
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.quietMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    if (this.flushing) return this.schedule();
    this.flushing = true;
    const paths = this.pending;
    const rescans = this.rescans;
    this.pending = new Set();
    this.rescans = new Set();
    this.firstPendingAt = undefined;
    const found: Found = new Map();
    try {
      for (const folder of rescans) await this.rescan(folder, found);
      for (const p of paths) await this.look(p, found);
    } catch (e) {
      this.warn(`watching failed: ${(e as Error).message}`);
    } finally {
      this.flushing = false;
    }
    if (found.size && !this.closed) this.onChanges([...found].map(([file, deleted]) => ({ file, deleted })));
  }

  /** What happened at a path an event named. */
  private async look(p: string, found: Found): Promise<void> {
    const stats = await fsp.stat(p).catch(() => undefined);
    if (this.closed) return;
    if (stats?.isDirectory()) {
      if (!this.folders.has(p)) await this.addFolder(p, found);
      return;
    }
    if (this.folders.has(p)) this.removeFolder(p, found);
    if (!this.wants(p)) return;
    const parent = this.folders.get(path.dirname(p));
    if (stats) parent?.files.add(path.basename(p));
    else parent?.files.delete(path.basename(p));
    found.set(p, !stats);
  }

  /** Lists a folder again (after an event without a name, or an error of its watcher). */
  private async rescan(folder: string, found: Found): Promise<void> {
    const entry = this.folders.get(folder);
    if (!entry) return;
    const list = await fsp.readdir(folder, { withFileTypes: true }).catch(() => undefined);
    if (!list) return this.removeFolder(folder, found);
    const present = new Set(list.map((e) => e.name));
    for (const name of [...entry.files]) {
      if (present.has(name)) continue;
      entry.files.delete(name);
      found.set(path.join(folder, name), true);
    }
    for (const e of list) {
      const p = path.join(folder, e.name);
      if (e.isDirectory()) await this.addFolder(p, found);
      else if (this.wants(p)) {
        entry.files.add(e.name);
        found.set(p, false);
      }
    }
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.onError(message);
  }
}
