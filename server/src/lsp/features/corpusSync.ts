/**
 * Keeps the analysis core and the clients in step with the workspace model: articles changed on disk, the entity
 * registry and the ignore lists of every folder, tags, and analyst files that do not parse (shown as diagnostics on
 * the file itself; the file is never rewritten and its last good content stays in use).
 */
import { DiagnosticSeverity } from 'vscode-languageserver';
import { ignoreRules, mergedRegistry } from '../../workspace/analysisInputs';
import type { CorpusFolder } from '../../workspace/corpusFolder';
import type { FileProblem } from '../../workspace/analystFormats';
import type { Feature } from '../context';
import { Notifications } from '../../protocol';

export const corpusSync: Feature = {
  register(ctx) {
    const { workspace, service, notify } = ctx;
    const published = new Set<string>();

    const publishProblems = (corpus: CorpusFolder, file: string, problems: readonly FileProblem[]) => {
      const uri = workspace.uriOf(file);
      if (!problems.length && !published.delete(uri)) return;
      if (problems.length) published.add(uri);
      const what = file === corpus.registryFile ? 'Entity registry' : file === corpus.ignoreFile ? 'Ignore list' : file === corpus.taxonomyFile ? 'Tag taxonomy' : 'Tags';
      void ctx.connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((e) =>
          e.severity === 'warning'
            ? {
                range: { start: { line: e.line, character: e.column }, end: { line: e.line, character: e.column + 1 } },
                severity: DiagnosticSeverity.Warning,
                source: 'corpus',
                code: 'merge-conflict',
                message: `${what}: ${e.message}`,
                ...(e.conflict ? { data: { list: e.conflict.list, key: e.conflict.key } } : {}),
              }
            : {
                range: { start: { line: e.line, character: e.column }, end: { line: e.line, character: e.column + 1 } },
                severity: DiagnosticSeverity.Error,
                source: 'corpus',
                message: `${what} not applied (the last good version stays in use, and the file will not be rewritten until fixed): ${e.message}`,
              },
        ),
      });
    };

    // After (re)opening the folders: everything they hold is new.
    ctx.onWorkspaceOpened(() => {
      service.setRegistry(mergedRegistry(workspace.all()));
      service.setBoilerplateIgnores(ignoreRules(workspace.all()));
      const current = new Set<string>();
      for (const corpus of workspace.all()) {
        const files = new Set([...corpus.problems().keys(), ...corpus.warnings().keys()]);
        for (const file of files) {
          current.add(workspace.uriOf(file));
          publishProblems(corpus, file, [...(corpus.problems().get(file) ?? []), ...(corpus.warnings().get(file) ?? [])]);
        }
      }
      for (const uri of [...published]) {
        if (current.has(uri)) continue;
        published.delete(uri);
        void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      ctx.tags.invalidate();
      notify.tagsChanged();
    });

    workspace.onDidChange(({ folder, event }) => {
      switch (event.kind) {
        case 'articles': {
          for (const { file, text } of event.changed) if (!ctx.openDocument(file)) service.setDocument(file, text);
          for (const file of event.removed) if (!ctx.openDocument(file)) service.removeDocument(file);
          // Tagged articles changed on disk (another editor, git): their tags are anchored again in the new text, and
          // clients redraw them (the Tags tree, the highlights when the article is opened).
          const retag = [...event.changed.map((c) => c.file), ...event.removed].filter((file) => !ctx.openDocument(file) && folder.sidecarOf(file));
          if (retag.length) notify.tagsChanged(retag.map((file) => workspace.uriOf(file)));
          ctx.validateSoon();
          ctx.indexer.refreshSoon(() => ctx.validateSoon(0), 300);
          notify.changed('boilerplate');
          notify.changed('entities');
          break;
        }
        case 'registry':
          service.setRegistry(mergedRegistry(workspace.all()));
          ctx.validateSoon(0);
          notify.changed('entities', 0);
          break;
        case 'ignores':
          service.setBoilerplateIgnores(ignoreRules(workspace.all()));
          ctx.validateSoon(0);
          notify.changed('boilerplate', 0);
          break;
        case 'tags':
          ctx.tags.invalidate(event.articles);
          // Open articles follow their new tags from here on.
          for (const article of event.articles) {
            const open = ctx.openDocument(article);
            if (!open) continue;
            ctx.tags.track(article, open.uri, open.getText());
            ctx.validateSoon(0); // their fuzzy and orphaned tags are diagnostics
          }
          notify.tagsChanged(event.articles.map((a) => workspace.uriOf(a)));
          break;
        case 'taxonomy':
          void ctx.connection.sendNotification(Notifications.taxonomyChanged, {});
          break;
        case 'problems':
          publishProblems(folder, event.file, event.problems);
          break;
      }
    });
  },
};
