/**
 * `corpus-annotator analyze` and `timeline`: the editor's analysis, headless. Each requested article is analysed in the
 * context of the whole corpus of the workspace folder (entity clusters, repeated passages, the registry and the ignore
 * list), so the findings are exactly the editor's.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { NEVER_CANCELLED } from '../core/index';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { analysisOptionsOf } from '../workspace/settings';
import { loadCorpus } from './loadCorpus';
import type { AnalyzeFormat, TimelineFormat } from './args';
import { shownOnce, toJsonDocument, toTextLines } from './analyzeOutput';
import { CliError, displayPath, openWorkspace, type CliIo } from './openWorkspace';
import { readFileOrStdin } from './readInput';
import { printTimeline } from './timelineCommand';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

export interface AnalyzeCommand {
  readonly command: 'analyze' | 'timeline';
  readonly format: AnalyzeFormat | TimelineFormat;
  /** Articles or folders, from the current folder. */
  readonly paths: readonly string[];
  /** A file listing more of them, one a line, or `-` for standard input (`--files-from`). */
  readonly filesFrom?: string;
  readonly workspace?: string;
}

/** The paths listed by `--files-from`: one a line, blank lines skipped, from a file or (`-`) standard input. */
export async function listedPaths(from: string): Promise<string[]> {
  const text = await readFileOrStdin(from, 'the list of articles');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l);
}

/** The articles a PATH names: the file itself, or the `.txt` files of a folder and its subfolders, sorted. */
export async function expand(p: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    throw new CliError(`Cannot read '${p}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
  }
  if (stat.isFile()) return [path.resolve(p)];
  if (stat.isDirectory()) {
    const files = await nodeFileSystem.listFiles(path.resolve(p), (dir) => {
      const name = path.basename(dir);
      return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);
    });
    return files.filter((f) => f.endsWith('.txt')).sort();
  }
  throw new CliError(`'${p}' is neither a file nor a folder.`);
}

export async function runAnalyze(command: AnalyzeCommand, io: CliIo): Promise<number> {
  const paths = [...command.paths, ...(command.filesFrom !== undefined ? await listedPaths(command.filesFrom) : [])];
  const requested = [...new Set((await Promise.all(paths.map(expand))).flat())];
  const workspace = await openWorkspace(command.workspace, io);
  const { settings } = workspace;
  const loaded = await loadCorpus(workspace, requested, io);
  const { service } = loaded;
  const keys = requested.filter((f) => service.hasDocument(f));
  const options = analysisOptionsOf(settings);
  // Each article's path made once for the run: every article lists its boilerplate's copies in others (a tenth of a
  // 10,000-article run's output time was spent making the same relative paths again).
  const shown = shownOnce(displayPath);
  if (command.command === 'timeline') {
    printTimeline(service, keys, command.format as TimelineFormat, io.out, options, shown);
    await loaded.save();
    return 0;
  }
  // Streamed: each article is printed as soon as it is analysed, and what its analysis made is let go of after.
  if (command.format === 'json') io.out('{"version":1,"documents":[');
  for (const [i, k] of keys.entries()) {
    const a = service.analyze(k, options, NEVER_CANCELLED);
    if (command.format === 'json') io.out((i ? ',' : '') + JSON.stringify(toJsonDocument(a, shown)));
    else if (command.format === 'jsonl') io.out(JSON.stringify({ version: 1, ...toJsonDocument(a, shown) }) + '\n');
    else for (const line of toTextLines(a, service.getText(a.uri) ?? '', service, shown)) io.out(line + '\n');
    service.releaseAnalysis(k);
    // The article goes out before the next is analysed, however slowly the output is read.
    await io.drained?.();
  }
  if (command.format === 'json') io.out(']}\n');
  await loaded.save();
  return 0;
}
