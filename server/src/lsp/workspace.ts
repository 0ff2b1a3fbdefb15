/**
 * The workspace folders as the server sees them: each one's settings and its `CorpusFolder` (the one model of its
 * articles and analyst files, see workspace/corpusFolder.ts). Events of every folder reach subscribers of
 * `onDidChange`; reopening (after a settings change) waits for writes in flight.
 *
 * Settings are asked of the client per folder (`workspace/configuration`). Clients without it (Neovim 0.7) push them
 * instead, in `initializationOptions` and `workspace/didChangeConfiguration`; each folder's `.vscode/settings.json`
 * (what the CLI reads) is laid on top of what was pushed, as VS Code lays folder settings on user settings.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { CorpusEvent, CorpusFolder } from '../workspace/corpusFolder';
import { Emitter, type Disposable } from '../workspace/emitter';
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import { openCorpus } from '../workspace/openCorpus';
import { isWithin } from '../workspace/boundary';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../workspace/settings';
import { mergeSections, sectionFromJson, sectionOf, SETTINGS_FILE } from '../workspace/settingsFile';

export interface Folder {
  readonly uri: string;
  readonly root: string;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** A folder's event, with the folder it came from. */
export interface WorkspaceEvent {
  readonly folder: CorpusFolder;
  readonly event: CorpusEvent;
}

/** How many made URIs `uriOf` holds before it forgets them (a few MB at most). */
const MADE_URIS_HELD = 20_000;

export class Workspace {
  private folders: Folder[] = [];
  private readonly settings = new Map<string, Promise<Settings>>();
  private corpora = new Map<string, CorpusFolder>();
  private opening: Promise<void> = Promise.resolve();
  private subscriptions: Disposable[] = [];
  private readonly emitter = new Emitter<WorkspaceEvent>();
  /** The URI the client uses for a path it has open (clients encode URIs in their own way). */
  private readonly clientUris = new Map<string, string>();
  /**
   * The file URIs made for paths the client did not name (each path's once, until it holds MADE_URIS_HELD): an open
   * article's diagnostics name the articles its repeated passages are copied from at every keystroke, and a URL object
   * a path (pathToFileURL) was 18 MB of garbage in 8 s of typing into a 100 KB article of copies.
   */
  private readonly madeUris = new Map<string, string>();
  configurationSupported = false;
  /** The `corpusAnnotator` section the client pushed (clients without workspace/configuration only). */
  private pushed: Record<string, unknown> = {};

  /** Every change in every folder. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly connection: Connection,
    readonly fs: WorkspaceFileSystem,
  ) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.folders = list.flatMap((uri) => {
      const root = uriToPath(uri);
      return root ? [{ uri, root }] : [];
    });
    this.settings.clear();
  }

  allFolders(): readonly Folder[] {
    return this.folders;
  }

  folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) {
      if (isWithin(f.root, file) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  settingsFor(folder: Folder | undefined): Promise<Settings> {
    if (!folder) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.settings.get(folder.root);
    if (!s) {
      s = this.configurationSupported
        ? this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'corpusAnnotator' }).then(readSettings, () => DEFAULT_SETTINGS)
        : this.pushedSettingsFor(folder);
      this.settings.set(folder.root, s);
    }
    return s;
  }

  /**
   * Settings pushed by a client without workspace/configuration: from `initializationOptions` (`{ settings:
   * { corpusAnnotator } }` or `{ corpusAnnotator }`) or the `settings` of `workspace/didChangeConfiguration`. Replaces
   * what was pushed before; `null`/absent keeps it (some clients send that to mean "ask me").
   */
  setPushedSettings(raw: unknown): void {
    if (raw === undefined || raw === null) return;
    const nested = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { settings?: unknown }).settings : undefined;
    this.pushed = mergeSections(sectionOf(raw), sectionOf(nested));
  }

  /** Whether `file` is the settings file of a folder whose settings come from it (clients without workspace/configuration). */
  isSettingsFile(file: string): boolean {
    return !this.configurationSupported && this.folders.some((f) => path.join(f.root, SETTINGS_FILE) === file);
  }

  /**
   * Asks for every folder's settings again; true when any differs from those its model was opened with (then the
   * caller reopens the workspace). Waits for the latest reopen first.
   */
  async settingsChanged(): Promise<boolean> {
    await this.opening.catch(() => undefined);
    this.settings.clear();
    for (const folder of this.folders) {
      const open = this.corpora.get(folder.root);
      if (!open || JSON.stringify(open.settings) !== JSON.stringify(await this.settingsFor(folder))) return true;
    }
    return this.corpora.size !== this.folders.length;
  }

  private async pushedSettingsFor(folder: Folder): Promise<Settings> {
    const text = await this.fs.readText(path.join(folder.root, SETTINGS_FILE)).catch(() => undefined);
    const { section, error } = sectionFromJson(text);
    if (error) this.connection.console.warn(`${folder.root}: ${error}`);
    return readSettings(mergeSections(this.pushed, section));
  }

  /**
   * (Re)opens every folder with its current settings. Writes in flight in the old models finish first, so a settings
   * change never loses a tag. Resolves when every folder is ready.
   */
  reopen(): Promise<void> {
    this.settings.clear();
    const previous = this.opening;
    this.opening = previous.catch(() => undefined).then(async () => {
      const old = [...this.corpora.values()];
      for (const s of this.subscriptions) s.dispose();
      this.subscriptions = [];
      await Promise.all(old.map((c) => c.close()));
      const next = new Map<string, CorpusFolder>();
      for (const folder of this.folders) {
        const settings = await this.settingsFor(folder);
        const corpus = await openCorpus({ root: folder.root, settings, fs: this.fs });
        next.set(folder.root, corpus);
        this.subscriptions.push(corpus.onDidChange((event) => this.emitter.fire({ folder: corpus, event })));
      }
      this.corpora = next;
    });
    return this.opening;
  }

  /** Resolves when the folders are open (after the latest reopen). */
  get ready(): Promise<void> {
    return this.opening;
  }

  /** The open folders' models. */
  all(): readonly CorpusFolder[] {
    return [...this.corpora.values()];
  }

  /** The model of the folder holding `file` (after `ready`). */
  corpusOf(file: string): CorpusFolder | undefined {
    const folder = this.folderOf(file);
    return folder ? this.corpora.get(folder.root) : undefined;
  }

  /** Whether `file` is an article of its folder's corpus (after `ready`). */
  isInCorpus(file: string): boolean {
    return !!this.corpusOf(file)?.isArticle(file);
  }

  rememberClientUri(file: string, uri: string): void {
    this.clientUris.set(file, uri);
  }

  forgetClientUri(file: string): void {
    this.clientUris.delete(file);
  }

  uriOf(file: string): string {
    const named = this.clientUris.get(file);
    if (named !== undefined) return named;
    let uri = this.madeUris.get(file);
    if (uri === undefined) {
      if (this.madeUris.size >= MADE_URIS_HELD) this.madeUris.clear();
      this.madeUris.set(file, (uri = pathToFileURL(file).href));
    }
    return uri;
  }

  /** A short label for people: the path relative to its folder. */
  label(file: string): string {
    const folder = this.folderOf(file);
    return folder ? path.relative(folder.root, file).split(path.sep).join('/') : path.basename(file);
  }
}
