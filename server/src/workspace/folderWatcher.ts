/**
 * Watching workspace folders on disk, as an interface: the Node implementation is `node/folderWatcher.ts`. The server
 * uses it for clients that cannot watch files for it (Neovim 0.7), and forwards what it reports to the folders'
 * models exactly as it forwards a client's `workspace/didChangeWatchedFiles`.
 */
import type { Disposable } from './emitter';
import type { FileChange } from './corpusFolder';

/** What to watch in one folder. Paths given to the predicates are relative to `root`, with `/`; the root is `''`. */
export interface WatchSpec {
  readonly root: string;
  /** Whether to watch inside this folder (and report its files). */
  enters(relativeFolder: string): boolean;
  /** Whether a change of this file is wanted. */
  wants(relativeFile: string): boolean;
}

/**
 * Starts watching; `onChanges` gets the wanted files that changed, appeared (`deleted: false`) or went away
 * (`deleted: true`), coalesced: a burst of changes (a `git pull`) arrives as one or a few lists. A folder that
 * appears is reported file by file; a folder that goes away, as the removal of every wanted file it held.
 */
export type WatchFolders = (specs: readonly WatchSpec[], onChanges: (changes: FileChange[]) => void, onError?: (message: string) => void) => FolderWatch;

/** A running watch. `ready` resolves once every folder in the specs is watched: from then on, no change goes unseen. */
export interface FolderWatch extends Disposable {
  readonly ready: Promise<void>;
}
