/**
 * Command-line parsing for `corpus-annotator`. Options are read by Node's own `util.parseArgs` (strict: unknown options
 * and missing values are errors); this file says which options each command takes and checks their values.
 */
import { parseArgs as parseOptions } from 'node:util';
import { validateTagLabel } from '../core/index';

export type Format = 'json' | 'text';
export type AnalyzeFormat = Format | 'jsonl';
export type TimelineFormat = 'json' | 'csv' | 'text';
export type ExportFormat = 'wadm' | 'csv';

interface WithWorkspace {
  /** `--workspace DIR`; absent means the current folder. */
  workspace?: string;
}

/** What `tag` tags: a range of one article, or every occurrence of a text in the articles under some paths. */
export type TagTarget = { kind: 'range'; file: string; start: number; end: number } | { kind: 'match'; text: string; paths: string[] };

export type CliCommand =
  | ({ command: 'analyze'; format: AnalyzeFormat; paths: string[]; filesFrom?: string } & WithWorkspace)
  | ({ command: 'analyze-phase'; phase: 'map' | 'reduce' | 'distributed'; format: 'json' | 'jsonl'; paths: string[]; filesFrom?: string; redis?: string } & WithWorkspace)
  | { command: 'worker'; redis: string; concurrency: number }
  | ({ command: 'timeline'; format: TimelineFormat; paths: string[] } & WithWorkspace)
  | ({ command: 'tag'; tag: string; note?: string; author?: string; target: TagTarget } & WithWorkspace)
  | ({ command: 'tags'; format: Format; paths: string[] } & WithWorkspace)
  | ({ command: 'export'; format: ExportFormat; paths: string[] } & WithWorkspace)
  | ({ command: 'import'; format: 'wadm'; file: string; dryRun: boolean } & WithWorkspace)
  | ({ command: 'check' } & WithWorkspace)
  | { command: 'merge-driver'; base: string; ours: string; theirs: string; path?: string }
  | ({ command: 'setup-git' } & WithWorkspace)
  | ({ command: 'agree'; a: string; b: string; format: Format } & WithWorkspace)
  | ({ command: 'adjudicate'; a: string; b: string; document?: string; choices: AdjudicateChoices; format: Format } & WithWorkspace)
  | { command: 'help' }
  | { command: 'version' };

export type AdjudicationChoiceArg = 'a' | 'b' | 'both' | 'neither';
const CHOICES: readonly AdjudicationChoiceArg[] = ['a', 'b', 'both', 'neither'];

/** `adjudicate`: nothing (list), one choice for every disagreement (--take), or a choice per disagreement number. */
export type AdjudicateChoices =
  | { kind: 'list' }
  | { kind: 'take'; choice: AdjudicationChoiceArg }
  | { kind: 'choose'; choices: ReadonlyMap<number, AdjudicationChoiceArg> };

export class UsageError extends Error {}

