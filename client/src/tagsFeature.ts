/** Tags in the editor: the model fetched from the server, the Corpus Tags tree, the commands and the highlights. */
import * as vscode from 'vscode';
import type { ClientFeature } from './clientContext';
import { TagModel } from './tagModel';
import { TagsTreeProvider } from './tagsTree';
import { registerTagCommands } from './tagCommands';
import { registerTagDecorations } from './tagDecorations';

export const tagsFeature: ClientFeature = {
  register(ctx) {
    const tags = new TagModel(ctx.client);
    const tagsTree = new TagsTreeProvider(tags);
    const tagsView = vscode.window.createTreeView('corpusAnnotator.tags', { treeDataProvider: tagsTree, showCollapseAll: true });
    Object.assign(ctx.exports, { tags, tagsTree, tagsView });
    void tags.refresh();
    return [tags, tagsTree, tagsView, registerTagDecorations(tags), ...registerTagCommands(ctx.client, tags, ctx.extension.workspaceState)];
  },
};
