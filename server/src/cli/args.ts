/** Command-line parsing for `corpus-annotator`. */
export type Format = 'json' | 'text';

export type CliCommand =
  | { command: 'analyze'; format: Format; paths: string[] }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: corpus-annotator analyze [--format json|text] PATH...

  PATH     an article (.txt) or a folder (its *.txt files)
  --format json: one JSON document with every finding; text (default): one finding a line,
           path:line:col: kind: message

Exit codes: 0 success, 2 bad arguments or unreadable input.`;

export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('No command given.');
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'analyze') throw new UsageError(`Unknown command '${command}'.`);
  let format: Format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (value !== 'json' && value !== 'text') throw new UsageError(`--format must be json or text, not '${value ?? ''}'.`);
      format = value;
    } else if (a === '--help' || a === '-h') return { command: 'help' };
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'.`);
    else paths.push(a);
  }
  if (!paths.length) throw new UsageError('analyze needs at least one PATH.');
  return { command: 'analyze', format, paths };
}