export const USAGE = `Usage: corpus-annotator analyze [--format json|jsonl|text] [--workspace DIR] [--files-from FILE|-] PATH...
       corpus-annotator analyze --phase map [--workspace DIR] [--files-from FILE|-] PATH...
       corpus-annotator analyze --phase reduce [--format json|jsonl] [--workspace DIR] FILE...|-
       corpus-annotator analyze --phase distributed --redis URL [--format json|jsonl] [--workspace DIR] [--files-from FILE|-] PATH...
       corpus-annotator worker --redis URL [--concurrency N]
       corpus-annotator timeline [--format json|csv|text] [--workspace DIR] PATH...
       corpus-annotator tag --tag NAME [--note TEXT] [--author NAME] --file PATH --start N --end M [--workspace DIR]
       corpus-annotator tag --tag NAME [--note TEXT] [--author NAME] --match TEXT PATH... [--workspace DIR]
       corpus-annotator tags [--format json|text] [--workspace DIR] [PATH...]
       corpus-annotator export --format wadm|csv [--workspace DIR] [PATH...]
       corpus-annotator import --format wadm [--dry-run] [--workspace DIR] FILE
       corpus-annotator check [--workspace DIR]
       corpus-annotator setup-git [--workspace DIR]
       corpus-annotator merge-driver BASE OURS THEIRS [PATH]
       corpus-annotator agree --a A --b B [--format json|text] [--workspace DIR]
       corpus-annotator adjudicate --a A --b B [--document PATH] [--choose N=a|b|both|neither ... | --take a|b|both|neither]
                                  [--format json|text] [--workspace DIR]

  --workspace DIR
           the workspace folder (default: the current folder). Its articles (corpusAnnotator.corpus in
           DIR/.vscode/settings.json, default seeds/**/*.txt), annotations folder, entity registry and ignore list
           are used exactly as the editor uses them
  PATH     analyze, timeline: an article (.txt) or a folder (its *.txt files, in subfolders too), from the current
           folder. tag, tags, export: an article or a folder of articles, relative to the workspace folder
  analyze  every finding: names, dates, boilerplate
           --format json: one JSON document with every finding; jsonl: one JSON document a line, per article,
           printed as each is done; text (default): one finding a line, path:line:col: kind: message.
           --files-from FILE: more PATHs, one a line (blank lines skipped), from FILE or, with -, standard input
           --phase map: the per-article step only, one JSON record a line (the article's names, dates, text and
           keys); --phase reduce: joins such records (FILEs, or - for standard input; any order) into what
           --format json|jsonl (default json) prints for one run over the same articles; --phase distributed:
           the map step on workers over Redis (--redis redis://HOST:PORT or unix:///PATH), then the reduce here
  worker   runs map jobs from Redis (--redis URL) until stopped (SIGINT/SIGTERM); run one a core, on any number of
           machines. --concurrency N: jobs in progress at once (default 1; the analysis itself uses one core)
  timeline every dated mention in time order (dated, then unknown year, then undated), with its sentence
           --format json: {"version":1,"entries":[...]}; csv: one row a mention, header
           value,kind,start,end,path,line,column,text,sentence,group,inBoilerplate; text (default): one mention a
           line. A date inside boilerplate is marked (inBoilerplate, or [boilerplate] after it), as in the editor
  tag      tags [N, M) of an article (UTF-16 offsets into its current text), or every occurrence of the literal
           TEXT in the articles under each PATH, as the editor's Tag Selection does. A passage that already has
           the tag is not tagged twice. --author defaults to the corpusAnnotator.author setting, else git's user.name
  tags     every tag, re-anchored against the articles as they are now: anchored, moved, fuzzy or orphaned
           --format json: {"version":1,"tags":[{"id","tag","path","start","end","quote","status","note",...}]}
           (start and end are null for an orphan); text (default): path:line:col: tag [status] "quote"
  export   the tags, re-anchored, on standard output: W3C Web Annotations (--format wadm: JSON-LD, one
           AnnotationCollection) or RFC 4180 CSV (--format csv: header
           id,tag,path,start,end,quote,status,note,author,created,updated,confidence)
  import   reads a wadm export back into the sidecars: a tag with the same id is replaced, others are added,
           none is removed. --dry-run prints what would change and writes nothing
  check    validates every sidecar, the entity registry, the ignore list and the tag taxonomy
           (annotations/tags.yaml), printing FILE:LINE: message for each problem
  setup-git
           installs the merge driver in the workspace's git repository: the .gitattributes line
           (annotations/**/*.yaml merge=corpus-annotator) and the git config entry that runs this CLI
  merge-driver
           git's merge driver (%O %A %B %P): merges the analyst YAML files by record (tags by id, entities by id,
           ignore entries by passage, taxonomy by name) into OURS. Two different changes of one record are both
           kept in the file's conflicts: section (shown as a warning), never as conflict markers
  agree    agreement between two analysts' annotations: A and B are git refs or annotations folders. Per tag,
           span precision/recall/F1 (exact and overlap); Cohen's kappa and Gwet's AC1 on token labels; the
           registry's aliases and types that differ. --format json or text (default)
  adjudicate
           the disagreements between A's and B's tags (git refs or annotations folders, as for agree) in the article
           --document PATH (every article either tagged, without it), numbered from 1 in text order per article,
           with what the article's sidecar holds there now. --choose N=a|b|both|neither (repeatable; needs
           --document) keeps A's tags at disagreement N, B's, both or neither; --take CHOICE does so at every one.
           Written to the sidecars as the editor's Adjudicate does (other tags and comments kept, the merge conflicts
           on those tags resolved, a sidecar that does not parse left untouched). Without either, lists them

Exit codes: 0 success, 1 problems found (check), a file that cannot be written (tag, import) or
parsed (merge-driver), or git failing (setup-git, agree, adjudicate), 2 bad arguments or unreadable input.`;

