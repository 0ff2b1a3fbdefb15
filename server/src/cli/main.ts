#!/usr/bin/env node
/**
 * `corpus-annotator`: the language server's analysis and the analysts' tags, headless. Every command opens the
 * workspace folder with the same model the server uses (openWorkspace.ts → workspace/openCorpus.ts), so articles,
 * sidecars, the registry and the ignore list are the editor's. Each command is one file beside this one.
 */
import { runAdjudicate } from './adjudicateCommand';
import { runAgree } from './agreeCommand';
import { runAnalyze } from './analyzeCommand';
import { runAnalyzePhase } from './analyzePhases';
import { parseArgs, USAGE, UsageError, type CliCommand } from './args';
import { runCheck } from './checkCommand';
import { runExport } from './exportCommand';
import { runMergeDriver } from './mergeDriverCommand';
import { runSetupGit } from './setupGitCommand';
import { runImport } from './importCommand';
import { CliError, type CliIo } from './openWorkspace';
import { runTag } from './tagCommand';
import { runTags } from './tagsCommand';
import { runWorker } from './workerCommand';
import { limitHeapGrowth } from '../node/heapGrowth';
import { limitInlining } from '../node/compilerInlining';

const VERSION = '0.1.0';

function run(command: Exclude<CliCommand, { command: 'help' | 'version' }>, io: CliIo): Promise<number> {
  switch (command.command) {
    case 'analyze':
    case 'timeline':
      return runAnalyze(command, io);
    case 'analyze-phase':
      return runAnalyzePhase(command, io);
    case 'worker':
      return runWorker(command, io);
    case 'tag':
      return runTag(command, io);
    case 'tags':
      return runTags(command, io);
    case 'export':
      return runExport(command, io);
    case 'import':
      return runImport(command, io);
    case 'check':
      return runCheck(command, io);
    case 'merge-driver':
      return runMergeDriver(command, io);
    case 'setup-git':
      return runSetupGit(command, io);
    case 'agree':
      return runAgree(command, io);
    case 'adjudicate':
      return runAdjudicate(command, io);
  }
}

/**
 * Runs one command line; resolves to the exit code. `out` and `err` receive standard output and standard error;
 * `drained`, when given, resolves once what `out` received has been written (CliIo.drained).
 */
export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, drained?: () => Promise<void>): Promise<number> {
  let command: CliCommand;
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
  try {
    return await run(command, { out, err, ...(drained ? { drained } : {}) });
  } catch (e) {
    if (e instanceof CliError) {
      err(`corpus-annotator: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

if (require.main === module) {
  // `analyze` holds a whole corpus: its memory stays nearer what is live, as the server's does (heapGrowth.ts).
  limitHeapGrowth();
  // Before `analyze` starts its analysis workers (compilerInlining.ts).
  limitInlining();
  // Output piped into `head` and the like: when the reader goes away, stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // Standard output's writes wait in memory while the reader (a pipe, `| jq`, `| gzip`) has not taken them: commands that
  // print much wait for it to drain (a broken pipe ends the process above).
  const drained = (): Promise<void> => {
    const stdout = process.stdout;
    if (!stdout.writableNeedDrain || stdout.destroyed) return Promise.resolve();
    // Closed without draining (no 'error'): nothing more will go out, and nothing waits for it.
    return new Promise((resolve) => {
      const done = () => {
        stdout.off('drain', done);
        stdout.off('close', done);
        resolve();
      };
      stdout.once('drain', done);
      stdout.once('close', done);
    });
  };
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), drained).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`corpus-annotator: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
