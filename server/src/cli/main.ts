#!/usr/bin/env node
/**
 * `corpus-annotator`: the same analysis as the language server, headless. The workspace folder is opened with the
 * same model the server uses (workspace/openCorpus.ts) and its settings file, so its articles, entity registry and
 * ignore list are those the editor uses, and the findings are the editor's.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService, NEVER_CANCELLED } from '../core/index';
import { loadNerModel } from '../node/nerModelFile';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { ignoreRules } from '../workspace/analysisInputs';
import { openCorpus } from '../workspace/openCorpus';
import { analysisOptionsOf } from '../workspace/settings';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';
import { parseArgs, USAGE, UsageError } from './args';
import { toJson, toTextLines } from './analyzeOutput';
import { printTimeline } from './timelineCommand';

const VERSION = '0.1.0';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

class InputError extends Error {}

/** The articles a PATH names: the file itself, or the `.txt` files of a folder and its subfolders, sorted. */
async function expand(p: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    throw new InputError(`Cannot read '${p}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
  }
  if (stat.isFile()) return [path.resolve(p)];
  if (stat.isDirectory()) {
    const files = await nodeFileSystem.listFiles(path.resolve(p), (dir) => {
      const name = path.basename(dir);
      return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);
    });
    return files.filter((f) => f.endsWith('.txt')).sort();
  }
  throw new InputError(`'${p}' is neither a file nor a folder.`);
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`corpus-annotator: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (command.command === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  if (command.command === 'version') {
    out(VERSION + '\n');
    return 0;
  }
  const root = path.resolve(command.workspace ?? '.');
  let requested: string[];
  let settingsText: string | undefined;
  try {
    requested = [...new Set((await Promise.all(command.paths.map(expand))).flat())];
    settingsText = await nodeFileSystem.readText(path.join(root, SETTINGS_FILE));
  } catch (e) {
    if (e instanceof InputError) {
      err(`corpus-annotator: ${e.message}\n`);
      return 2;
    }
    err(`corpus-annotator: ${(e as Error).message}\n`);
    return 2;
  }
  const settingsFile = settingsFromJson(settingsText);
  if (!settingsFile.ok) err(`corpus-annotator: warning: ${settingsFile.message}\n`);
  const { settings } = settingsFile;
  const corpus = await openCorpus({ root, settings, fs: nodeFileSystem });
  for (const [file, problems] of corpus.problems()) {
    err(`corpus-annotator: warning: ${displayPath(file)}:${problems[0].line + 1}:${problems[0].column + 1}: ${problems[0].message} (not applied)\n`);
  }

  // The whole corpus of the folder gives each article its context (entity clusters, repeated passages), as in the editor.
  const service = createCorpusService({ nerModel: loadNerModel(), registry: corpus.registry() });
  service.setBoilerplateIgnores(ignoreRules([corpus]));
  for (const file of new Set([...corpus.articles(), ...requested])) {
    let text: string | undefined;
    try {
      text = await nodeFileSystem.readText(file);
    } catch (e) {
      if (!requested.includes(file)) continue;
      err(`corpus-annotator: Cannot read '${displayPath(file)}': ${(e as Error).message}\n`);
      return 2;
    }
    if (text === undefined) continue;
    if (text.length > settings.maxDocumentSize) {
      if (requested.includes(file)) err(`corpus-annotator: warning: ${displayPath(file)} not analysed: ${text.length} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).\n`);
      continue;
    }
    service.setDocument(file, text);
  }
  const keys = requested.filter((f) => service.hasDocument(f));
  const options = analysisOptionsOf(settings);
  if (command.command === 'timeline') {
    printTimeline(service, keys, command.format, out, options, displayPath);
    return 0;
  }
  const analyses = keys.map((k) => service.analyze(k, options, NEVER_CANCELLED));
  if (command.format === 'json') out(toJson(analyses, displayPath) + '\n');
  else for (const a of analyses) for (const line of toTextLines(a, service.getText(a.uri) ?? '', service, displayPath)) out(line + '\n');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`corpus-annotator: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
