/**
 * `corpus-annotator merge-driver %O %A %B %P`: git's merge driver for the analysts' YAML files (installed by
 * `setup-git`). Merges the base (%O), ours (%A) and theirs (%B) by record identity (core/annotations/merge.ts) and
 * writes the result over %A. Two different changes of one record are kept in the file's `conflicts:` section, never as
 * conflict markers, so the merge is clean (exit 0) and git stages the file. A file that does not parse is not merged:
 * exit 1, %A untouched, and git reports the file as conflicted.
 */
import { promises as fs } from 'node:fs';
import { analystFileKind, mergeAnalystFile } from '../core/index';
import type { CliCommand } from './args';
import { CliError, type CliIo } from './openWorkspace';

export type MergeDriverCommand = Extract<CliCommand, { command: 'merge-driver' }>;

export async function runMergeDriver(command: MergeDriverCommand, io: CliIo): Promise<number> {
  const shown = command.path ?? command.ours;
  const read = async (file: string, what: string): Promise<string> => {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(`${shown}: cannot read ${what} (${file}): ${(e as Error).message}`, 1);
    }
  };
  const [base, ours, theirs] = [await read(command.base, 'the base'), await read(command.ours, 'our version'), await read(command.theirs, 'their version')];
  const kind = analystFileKind(command.path ?? '', [ours, theirs, base]);
  const result = mergeAnalystFile(kind, base, ours, theirs);
  if (!result.ok) {
    for (const p of result.problems) io.err(`${shown}:${p.line + 1}:${p.column + 1}: ${p.message} (${p.side === 'ours' ? 'our' : p.side === 'theirs' ? 'their' : 'the base'} version)\n`);
    io.err(`corpus-annotator: ${shown} was not merged: fix the version that does not parse and merge again.\n`);
    return 1;
  }
  if (result.text !== ours) await fs.writeFile(command.ours, result.text, 'utf8');
  for (const c of result.conflicts) {
    io.err(`corpus-annotator: ${shown}: kept both versions of ${c.list} ${c.key} in \`conflicts:\` (${c.message}); resolve it in the file.\n`);
  }
  return 0;
}
