/**
 * Boilerplate for analysts: code actions on boilerplate diagnostics (ignore here, ignore everywhere, tag the passage),
 * the ignore commands (stored in `<annotations>/ignored.yaml`), the clusters request for a tree view, and the
 * `corpusAnnotator/boilerplateChanged` notification. Ignored findings are filtered in the core (the list is passed in
 * as data), so diagnostics, hovers and clusters agree.
 *
 * Hooks for the rest of the server: `boilerplateIgnores(ctx).load()` before indexing, `boilerplateFileChanged` from
 * the watched-files handler, `notifyBoilerplateChanged` after the corpus changed.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, type BoilerplateKind } from '../../core/index';
import {
  BoilerplateClientCommands,
  BoilerplateCommands,
  BoilerplateNotifications,
  BoilerplateRequests,
  type IgnoreBoilerplateArgs,
  type TagRangeArgs,
} from '../../protocolBoilerplate';
import { IgnoreFileError } from '../../store/ignoreStore';
import { BoilerplateIgnoreService } from '../boilerplateIgnores';
import { listClusters } from '../boilerplateClusterList';
import type { Feature, ServerContext } from '../context';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

interface State {
  readonly ignores: BoilerplateIgnoreService;
  timer?: NodeJS.Timeout;
}

const states = new WeakMap<ServerContext, State>();

function stateOf(ctx: ServerContext): State {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = { ignores: new BoilerplateIgnoreService(ctx.connection, ctx.workspace, ctx.service) }));
  return s;
}

/** The ignore lists of this server. */
export function boilerplateIgnores(ctx: ServerContext): BoilerplateIgnoreService {
  return stateOf(ctx).ignores;
}

/** Tells clients (debounced, once the corpus is indexed) that boilerplate findings and clusters may have changed. */
export function notifyBoilerplateChanged(ctx: ServerContext, delayMs = 300): void {
  const s = stateOf(ctx);
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => {
    s.timer = undefined;
    void ctx.indexer.ready.then(() => ctx.connection.sendNotification(BoilerplateNotifications.changed, {})).catch(() => undefined);
  }, delayMs);
}

/** For the watched-files handler: reloads the ignore list when `file` is one; true when it was. */
export async function boilerplateFileChanged(ctx: ServerContext, file: string): Promise<boolean> {
  const ignores = boilerplateIgnores(ctx);
  if (!(await ignores.isIgnoreFile(file))) return false;
  await ignores.load();
  ctx.validateSoon(0);
  notifyBoilerplateChanged(ctx, 0);
  return true;
}

const IGNORE_COMMANDS = [BoilerplateCommands.ignoreHere, BoilerplateCommands.ignoreEverywhere];

export const boilerplateActions: Feature = {
  capabilities: { executeCommandProvider: { commands: IGNORE_COMMANDS }, codeActionProvider: true },
  register(ctx) {
    const { connection, commands } = ctx;
    commands.registerCodeActions((params) => {
      const only = params.context.only;
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      return params.context.diagnostics.filter(isBoilerplate).flatMap((d) => actionsFor(params.textDocument.uri, d));
    });
    commands.registerCommand(BoilerplateCommands.ignoreHere, (args) => ignore(ctx, args[0], 'here'));
    commands.registerCommand(BoilerplateCommands.ignoreEverywhere, (args) => ignore(ctx, args[0], 'everywhere'));
    connection.onRequest(BoilerplateRequests.clusters, async () => {
      await ctx.indexer.ready;
      return listClusters(ctx, boilerplateIgnores(ctx).currentProblems());
    });
    // Edits of open articles change the corpus: tell clients once typing pauses.
    ctx.documents.onDidChangeContent(() => notifyBoilerplateChanged(ctx, 1000));
  },
};

function isBoilerplate(d: Diagnostic): boolean {
  const data = d.data as { kind?: unknown } | undefined;
  return data?.kind === 'boilerplate' || (d.source === 'corpus' && String(d.code ?? '').startsWith('boilerplate.'));
}

function kindOf(d: Diagnostic): BoilerplateKind | undefined {
  const data = d.data as { boilerplateKind?: unknown } | undefined;
  const k = data?.boilerplateKind ?? String(d.code ?? '').replace(/^boilerplate\./, '');
  return k === 'duplicate' || k === 'near-duplicate' || k === 'chrome' ? k : undefined;
}

function actionsFor(uri: string, d: Diagnostic): CodeAction[] {
  const kind = kindOf(d);
  const args: IgnoreBoilerplateArgs = { uri, range: d.range, ...(kind ? { kind } : {}) };
  const tagArgs: TagRangeArgs = { uri, range: d.range };
  const action = (title: string, command: string, a: unknown): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title, command, arguments: [a] },
  });
  return [
    action('Ignore this passage here', BoilerplateCommands.ignoreHere, args),
    action('Ignore this passage everywhere', BoilerplateCommands.ignoreEverywhere, args),
    action('Tag this passage…', BoilerplateClientCommands.tagRange, tagArgs),
  ];
}

async function ignore(ctx: ServerContext, raw: unknown, where: 'here' | 'everywhere'): Promise<boolean> {
  const args = raw as IgnoreBoilerplateArgs | undefined;
  const file = typeof args?.uri === 'string' ? uriToPath(args.uri) : undefined;
  if (!file || !args?.range) throw new UserError('Ignoring a passage needs the article URI and the passage range.');
  const text = ctx.openDocument(file)?.getText() ?? (await ctx.texts.textOf(file));
  if (text === undefined) throw new UserError(`Cannot read ${ctx.workspace.label(file)}.`);
  const store = await boilerplateIgnores(ctx).storeFor(file);
  if (!store) throw new UserError('Only articles inside a workspace folder can have passages ignored.');
  const lines = new LineIndex(text);
  const start = lines.offsetAt(args.range.start);
  const end = lines.offsetAt(args.range.end);
  let changed: boolean;
  try {
    if (where === 'here') {
      changed = await store.ignoreHere(file, text, start, end);
    } else {
      const kind = args.kind ?? findingKindAt(ctx, file, start, end) ?? 'duplicate';
      changed = await store.ignoreEverywhere(text.slice(start, end), kind, args.note);
    }
  } catch (e) {
    if (e instanceof IgnoreFileError) throw new UserError(e.message);
    throw e;
  }
  await boilerplateIgnores(ctx).load();
  ctx.validateSoon(0);
  notifyBoilerplateChanged(ctx, 0);
  return changed;
}

function findingKindAt(ctx: ServerContext, file: string, start: number, end: number): BoilerplateKind | undefined {
  if (!ctx.service.hasDocument(file)) return undefined;
  return ctx.service.analyze(file).boilerplate.find((b) => b.start < end && start < b.end)?.kind;
}
