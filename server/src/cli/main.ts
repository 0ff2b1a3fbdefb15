#!/usr/bin/env node
/** `corpus-annotator`: the same analysis core as the language server, headless. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService } from '../core/index';
import { loadNerModel } from '../node/nerModelFile';
import { parseArgs, USAGE, UsageError } from './args';
import { toJson, toTextLines } from './analyzeOutput';
import { printTimeline } from './timelineCommand';

const VERSION = '0.1.0';

class InputError extends Error {}

async function expand(p: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    throw new InputError(`Cannot read '${p}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
  }
  if (stat.isFile()) return [p];
  if (stat.isDirectory()) {
    const names = (await fs.readdir(p)).filter((n) => n.endsWith('.txt')).sort();
    return names.map((n) => path.join(p, n));
  }
  throw new InputError(`'${p}' is neither a file nor a folder.`);
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return (rel && !rel.startsWith('..') ? rel : path.resolve(p)).split(path.sep).join('/');
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
  const service = createCorpusService({ nerModel: loadNerModel() });
  const keys: string[] = [];
  try {
    const files = (await Promise.all(command.paths.map(expand))).flat();
    for (const file of files) {
      const key = displayPath(file);
      if (keys.includes(key)) continue;
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        throw new InputError(`Cannot read '${file}': ${(e as Error).message}`);
      }
      service.setDocument(key, text);
      keys.push(key);
    }
  } catch (e) {
    if (e instanceof InputError) {
      err(`corpus-annotator: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (command.command === 'timeline') {
    printTimeline(service, keys, command.format, out);
    return 0;
  }
  const analyses = keys.map((k) => service.analyze(k, { dates: { includeDurations: true } }));
  if (command.format === 'json') out(toJson(analyses) + '\n');
  else for (const a of analyses) for (const line of toTextLines(a, service.getText(a.uri) ?? '', service)) out(line + '\n');
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
