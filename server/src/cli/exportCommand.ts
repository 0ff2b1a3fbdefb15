/** `corpus-annotator export`: the tags, re-anchored, as W3C Web Annotations (JSON-LD) or RFC 4180 CSV, on standard output. */
import type { CliCommand } from './args';
import { openWorkspace, type CliIo } from './openWorkspace';
import { collectTags } from './tagsCommand';
import { tagsCsv } from './tagsOutput';
import { webAnnotationJson } from './webAnnotation';

export type ExportCommand = Extract<CliCommand, { command: 'export' }>;

export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { consequence: 'its tags are not exported' });
  const tags = await collectTags(ws, command.paths);
  io.out(command.format === 'csv' ? tagsCsv(tags) : webAnnotationJson(tags));
  io.err(`corpus-annotator: exported ${tags.length} tag${tags.length === 1 ? '' : 's'}.\n`);
  return 0;
}