const COMMANDS = ['analyze', 'worker', 'timeline', 'tag', 'tags', 'export', 'import', 'check', 'merge-driver', 'setup-git', 'agree', 'adjudicate'] as const;
type CommandName = (typeof COMMANDS)[number];

const FORMATS: Record<CommandName, readonly string[]> = {
  analyze: ['json', 'jsonl', 'text'],
  worker: [],
  timeline: ['json', 'csv', 'text'],
  tag: [],
  tags: ['json', 'text'],
  export: ['wadm', 'csv'],
  import: ['wadm'],
  check: [],
  'merge-driver': [],
  'setup-git': [],
  agree: ['json', 'text'],
  adjudicate: ['json', 'text'],
};

/** The options each command takes, besides --workspace and --help. */
const OPTIONS: Record<CommandName, readonly string[]> = {
  analyze: ['format', 'files-from', 'phase', 'redis'],
  worker: ['redis', 'concurrency'],
  timeline: ['format'],
  tag: ['tag', 'note', 'author', 'file', 'start', 'end', 'match'],
  tags: ['format'],
  export: ['format'],
  import: ['format', 'dry-run'],
  check: [],
  'merge-driver': [],
  'setup-git': [],
  agree: ['a', 'b', 'format'],
  adjudicate: ['a', 'b', 'format', 'document', 'choose', 'take'],
};

const OPTION_TYPES = {
  format: { type: 'string' },
  workspace: { type: 'string' },
  tag: { type: 'string' },
  note: { type: 'string' },
  author: { type: 'string' },
  file: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  match: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'files-from': { type: 'string' },
  phase: { type: 'string' },
  redis: { type: 'string' },
  concurrency: { type: 'string' },
  a: { type: 'string' },
  b: { type: 'string' },
  document: { type: 'string' },
  choose: { type: 'string', multiple: true },
  take: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = {
  [K in keyof typeof OPTION_TYPES]?: (typeof OPTION_TYPES)[K] extends { multiple: true } ? string[] : (typeof OPTION_TYPES)[K]['type'] extends 'boolean' ? boolean : string;
};

export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('No command given.');
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command '${command}'.`);
  const name = command as CommandName;
  const { values, positionals } = readOptions(name, rest);
  if (values.help) return { command: 'help' };
  const workspace = optionalWorkspace(values.workspace);
  const format = (fallback: string | undefined): string => {
    const formats = FORMATS[name];
    const value = values.format ?? fallback;
    if (value === undefined) throw new UsageError(`${name} needs --format ${formats.join(' or ')}.`);
    if (!formats.includes(value)) {
      const list = formats.length === 1 ? formats[0] : `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
      throw new UsageError(`--format must be ${list}, not '${value}'.`);
    }
    return value;
  };
  switch (name) {
    case 'worker': {
      if (values.workspace !== undefined) throw new UsageError('worker does not take --workspace: each job brings its settings.');
      if (positionals.length) throw new UsageError(`worker takes no PATH ('${positionals[0]}').`);
      if (!values.redis) throw new UsageError('worker needs --redis URL (redis://HOST:PORT or unix:///PATH).');
      const c = values.concurrency ?? '1';
      if (!/^\d{1,4}$/.test(c.trim()) || Number(c) < 1) throw new UsageError(`--concurrency must be a whole number from 1, not '${c}'.`);
      return { command: name, redis: values.redis, concurrency: Number(c) };
    }
    case 'analyze':
    case 'timeline': {
      if (name === 'analyze' && (values.phase !== undefined || values.redis !== undefined)) return phaseOptions(values, positionals, workspace);
      const filesFrom = values['files-from'];
      if (filesFrom === '') throw new UsageError('--files-from needs a file, or - for standard input.');
      if (!positionals.length && filesFrom === undefined) throw new UsageError(`${name} needs at least one PATH${name === 'analyze' ? ' or --files-from' : ''}.`);
      const f = format('text');
      return name === 'timeline'
        ? { command: name, format: f as TimelineFormat, paths: positionals, ...workspace }
        : { command: name, format: f as Format, paths: positionals, ...(filesFrom !== undefined ? { filesFrom } : {}), ...workspace };
    }
    case 'tags':
      return { command: name, format: format('text') as Format, paths: positionals, ...workspace };
    case 'export':
      return { command: name, format: format(undefined) as ExportFormat, paths: positionals, ...workspace };
    case 'import': {
      const f = format(undefined) as 'wadm';
      if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE: a wadm export.');
      return { command: name, format: f, file: positionals[0], dryRun: values['dry-run'] === true, ...workspace };
    }
    case 'check':
      if (positionals.length) throw new UsageError(`check takes no PATH; it checks every analyst file of the workspace (--workspace DIR).`);
      return { command: name, ...workspace };
    case 'tag':
      return { command: name, ...tagOptions(values, positionals), ...workspace };
    case 'setup-git':
      if (positionals.length) throw new UsageError('setup-git takes no PATH; give the workspace folder with --workspace DIR.');
      return { command: name, ...workspace };
    case 'merge-driver': {
      if (values.workspace !== undefined) throw new UsageError('merge-driver does not take --workspace.');
      if (positionals.length < 3 || positionals.length > 4) throw new UsageError('merge-driver needs BASE OURS THEIRS [PATH] (git passes %O %A %B %P).');
      const [base, ours, theirs, file] = positionals;
      return { command: name, base, ours, theirs, ...(file ? { path: file } : {}) };
    }
    case 'agree': {
      if (!values.a || !values.b) throw new UsageError('agree needs --a A and --b B: two git refs or two annotations folders.');
      if (positionals.length) throw new UsageError(`agree takes no PATH ('${positionals[0]}'); give --a and --b.`);
      return { command: name, a: values.a, b: values.b, format: format('text') as Format, ...workspace };
    }
    case 'adjudicate': {
      if (!values.a || !values.b) throw new UsageError('adjudicate needs --a A and --b B: two git refs or two annotations folders.');
      if (positionals.length) throw new UsageError(`adjudicate takes no PATH ('${positionals[0]}'); give the article with --document PATH.`);
      if (values.document === '') throw new UsageError('--document needs the path of an article.');
      return {
        command: name,
        a: values.a,
        b: values.b,
        ...(values.document !== undefined ? { document: values.document } : {}),
        choices: adjudicateChoices(values),
        format: format('text') as Format,
        ...workspace,
      };
    }
  }
}

