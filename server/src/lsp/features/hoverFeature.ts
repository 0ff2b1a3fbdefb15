/** textDocument/hover: names, dates, boilerplate and tags under the cursor. */
import { CancelledError, LineIndex } from '../../core/index';
import { ClientTagCommands } from '../../protocol';
import type { Feature } from '../context';
import { hoverMarkdown } from '../hover';
import { tagsOnMentions } from '../entityTags';
import { uriToPath } from '../workspace';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(async (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      const file = uriToPath(params.textDocument.uri);
      if (!doc || !file) return null;
      await ctx.indexer.ready;
      if (!ctx.service.hasDocument(file)) return null;
      const settings = await ctx.settingsOf(file);
      const text = doc.getText();
      const lines = new LineIndex(text);
      const offset = lines.offsetAt(params.position);
      try {
        const entity = ctx.service.entityAt(file, offset, token);
        const result = hoverMarkdown({
          analysis: ctx.service.analyze(file, ctx.analysisOptions(settings), token),
          offset,
          entity,
          tags: await ctx.tags.anchoredTags(file, text),
          entityTags: entity ? await tagsOnMentions(ctx, entity.cluster) : undefined,
          label: (key) => ctx.workspace.label(key),
          tagLinks: {
            uri: params.textDocument.uri,
            ...(ctx.client.hasCommand(ClientTagCommands.editNote) ? { editNote: ClientTagCommands.editNote } : {}),
            ...(ctx.client.hasCommand(ClientTagCommands.removeTag) ? { remove: ClientTagCommands.removeTag } : {}),
          },
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
