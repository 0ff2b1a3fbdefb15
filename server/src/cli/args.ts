/** Command-line parsing for `corpus-annotator`. */
export type Format = 'json' | 'text';
export type TimelineFormat = 'json' | 'csv' | 'text';

export type CliCommand =
  | { command: 'analyze'; format: Format; paths: string[]; workspace?: string }
  | { command: 'timeline'; format: TimelineFormat; paths: string[]; workspace?: string }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: corpus-annotator analyze [--format json|text] [--workspace DIR] PATH...
       corpus-annotator timeline [--format json|csv|text] [--workspace DIR] PATH...

  PATH     an article (.txt) or a folder (its *.txt files, in subfolders too)
  --workspace DIR
           the workspace folder (default: the current folder). Its articles (corpusAnnotator.corpus in
           DIR/.vscode/settings.json, default seeds/**/*.txt), entity registry and ignore list are used exactly as
           the editor uses them, so the findings are the editor's
  analyze  every finding: names, dates, boilerplate
           --format json: one JSON document with every finding; text (default): one finding a line,
           path:line:col: kind: message
  timeline every dated mention in time order (dated, then unknown year, then undated), with its sentence
           --format json: {"version":1,"entries":[...]}; csv: one row a mention, header
           value,kind,start,end,path,line,column,text,sentence,group; text (default): one mention a line

Exit codes: 0 success, 2 bad arguments or unreadable input.`;

export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('No command given.');
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'analyze' && command !== 'timeline') throw new UsageError(`Unknown command '${command}'.`);
  const formats: readonly string[] = command === 'timeline' ? ['json', 'csv', 'text'] : ['json', 'text'];
  let format = 'text';
  let workspace: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (value === undefined || !formats.includes(value)) {
        throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not '${value ?? ''}'.`);
      }
      format = value;
    } else if (a === '--workspace' || a.startsWith('--workspace=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!value) throw new UsageError('--workspace needs a folder.');
      workspace = value;
    } else if (a === '--help' || a === '-h') return { command: 'help' };
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option '${a}'.`);
    else paths.push(a);
  }
  if (!paths.length) throw new UsageError(`${command} needs at least one PATH.`);
  const extra = workspace === undefined ? {} : { workspace };
  return command === 'timeline' ? { command, format: format as TimelineFormat, paths, ...extra } : { command, format: format as Format, paths, ...extra };
}
