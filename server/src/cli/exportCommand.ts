/** `corpus-annotator export`: the tags, re-anchored, as W3C Web Annotations (JSON-LD) or RFC 4180 CSV, on standard output. */
import type { CliCommand } from './args';
import { openWorkspace, type CliIo } from './openWorkspace';
import { collectTags } from './tagsCommand';
import { exportedTags } from '../workspace/tagExport';

export type ExportCommand = Extract<CliCommand, { command: 'export' }>;

export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { consequence: 'its tags are not exported' });
  const tags = await collectTags(ws, command.paths);
  io.out(exportedTags(tags, command.format));
  io.err(`corpus-annotator: exported ${tags.length} tag${tags.length === 1 ? '' : 's'}.\n`);
  return 0;
}