function adjudicateChoices(values: Values): AdjudicateChoices {
  const choice = (s: string, what: string): AdjudicationChoiceArg => {
    if (!(CHOICES as readonly string[]).includes(s)) throw new UsageError(`${what} must be a, b, both or neither, not '${s}'.`);
    return s as AdjudicationChoiceArg;
  };
  const chosen = values.choose ?? [];
  if (values.take !== undefined && chosen.length) throw new UsageError('Give either --take (every disagreement) or --choose N=CHOICE, not both.');
  if (values.take !== undefined) return { kind: 'take', choice: choice(values.take, '--take') };
  if (!chosen.length) return { kind: 'list' };
  if (values.document === undefined) throw new UsageError('--choose needs --document PATH: disagreements are numbered per article.');
  const choices = new Map<number, AdjudicationChoiceArg>();
  for (const c of chosen) {
    const m = /^\s*(\d{1,6})\s*=\s*(\S+)\s*$/.exec(c);
    if (!m || Number(m[1]) < 1) throw new UsageError(`--choose takes N=a|b|both|neither, with N a disagreement's number from 1 (as listed), not '${c}'.`);
    const n = Number(m[1]);
    if (choices.has(n)) throw new UsageError(`--choose gives disagreement ${n} twice.`);
    choices.set(n, choice(m[2], `--choose ${n}=…`));
  }
  return { kind: 'choose', choices };
}

const PHASES = ['map', 'reduce', 'distributed'] as const;

