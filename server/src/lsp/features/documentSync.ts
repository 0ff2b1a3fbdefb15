/** Keeps the core's copy of the corpus in step with open editors and with files changed on disk. */
import { TextDocumentSyncKind } from 'vscode-languageserver';
import { Notifications } from '../../protocol';
import { readTextIfExists } from '../../store/atomicFile';
import type { Feature } from '../context';
import { uriToPath } from '../workspace';
import { boilerplateFileChanged, notifyBoilerplateChanged } from './boilerplateActions';

export const documentSync: Feature = {
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  register(ctx) {
    const { documents, workspace, service, connection } = ctx;
    documents.onDidOpen(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      workspace.rememberClientUri(file, document.uri);
      if (await workspace.isInCorpus(file)) {
        service.setDocument(file, document.getText());
        ctx.validateSoon(0);
      }
    });
    documents.onDidChangeContent(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file || !(await workspace.isInCorpus(file))) return;
      service.setDocument(file, document.getText());
      ctx.validateSoon();
    });
    documents.onDidClose(async ({ document }) => {
      const file = uriToPath(document.uri);
      if (!file) return;
      connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      workspace.forgetClientUri(file);
      if (await workspace.isInCorpus(file)) {
        const onDisk = await readTextIfExists(file);
        if (onDisk === undefined) service.removeDocument(file);
        else service.setDocument(file, onDisk);
        ctx.validateSoon();
      }
    });

    // Files changed on disk: articles not open in an editor, sidecars, the registry.
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      let tagsChanged = false;
      let corpusChanged = false;
      for (const change of changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        if (ctx.registry.isRegistry(file)) {
          await ctx.registry.load();
          corpusChanged = true;
        } else if (file.endsWith('.yaml')) {
          if (!(await boilerplateFileChanged(ctx, file))) tagsChanged = true;
        } else if (!ctx.openDocument(file) && (await workspace.isInCorpus(file))) {
          const text = await readTextIfExists(file);
          if (text === undefined) service.removeDocument(file);
          else service.setDocument(file, text);
          corpusChanged = true;
        }
      }
      if (tagsChanged) {
        ctx.tags.invalidate();
        void connection.sendNotification(Notifications.tagsChanged, {});
      }
      if (corpusChanged) {
        ctx.validateSoon();
        notifyBoilerplateChanged(ctx);
      }
    });
  },
};
