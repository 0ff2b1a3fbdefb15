/** Publishes diagnostics for every open article: debounced, cancelled by newer edits, after the corpus is indexed. */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, LineIndex, type CancellationToken } from '../../core/index';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from '../diagnostics';
import { registryMembership } from '../entityListing';
import { tagDiagnostics } from '../tagDiagnostics';
import type { ServerContext } from '../context';
import { uriToPath } from '../workspace';

export function createValidator(ctx: () => ServerContext): (delayMs?: number) => void {
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  async function validateAll(): Promise<void> {
    const mine = ++generation;
    const token: CancellationToken = { get isCancellationRequested() { return mine !== generation; } };
    const c = ctx();
    await c.indexer.ready;
    for (const doc of c.documents.all()) {
      if (token.isCancellationRequested) return;
      try {
        await validate(c, doc, token);
      } catch (e) {
        if (e instanceof CancelledError) return;
        c.connection.console.error(`Analysis of ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      }
    }
  }

  return (delayMs = 150) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void validateAll(), delayMs);
  };
}

async function validate(c: ServerContext, doc: TextDocument, token: CancellationToken): Promise<void> {
  const file = uriToPath(doc.uri);
  if (!file || !c.workspace.isInCorpus(file)) return;
  const settings = await c.settingsOf(file);
  const text = doc.getText();
  // Too large to analyse: documentSync.ts keeps it out of the core, and it says so here.
  if (text.length > settings.maxDocumentSize) {
    c.connection.sendDiagnostics({
      uri: doc.uri,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        message: `Not analysed: ${text.length} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).`,
      }],
    });
    return;
  }
  if (!c.service.hasDocument(file)) return;
  const lines = new LineIndex(text);
  const analysis = c.service.analyze(file, c.analysisOptions(settings), token);
  const clustering = c.service.entityClustering(token, 'fast');
  const locate = (key: string) => {
    const t = c.service.getText(key);
    return t === undefined ? undefined : { uri: c.workspace.uriOf(key), lines: key === file ? lines : new LineIndex(t) };
  };
  const inRegistry = registryMembership(c.workspace.corpusOf(file)?.registry());
  const diagnostics = [...toDiagnostics(analysis, lines, settings, clustering, { locate }, inRegistry), ...tagDiagnostics(c.tags.anchoredTags(file, text), lines)];
  if (!token.isCancellationRequested) c.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}