/** `analyze --phase map|reduce|distributed` (analyzePhases.ts). */
function phaseOptions(values: Values, positionals: string[], workspace: WithWorkspace): CliCommand {
  const phase = values.phase;
  if (phase === undefined) throw new UsageError('--redis goes with --phase distributed.');
  if (!(PHASES as readonly string[]).includes(phase)) throw new UsageError(`--phase must be map, reduce or distributed, not '${phase}'.`);
  const p = phase as (typeof PHASES)[number];
  const filesFrom = values['files-from'];
  if (filesFrom === '') throw new UsageError('--files-from needs a file, or - for standard input.');
  if (p === 'map' && values.format !== undefined) throw new UsageError('analyze --phase map writes JSON lines and takes no --format.');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'jsonl') throw new UsageError(`--phase ${p} prints --format json or jsonl, not '${format}'.`);
  if (p === 'distributed' && !values.redis) throw new UsageError('analyze --phase distributed needs --redis URL (redis://HOST:PORT or unix:///PATH).');
  if (p !== 'distributed' && values.redis !== undefined) throw new UsageError(`--redis goes with --phase distributed, not --phase ${p}.`);
  if (p === 'reduce') {
    if (filesFrom !== undefined) throw new UsageError('analyze --phase reduce reads map outputs from FILEs or -, not --files-from.');
    if (!positionals.length) throw new UsageError('analyze --phase reduce needs at least one FILE of map output, or - for standard input.');
  } else if (!positionals.length && filesFrom === undefined) throw new UsageError(`analyze --phase ${p} needs at least one PATH or --files-from.`);
  return {
    command: 'analyze-phase',
    phase: p,
    format,
    paths: positionals,
    ...(filesFrom !== undefined ? { filesFrom } : {}),
    ...(values.redis !== undefined ? { redis: values.redis } : {}),
    ...workspace,
  };
}

function readOptions(name: CommandName, args: readonly string[]): { values: Values; positionals: string[] } {
  const allowed = new Set([...OPTIONS[name], 'workspace', 'help']);
  const options = Object.fromEntries(Object.entries(OPTION_TYPES).filter(([k]) => allowed.has(k)));
  try {
    const { values, positionals } = parseOptions({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      const message = (e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && OPTION_TYPES[optionName(message) as keyof typeof OPTION_TYPES]) {
        throw new UsageError(`${name} does not take --${optionName(message)}.`);
      }
      throw new UsageError(message);
    }
    throw e;
  }
}

/** `--tag` from "Unknown option '--tag'. …". */
function optionName(message: string): string {
  return /'--([^'=]+)'/.exec(message)?.[1] ?? '';
}

function optionalWorkspace(value: string | undefined): WithWorkspace {
  if (value === undefined) return {};
  if (!value) throw new UsageError('--workspace needs a folder.');
  return { workspace: value };
}

function tagOptions(values: Values, positionals: string[]): { tag: string; note?: string; author?: string; target: TagTarget } {
  if (values.tag === undefined) throw new UsageError('tag needs --tag NAME.');
  const problem = validateTagLabel(values.tag);
  if (problem) throw new UsageError(`--tag: ${problem}`);
  const tag = values.tag.trim();
  const extra = {
    ...(values.note !== undefined && values.note.trim() ? { note: values.note } : {}),
    ...(values.author !== undefined && values.author.trim() ? { author: values.author.trim() } : {}),
  };
  const ranged = values.file !== undefined || values.start !== undefined || values.end !== undefined;
  if (values.match !== undefined) {
    if (ranged) throw new UsageError('Give either --match TEXT with PATHs, or --file PATH --start N --end M, not both.');
    if (!values.match) throw new UsageError('--match needs the text to look for.');
    if (!positionals.length) throw new UsageError('tag --match TEXT needs at least one PATH (an article or a folder of articles).');
    return { tag, ...extra, target: { kind: 'match', text: values.match, paths: positionals } };
  }
  if (!ranged) throw new UsageError('tag needs --file PATH --start N --end M, or --match TEXT PATH...');
  if (positionals.length) throw new UsageError(`tag --file takes no other PATH ('${positionals[0]}'); use --match TEXT PATH... to tag several articles.`);
  if (!values.file) throw new UsageError('tag needs --file PATH: the article to tag.');
  const start = offset(values.start, '--start');
  const end = offset(values.end, '--end');
  if (end <= start) throw new UsageError(`--end (${end}) must be greater than --start (${start}).`);
  return { tag, ...extra, target: { kind: 'range', file: values.file, start, end } };
}

function offset(value: string | undefined, option: string): number {
  if (value === undefined) throw new UsageError(`tag --file needs ${option} N.`);
  if (!/^\d{1,15}$/.test(value.trim())) throw new UsageError(`${option} must be a whole number of UTF-16 code units from the start of the article, not '${value}'.`);
  return Number(value.trim());
}
