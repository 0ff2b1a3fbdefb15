/**
 * Changes on disk (another editor, a script, a `git pull`) reach the folders' models whatever the client can do:
 *
 * - a client that supports dynamic registration of `workspace/didChangeWatchedFiles` (VS Code) is asked to watch the
 *   corpus's articles and the analyst files of each folder, with the folder's own globs, and re-asked when the
 *   settings change them; its notifications are handled in documentSync.ts;
 * - for any other client (Neovim 0.7 watches nothing), the server watches the same files itself
 *   (node/folderWatcher.ts, plus each folder's `.vscode/settings.json` when the client has no
 *   workspace/configuration), and forwards the changes exactly as a client's (`forwardFileChanges`);
 * - either way, what changed between the folders' listing and the watcher's start is caught up once the watcher runs
 *   and the indexing is done (`CorpusFolder.catchUp`, workspace/catchUp.ts).
 */
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, WatchKind, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { corpusGlobs } from '../../workspace/corpusGlobs';
import type { CorpusFolder } from '../../workspace/corpusFolder';
import type { FolderWatch, WatchSpec } from '../../workspace/folderWatcher';
import { SETTINGS_FILE } from '../../workspace/settingsFile';
import type { Feature } from '../context';
import { forwardFileChanges } from './documentSync';

const ALL_CHANGES = WatchKind.Create | WatchKind.Change | WatchKind.Delete;

export const fileWatching: Feature = {
  register(ctx) {
    let registered = '';
    let registration: Promise<Disposable | undefined> | undefined;
    let watching = '';
    let watcher: FolderWatch | undefined;
    /** Whether the server's own watcher runs (resolves once it has walked its folders), for the catch-up. */
    let watcherRuns: Promise<boolean> = Promise.resolve(false);

    // What changed between the folders' listing and the watcher's start is read once both the watcher runs and the
    // indexing is done (workspace/catchUp.ts): a `git pull` during a 30 s cold start is not missed.
    const catchUp = (corpora: readonly CorpusFolder[], watcherRuns: Promise<boolean>) =>
      void watcherRuns
        .then(async (runs) => {
          if (!runs) return; // no watcher: nothing to catch up with
          await ctx.indexer.ready;
          await Promise.all(corpora.filter((c) => ctx.workspace.all().includes(c)).map((c) => c.catchUp()));
        })
        .catch((e) => ctx.connection.console.error(`Looking for changes made while the workspace opened failed: ${(e as Error).stack ?? e}`));

    ctx.onWorkspaceOpened(() => {
      const folders = ctx.workspace.allFolders();
      const corpora = ctx.workspace.all();
      if (ctx.client.watchesFilesOnRequest) {
        const watchers = corpora.flatMap((c) => clientWatchers(c, folders.find((f) => f.root === c.root)?.uri, ctx.client.relativePatterns));
        const key = JSON.stringify(watchers);
        if (key !== registered) {
          registered = key;
          // The new registration first, then the old one goes: no moment without a watcher.
          const previous = registration;
          registration = ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => {
            ctx.connection.console.warn(`The client did not register file watchers (${(e as Error).message}); changes on disk may go unnoticed.`);
            return undefined;
          });
          void previous?.then((d) => d?.dispose());
        }
        const current = registration;
        if (current) catchUp(corpora, current.then((d) => d !== undefined));
        return;
      }
      if (!ctx.watchFolders) return;
      const specs = corpora.map((c) => watchSpec(c, !ctx.workspace.configurationSupported));
      const key = JSON.stringify(corpora.map((c) => [c.root, c.settings.corpus, c.annotationsDir, !ctx.workspace.configurationSupported]));
      if (key !== watching) {
        watching = key;
        const watchFolders = ctx.watchFolders;
        // Started once the first indexing is done (its walk of the folders and its look at every file's name would
        // take the thread from the indexing: a quarter of a second at 10,000 articles); what changed meanwhile is
        // caught up then, as for any gap between the listing and the watcher's start.
        watcherRuns = ctx.indexer.ready.then(() => {
          if (watching !== key) return false; // the folders' settings changed again meanwhile: a newer watcher starts
          watcher?.dispose();
          watcher = watchFolders(
            specs,
            (changes) => void forwardFileChanges(ctx, changes).catch((e) => ctx.connection.console.error(`Reading changed files failed: ${(e as Error).stack ?? e}`)),
            (message) => ctx.connection.console.warn(`File watching: ${message}`),
          );
          return watcher.ready.then(() => true);
        });
      }
      catchUp(corpora, watcherRuns);
    });
  },
};

/**
 * What the client is asked to watch in one folder: its articles and its analyst files; and the folders that appear in,
 * or go away from, the annotations folder and the corpus's folders. VS Code's watcher reports a file written into a
 * folder made a moment before as that folder alone, and a folder removed without its files: the model reads such a
 * folder as the files it holds or held (workspace/folderChanges.ts).
 */
function clientWatchers(corpus: CorpusFolder, folderUri: string | undefined, relative: boolean): FileSystemWatcher[] {
  const annotations = path.relative(corpus.root, corpus.annotationsDir).split(path.sep).join('/');
  const files = [...corpus.settings.corpus.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, '')), `${annotations}/**/*.yaml`];
  const areas = [...new Set([annotations, ...corpusGlobs(corpus.settings.corpus).bases])];
  const folders = areas.map((area) => (area === '' ? '**' : `{${area},${area}/**}`));
  const watcher = (pattern: string, kind: number): FileSystemWatcher =>
    relative && folderUri
      ? { globPattern: { baseUri: folderUri, pattern }, kind }
      : // Plain glob patterns are matched against whole paths.
        { globPattern: pattern === '**' || pattern.startsWith('**/') ? pattern : `**/${pattern}`, kind };
  return [...files.map((p) => watcher(p, ALL_CHANGES)), ...folders.map((p) => watcher(p, WatchKind.Create | WatchKind.Delete))];
}

/** What the server watches in one folder: the folders of the corpus and the annotations folder, and their files. */
export function watchSpec(corpus: CorpusFolder, settingsFile: boolean): WatchSpec {
  const globs = corpusGlobs(corpus.settings.corpus);
  const annotations = path.relative(corpus.root, corpus.annotationsDir).split(path.sep).join('/');
  const within = (rel: string, base: string) => base === '' || rel === base || rel.startsWith(`${base}/`);
  const leadsTo = (rel: string, base: string) => rel === '' || base === rel || base.startsWith(`${rel}/`);
  const entered = (rel: string, base: string) => rel.split('/').slice(base ? base.split('/').length : 0).every((name) => globs.enters(name));
  return {
    root: corpus.root,
    enters: (rel) => {
      if (rel === '') return true;
      if (settingsFile && rel === '.vscode') return true;
      // Inside the annotations folder, but not in hidden folders or writers' lock folders (`x.yaml.lock`).
      if (within(rel, annotations)) return rel.split('/').slice(annotations.split('/').length).every((n) => !n.startsWith('.') && !n.endsWith('.lock'));
      if (leadsTo(rel, annotations)) return true;
      return globs.bases.some((base) => leadsTo(rel, base) || (within(rel, base) && entered(rel, base)));
    },
    wants: (rel) => {
      if (settingsFile && rel === SETTINGS_FILE) return true;
      if (within(rel, annotations) && annotations !== '') return rel.endsWith('.yaml');
      return corpus.isArticle(path.join(corpus.root, ...rel.split('/')));
    },
  };
}
