/** `corpus-annotator tags`: every tag of the workspace (or of some PATHs), re-anchored against the articles as they are now. */
import type { CliCommand } from './args';
import { displayPath, openWorkspace, tagScope, type CliIo, type OpenedWorkspace } from './openWorkspace';
import { tagsJson, tagsTextLines, type ListedTag } from '../core/annotations/tagsOutput';
import { folderTags } from '../workspace/tagExport';

export type TagsCommand = Extract<CliCommand, { command: 'tags' }>;

/** The tags of the sidecars that parse, of the articles the PATHs select (all when none), re-anchored. */
export async function collectTags(ws: OpenedWorkspace, paths: readonly string[]): Promise<ListedTag[]> {
  return folderTags(ws.corpus, await tagScope(ws, paths));
}

export async function runTags(command: TagsCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { consequence: 'its tags are not listed' });
  const tags = await collectTags(ws, command.paths);
  if (command.format === 'json') io.out(tagsJson(tags) + '\n');
  else for (const line of tagsTextLines(tags, (p) => displayPath(ws.corpus.resolve(p)))) io.out(line + '\n');
  return 0;
}
