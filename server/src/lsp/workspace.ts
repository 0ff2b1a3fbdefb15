/** The workspace folders as the server sees them: their settings, corpus membership and annotation stores. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import { AnnotationStore } from '../store/annotationStore';
import { inCorpus } from '../node/corpusFiles';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

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

export class Workspace {
  private folders: Folder[] = [];
  private readonly settings = new Map<string, Promise<Settings>>();
  private readonly stores = new Map<string, AnnotationStore>();
  /** The URI the client uses for a path it has open (clients encode URIs in their own way). */
  private readonly clientUris = new Map<string, string>();
  configurationSupported = false;

  constructor(private readonly connection: Connection) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.folders = list.flatMap((uri) => {
      const root = uriToPath(uri);
      return root ? [{ uri, root }] : [];
    });
    this.settings.clear();
    this.stores.clear();
  }

  allFolders(): readonly Folder[] {
    return this.folders;
  }

  folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) {
      const rel = path.relative(f.root, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  settingsFor(folder: Folder | undefined): Promise<Settings> {
    if (!folder || !this.configurationSupported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.settings.get(folder.root);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: folder.uri, section: 'corpusAnnotator' })
        .then(readSettings, () => DEFAULT_SETTINGS);
      this.settings.set(folder.root, s);
    }
    return s;
  }

  clearSettings(): void {
    this.settings.clear();
    this.stores.clear();
  }

  async isInCorpus(file: string): Promise<boolean> {
    const folder = this.folderOf(file);
    if (!folder) return false;
    const settings = await this.settingsFor(folder);
    return inCorpus(folder.root, settings.corpus, file);
  }

  async storeFor(file: string): Promise<AnnotationStore | undefined> {
    const folder = this.folderOf(file);
    if (!folder) return undefined;
    let store = this.stores.get(folder.root);
    if (!store) {
      const settings = await this.settingsFor(folder);
      store = new AnnotationStore(folder.root, path.resolve(folder.root, settings.annotationsFolder));
      this.stores.set(folder.root, store);
    }
    return store;
  }

  async allStores(): Promise<AnnotationStore[]> {
    const stores = await Promise.all(this.folders.map((f) => this.storeFor(path.join(f.root, '.'))));
    return stores.filter((s): s is AnnotationStore => !!s);
  }

  rememberClientUri(file: string, uri: string): void {
    this.clientUris.set(file, uri);
  }

  forgetClientUri(file: string): void {
    this.clientUris.delete(file);
  }

  uriOf(file: string): string {
    return this.clientUris.get(file) ?? pathToFileURL(file).href;
  }

  /** A short label for people: the path relative to its folder. */
  label(file: string): string {
    const folder = this.folderOf(file);
    return folder ? path.relative(folder.root, file).split(path.sep).join('/') : path.basename(file);
  }
}
