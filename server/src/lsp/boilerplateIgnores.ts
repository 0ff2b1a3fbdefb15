/**
 * The ignore lists (`<annotations>/ignored.yaml`, one per workspace folder) as the server uses them: loaded and
 * handed to the core as data (`service.setBoilerplateIgnores`, entries resolved to document keys), so that every
 * consumer of the analysis (diagnostics, hover, the clusters tree) leaves ignored findings out. A file that does not
 * parse is reported as diagnostics on itself and the last good list of that folder stays in use.
 */
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import type { BoilerplateIgnores, CorpusService, IgnoreList } from '../core/index';
import { IGNORE_FILE, IgnoreStore } from '../store/ignoreStore';
import type { Folder, Workspace } from './workspace';

export class BoilerplateIgnoreService {
  private readonly stores = new Map<string, IgnoreStore>();
  private readonly lists = new Map<string, IgnoreList>();
  private readonly problems = new Map<string, { uri: string; message: string }>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly service: CorpusService,
  ) {}

  /** The store of the folder holding `file`, or undefined outside the workspace. */
  async storeFor(file: string): Promise<IgnoreStore | undefined> {
    const folder = this.workspace.folderOf(file);
    return folder ? this.storeOfFolder(folder) : undefined;
  }

  private async storeOfFolder(folder: Folder): Promise<IgnoreStore> {
    const settings = await this.workspace.settingsFor(folder);
    const dir = path.resolve(folder.root, settings.annotationsFolder);
    const key = `${folder.root}\u0000${dir}`;
    let store = this.stores.get(key);
    if (!store) this.stores.set(key, (store = new IgnoreStore(folder.root, dir)));
    return store;
  }

  /** Whether `file` is the ignore list of a workspace folder. */
  async isIgnoreFile(file: string): Promise<boolean> {
    if (path.basename(file) !== IGNORE_FILE) return false;
    const store = await this.storeFor(file);
    return !!store && path.normalize(store.file) === path.normalize(file);
  }

  /** Problems of the lists that did not parse, for clients to show. */
  currentProblems(): { uri: string; message: string }[] {
    return [...this.problems.values()];
  }

  /** Reads every folder's list and hands the result to the core. */
  async load(): Promise<void> {
    const seen = new Set<string>();
    for (const folder of this.workspace.allFolders()) {
      const store = await this.storeOfFolder(folder);
      seen.add(folder.root);
      const uri = this.workspace.uriOf(store.file);
      let parsed;
      try {
        parsed = await store.read();
      } catch (e) {
        parsed = { ok: false as const, errors: [{ message: (e as Error).message, line: 0, column: 0 }] };
      }
      if (parsed.ok) {
        this.lists.set(folder.root, parsed.list);
        if (this.problems.delete(folder.root)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      const first = parsed.errors[0];
      this.problems.set(folder.root, { uri, message: `line ${first.line + 1}: ${first.message}` });
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: parsed.errors.map((e) => ({
          range: { start: { line: e.line, character: e.column }, end: { line: e.line, character: e.column + 1 } },
          severity: DiagnosticSeverity.Error,
          source: 'corpus',
          message: `Ignore list not applied (the last good one stays in use, and it will not be rewritten until fixed): ${e.message}`,
        })),
      });
    }
    for (const root of [...this.lists.keys()]) if (!seen.has(root)) this.lists.delete(root);
    this.apply();
  }

  private apply(): void {
    const rules: { everywhere: BoilerplateIgnores['everywhere'][number][]; here: BoilerplateIgnores['here'][number][] } = {
      everywhere: [],
      here: [],
    };
    const single = this.lists.size <= 1;
    for (const [root, list] of this.lists) {
      const within = single ? undefined : root.endsWith(path.sep) ? root : root + path.sep;
      for (const e of list.everywhere) rules.everywhere.push({ text: e.text, kind: e.kind, ...(within ? { within } : {}) });
      for (const h of list.here) {
        rules.here.push({
          uri: path.resolve(root, ...h.document.split('/')),
          quote: h.quote,
          prefix: h.prefix,
          suffix: h.suffix,
          start: h.start,
          end: h.end,
        });
      }
    }
    this.service.setBoilerplateIgnores(rules);
  }
}
