/**
 * Tagging through LSP: workspace/executeCommand to add and remove tags, and a request listing them. Clients hear of
 * the change through `corpusAnnotator/tagsChanged`, sent by corpusSync.ts when the folder's model announces it.
 */
import { Requests, ServerCommands, type AddTagArgs, type RemoveTagArgs } from '../../protocol';
import type { Feature } from '../context';

export const tagsFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: [ServerCommands.addTag, ServerCommands.removeTag] } },
  register(ctx) {
    const { connection, tags, commands } = ctx;
    commands.registerCommand(ServerCommands.addTag, async (args) => (await tags.addTag(args[0] as AddTagArgs)).item);
    commands.registerCommand(ServerCommands.removeTag, (args) => tags.removeTag(args[0] as RemoveTagArgs));
    connection.onRequest(Requests.listTags, (params) => tags.list(params?.uri));
  },
};
