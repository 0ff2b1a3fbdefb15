/**
 * The analysts' entity registry (`<annotations>/entities.yaml`): loaded into the core when it parses; when it does not,
 * its errors are published as diagnostics on the file and the last good registry stays in use. Never written here.
 */
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { EMPTY_REGISTRY, parseRegistry, type CorpusService } from '../core/index';
import { readTextIfExists } from '../store/atomicFile';
import type { Workspace } from './workspace';

export const REGISTRY_FILE = 'entities.yaml';

export class RegistryWatcher {
  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly service: CorpusService,
  ) {}

  isRegistry(file: string): boolean {
    return path.basename(file) === REGISTRY_FILE;
  }

  async load(): Promise<void> {
    const stores = await this.workspace.allStores();
    const store = stores[0];
    if (!store) return;
    const file = path.join(store.annotationsDir, REGISTRY_FILE);
    const text = await readTextIfExists(file).catch(() => undefined);
    const uri = this.workspace.uriOf(file);
    if (text === undefined) {
      this.service.setRegistry(EMPTY_REGISTRY);
      return;
    }
    const parsed = parseRegistry(text);
    if (parsed.ok) {
      this.service.setRegistry(parsed.registry);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    } else {
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: parsed.errors.map((e) => ({
          range: { start: { line: e.line, character: e.column }, end: { line: e.line, character: e.column + 1 } },
          severity: DiagnosticSeverity.Error,
          source: 'corpus',
          message: `Entity registry not applied: ${e.message}`,
        })),
      });
    }
  }
}
