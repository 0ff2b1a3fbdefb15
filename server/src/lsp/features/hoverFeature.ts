/**
 * textDocument/hover: names, dates, boilerplate and tags under the cursor. While the corpus is still being indexed, an
 * article the core holds is answered at once from what it says by itself (CorpusService.articleAlone), with a line
 * saying the corpus is not all counted yet; the corpus-wide answer comes once it is indexed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, LineIndex } from '../../core/index';
import { ClientTagCommands } from '../../protocol';
import type { Feature } from '../context';
import { hoverMarkdown } from '../hover';
import { MentionsByFile, tagsOnMentions } from '../entityTags';
import { indexingStatus } from '../indexer';
import { withPassagesAlone } from './publishDiagnostics';
import { uriToPath } from '../workspace';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    // The line index of the last hovered document's current version, made once per version rather than once per hover.
    let last: { doc: TextDocument; version: number; text: string; lines: LineIndex } | undefined;
    const linesOf = (doc: TextDocument): { text: string; lines: LineIndex } => {
      if (last?.doc !== doc || last.version !== doc.version) {
        const text = doc.getText();
        last = { doc, version: doc.version, text, lines: new LineIndex(text) };
      }
      return last;
    };
    // A cluster's mentions grouped by article, for the tags on passages that mention it (entityTags.ts).
    const mentionsByFile = new MentionsByFile();
    ctx.connection.onHover(async (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      const file = uriToPath(params.textDocument.uri);
      if (!doc || !file) return null;
      const indexing = ctx.indexer.indexingProgress;
      if (indexing) await ctx.workspace.ready;
      else await ctx.indexer.ready; // settled: no indexing runs (before the first, the progress says "finding")
      if (!ctx.service.hasDocument(file)) return null;
      const settings = await ctx.settingsOf(file);
      const { text, lines } = linesOf(doc);
      const offset = lines.offsetAt(params.position);
      try {
        const options = ctx.analysisOptions(settings);
        // Asked again: the indexing may have ended while the settings were read.
        const progress = ctx.indexer.indexingProgress;
        const alone = progress ? ctx.service.articleAlone(file, options, token) : undefined;
        const entity = alone ? alone.entityAt(offset) : ctx.service.entityAt(file, offset, token);
        const result = hoverMarkdown({
          // While the corpus's passages are being indexed after an indexing (a second at 10,000 articles, in slices),
          // the boilerplate the article repeats within itself, rather than build the index at once, holding every request.
          analysis: alone ? alone.analysis : ctx.indexer.boilerplateIndexing ? withPassagesAlone(ctx, file, options, token) : ctx.service.analyze(file, options, token),
          offset,
          entity,
          tags: ctx.tags.anchoredTags(file, text),
          entityTags: entity && !alone ? tagsOnMentions(ctx, entity.cluster, mentionsByFile) : undefined,
          label: (key) => ctx.workspace.label(key),
          tagLinks: {
            uri: params.textDocument.uri,
            ...(ctx.client.hasCommand(ClientTagCommands.editNote) ? { editNote: ClientTagCommands.editNote } : {}),
            ...(ctx.client.hasCommand(ClientTagCommands.removeTag) ? { remove: ClientTagCommands.removeTag } : {}),
          },
          ...(progress && alone ? { indexing: indexingStatus(progress) } : {}),
        });
        if (!result) return null;
        return {
          contents: { kind: 'markdown', value: result.markdown },
          range: { start: lines.positionAt(result.start), end: lines.positionAt(result.end) },
        };
      } catch (e) {
        if (e instanceof CancelledError) return null;
        throw e;
      }
    });
  },
};
