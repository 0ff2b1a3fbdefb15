/** Tagging through LSP: workspace/executeCommand to add and remove tags, and a request listing them. */
import { Notifications, Requests, ServerCommands, type AddTagArgs, type RemoveTagArgs } from '../../protocol';
import type { Feature } from '../context';

export const tagsFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: [ServerCommands.addTag, ServerCommands.removeTag] } },
  register(ctx) {
    const { connection, tags, commands } = ctx;
    commands.registerCommand(ServerCommands.addTag, async (args) => {
      const item = await tags.addTag(args[0] as AddTagArgs);
      void connection.sendNotification(Notifications.tagsChanged, {});
      return item;
    });
    commands.registerCommand(ServerCommands.removeTag, async (args) => {
      const removed = await tags.removeTag(args[0] as RemoveTagArgs);
      void connection.sendNotification(Notifications.tagsChanged, {});
      return removed;
    });
    connection.onRequest(Requests.listTags, async (params: { uri?: string } | undefined) => tags.list(params?.uri));
  },
};
