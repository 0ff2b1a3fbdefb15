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
    executeCommandProvider: { commands: [ServerCommands.addTag, ServerCommands.removeTag, ServerCommands.reanchorTag, ServerCommands.editNote] },
  },
  register(ctx) {
    const { connection, tags, commands } = ctx;
    commands.registerCommand(ServerCommands.addTag, async (args) => {
      const { item } = await tags.addTag(args[0] as AddTagArgs);
      ctx.client.showResult(`tagged “${item.quote.length > 60 ? `${item.quote.slice(0, 57)}…` : item.quote}” as ${item.tag}.`);
      return item;
    });
    commands.registerCommand(ServerCommands.removeTag, async (args) => {
      const removed = await tags.removeTag(args[0] as RemoveTagArgs);
      ctx.client.showResult(removed ? 'tag removed.' : 'there was no such tag (it may have been removed already).');
      return removed;
    });
    commands.registerCommand(ServerCommands.reanchorTag, (args) => tags.reanchor(args[0]));
    commands.registerCommand(ServerCommands.editNote, (args) => tags.editNote(args[0]));
    handleRequest(connection, Requests.listTags, parseListTagsParams, (params) => tags.list(params.uri));
    // Saving an article stores where its tags moved while it was edited.
    ctx.documents.onDidSave(({ document }) => {
      const file = uriToPath(document.uri);
      if (file) void tags.saveTracked(file, document.uri, document.getText());
    });
  },
};
