/**
 * Tags in the editor: the model and the taxonomy fetched from the server, the Corpus Tags tree (grouping, filter),
 * the sticky active tag in the status bar, the commands and the highlights.
 */
import * as vscode from 'vscode';
import { ActiveTag } from './activeTag';
import type { ClientFeature } from './clientContext';
import { registerTagCommands } from './tagCommands';
import { TagDecorations } from './tagDecorations';
import { TagModel } from './tagModel';
import type { TagPrompts } from './tagPrompts';
import { TagsTreeProvider } from './tagsTree';
import { TaxonomyModel } from './taxonomyModel';

export const tagsFeature: ClientFeature = {
  register(ctx) {
    const memento = ctx.extension.workspaceState;
    const tags = new TagModel(ctx.client);
    const taxonomy = new TaxonomyModel(ctx.client);
    const activeTag = new ActiveTag(memento);
    const tagsTree = new TagsTreeProvider(tags, memento);
    const tagsView = vscode.window.createTreeView('corpusAnnotator.tags', { treeDataProvider: tagsTree, showCollapseAll: true });
    const tagDecorations = new TagDecorations(tags, taxonomy);
    const tagPrompts: TagPrompts = { current: undefined };

    // The view says how it is grouped and filtered: in its title's description (cut short when the side bar is
    // narrow) and, while a filter is on, in its message above the rows.
    const showState = (): void => {
      const filter = tagsTree.filter;
      const { shown, total } = tagsTree.counts;
      void vscode.commands.executeCommand('setContext', 'corpusAnnotator.tagsGroupBy', tagsTree.groupBy);
      void vscode.commands.executeCommand('setContext', 'corpusAnnotator.tagsFiltered', !!filter);
      const by = tagsTree.groupBy === 'article' ? 'by article' : '';
      tagsView.description = [by, filter ? `filter “${filter.text}”: ${shown} of ${total}` : ''].filter(Boolean).join(' · ') || undefined;
      tagsView.message = !filter
        ? undefined
        : shown
          ? `Filter “${filter.text}”: ${shown} of ${total} tags.`
          : `No tag matches “${filter.text}” (${total} in all). Clear the filter to see them.`;
    };
    showState();

    Object.assign(ctx.exports, { tags, tagsTree, tagsView, taxonomy, activeTag, tagDecorations, tagPrompts });
    void tags.refresh();
    void taxonomy.refresh();
    return [
      tags,
      taxonomy,
      activeTag,
      tagsTree,
      tagsView,
      tagDecorations,
      tagsTree.onDidChangeState(showState),
      ...registerTagCommands({ client: ctx.client, model: tags, taxonomy, activeTag, tree: tagsTree, memento, prompts: tagPrompts }),
    ];
  },
};
