/**
 * `corpus-annotator setup-git`: installs the merge driver in the git repository of the workspace folder:
 * - `.gitattributes` (at the top of the repository) gets `<annotations folder>/**\/*.yaml merge=corpus-annotator`;
 * - the repository's git config gets `merge.corpus-annotator.name` and `merge.corpus-annotator.driver`, which runs
 *   this very CLI (`node <abs>/dist/cli.js merge-driver %O %A %B %P`), so no global install is needed.
 * Running it again changes nothing that is already there.
 */
import { execFile } from 'node:child_process';
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';
import type { CliCommand } from './args';
import { CliError, type CliIo } from './openWorkspace';

export type SetupGitCommand = Extract<CliCommand, { command: 'setup-git' }>;

export const DRIVER_NAME = 'corpus-annotator';

/** The command git runs: this CLI by its absolute path. */
export function driverCommand(cliPath: string): string {
  const quoted = /^[\w@%+=:,./-]+$/.test(cliPath) ? cliPath : `'${cliPath.replace(/'/g, `'\\''`)}'`;
  return `node ${quoted} merge-driver %O %A %B %P`;
}

/** The `.gitattributes` line for an annotations folder at `relative` (from the repository's top, `/` separators). */
export function attributesLine(relative: string): string {
  const dir = relative.split(path.sep).join('/').replace(/^\.\/?/, '').replace(/\/$/, '');
  return `${dir ? `${dir}/` : ''}**/*.yaml merge=${DRIVER_NAME}`;
}

export async function runSetupGit(command: SetupGitCommand, io: CliIo, cliPath = currentCli()): Promise<number> {
  const root = path.resolve(command.workspace ?? '.');
  const git = async (...args: string[]): Promise<string> => {
    try {
      return (await promisify(execFile)('git', args, { cwd: root })).stdout.trim();
    } catch (e) {
      throw new CliError(`git ${args.join(' ')} failed: ${((e as { stderr?: string }).stderr || (e as Error).message).trim()}`, 1);
    }
  };
  const top = await git('rev-parse', '--show-toplevel').catch(() => {
    throw new CliError(`${root} is not in a git repository; run git init first.`, 1);
  });
  let settingsText: string | undefined;
  try {
    settingsText = await nodeFileSystem.readText(path.join(root, SETTINGS_FILE));
  } catch {
    settingsText = undefined;
  }
  const annotations = path.resolve(realpathSync(root), settingsFromJson(settingsText).settings.annotationsFolder);
  const line = attributesLine(path.relative(realpathSync(top), annotations));
  const attributesFile = path.join(top, '.gitattributes');
  let attributes = '';
  try {
    attributes = await fs.readFile(attributesFile, 'utf8');
  } catch {
    attributes = '';
  }
  if (attributes.split(/\r?\n/).some((l) => l.trim() === line)) io.out(`.gitattributes already has: ${line}\n`);
  else {
    await fs.writeFile(attributesFile, `${attributes}${attributes && !attributes.endsWith('\n') ? '\n' : ''}${line}\n`, 'utf8');
    io.out(`.gitattributes: added ${line}\n`);
  }
  const driver = driverCommand(cliPath);
  await git('config', `merge.${DRIVER_NAME}.name`, 'Corpus Annotator: three-way merge of analyst YAML files by record');
  await git('config', `merge.${DRIVER_NAME}.driver`, driver);
  io.out(`git config merge.${DRIVER_NAME}.driver "${driver}"\n`);
  io.out('Commit .gitattributes so that every clone uses it; each clone runs `corpus-annotator setup-git` once for the git config.\n');
  return 0;
}

function currentCli(): string {
  const script = process.argv[1] ?? '';
  try {
    return realpathSync(script);
  } catch {
    return path.resolve(script);
  }
}
