/**
 * Tagging through LSP: workspace/executeCommand to add and remove tags, and a request listing them. Clients hear of
 * the change through `corpusAnnotator/tagsChanged`, sent by corpusSync.ts when the folder's model announces it.
 */
import { Requests, ServerCommands, type AddTagArgs, type ListTagsParams, type RemoveTagArgs } from '../../protocol';
import type { Feature } from '../context';
import { handleRequest, optionalString } from '../params';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

function parseListTagsParams(raw: Record<string, unknown>, what: string): ListTagsParams {
  const uri = optionalString(raw, 'uri', what);
  if (uri !== undefined && !uriToPath(uri)) throw new UserError(`${what}: \`uri\` must be the file: URI of an article, got ${JSON.stringify(uri)}.`);
  return uri !== undefined ? { uri } : {};
}

export const tagsFeature: Feature = {
  capabilities: {
    executeCommandProvider: {
      commands: [
        ServerCommands.addTag,
        ServerCommands.removeTag,
        ServerCommands.reanchorTag,
        ServerCommands.editNote,
        ServerCommands.tagOccurrences,
        ServerCommands.renameTag,
        ServerCommands.undoTag,
      ],
    },
  },
  register(ctx) {
    const { connection, tags, commands } = ctx;
    commands.registerCommand(ServerCommands.addTag, async (args) => {
      const { item } = await tags.addTag(args[0] as AddTagArgs);
      ctx.client.showResult(`tag “${item.tag}” added to: ${item.quote.length > 60 ? `${item.quote.slice(0, 57)}…` : item.quote}`);
      return item;
    });
    commands.registerCommand(ServerCommands.removeTag, async (args) => {
      const removed = await tags.removeTag(args[0] as RemoveTagArgs);
      ctx.client.showResult(removed ? 'tag removed.' : 'there was no such tag (it may have been removed already).');
      return removed;
    });
    commands.registerCommand(ServerCommands.reanchorTag, (args) => tags.reanchor(args[0]));
    commands.registerCommand(ServerCommands.editNote, (args) => tags.editNote(args[0]));
    commands.registerCommand(ServerCommands.tagOccurrences, async (args) => {
      const r = await tags.tagOccurrences(args[0]);
      ctx.client.showResult(r.added ? `tagged ${r.added} passage${r.added === 1 ? '' : 's'} in ${r.articles} article${r.articles === 1 ? '' : 's'}.` : 'every occurrence had the tag already.');
      return r;
    });
    commands.registerCommand(ServerCommands.renameTag, async (args) => {
      const r = await tags.renameTag(args[0]);
      const skipped = r.skipped.length ? ` ${r.skipped.length} sidecar(s) that do not parse were left untouched: ${r.skipped.join(', ')}.` : '';
      ctx.client.showResult(`renamed ${r.tags} tag${r.tags === 1 ? '' : 's'} in ${r.articles} article${r.articles === 1 ? '' : 's'}.${skipped}`);
      return r;
    });
    commands.registerCommand(ServerCommands.undoTag, async () => {
      const r = await tags.undo();
      ctx.client.showResult(r.undone ? `undone: ${r.undone}.` : 'nothing to undo.');
      return r;
    });
    handleRequest(connection, Requests.taxonomy, () => ({}), () => tags.taxonomy());
    handleRequest(connection, Requests.listTags, parseListTagsParams, (params) => tags.list(params.uri));
    // Saving an article stores where its tags moved while it was edited.
    ctx.documents.onDidSave(({ document }) => {
      const file = uriToPath(document.uri);
      if (file) void tags.saveTracked(file, document.uri, document.getText());
    });
  },
};
