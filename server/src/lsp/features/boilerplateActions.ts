/**
 * Boilerplate for analysts: code actions on boilerplate diagnostics (ignore here, ignore everywhere, tag the passage),
 * the ignore commands (written by the folder's model to `<annotations>/ignored.yaml`) and the clusters request for a
 * tree view. Ignored findings are filtered in the core (corpusSync.ts hands it the lists as data), so diagnostics,
 * hovers and clusters agree.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, type BoilerplateKind, type CancellationToken } from '../../core/index';
import {
  BoilerplateClientCommands,
  BoilerplateCommands,
  BoilerplateRequests,
  type IgnoreBoilerplateArgs,
  type TagRangeArgs,
} from '../../protocolBoilerplate';
import { AnalystFileError } from '../../workspace/corpusFolder';
import { listClusters } from '../boilerplateClusterList';
import type { Feature, ServerContext } from '../context';
import { UserError } from '../tagService';
import { offsetsIn, oneOf, optionalString, paramsObject, requiredRange, requiredString } from '../params';
import { uriToPath } from '../workspace';

const BOILERPLATE_KINDS: readonly BoilerplateKind[] = ['duplicate', 'near-duplicate', 'chrome'];

/** Ignore lists that do not parse, for the clusters view to show. */
function ignoreListProblems(ctx: ServerContext): { uri: string; message: string }[] {
  return ctx.workspace.all().flatMap((corpus) => {
    const problems = corpus.problems().get(corpus.ignoreFile);
    return problems?.length ? [{ uri: ctx.workspace.uriOf(corpus.ignoreFile), message: `line ${problems[0].line + 1}: ${problems[0].message}` }] : [];
  });
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
    commands.registerCommand(BoilerplateCommands.ignoreHere, (args, token) => ignore(ctx, args[0], 'here', token));
    commands.registerCommand(BoilerplateCommands.ignoreEverywhere, (args, token) => ignore(ctx, args[0], 'everywhere', token));
    connection.onRequest(BoilerplateRequests.clusters, async (_params, token) => {
      await ctx.indexer.ready;
      return listClusters(ctx, ignoreListProblems(ctx), token);
    });
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

async function ignore(ctx: ServerContext, raw: unknown, where: 'here' | 'everywhere', token: CancellationToken): Promise<boolean> {
  const what = where === 'here' ? 'Ignore this passage here' : 'Ignore this passage everywhere';
  const args = paramsObject(raw as IgnoreBoilerplateArgs | undefined, what);
  const file = uriToPath(requiredString(args, 'uri', what));
  if (!file) throw new UserError(`${what}: only files on disk can have passages ignored.`);
  const range = requiredRange(args, 'range', what);
  const kindArg = oneOf(args, 'kind', BOILERPLATE_KINDS, what);
  const note = optionalString(args, 'note', what);
  const text = ctx.openDocument(file)?.getText() ?? (await ctx.texts.textOf(file));
  if (text === undefined) throw new UserError(`Cannot read ${ctx.workspace.label(file)}.`);
  await ctx.workspace.ready;
  const corpus = ctx.workspace.corpusOf(file);
  if (!corpus) throw new UserError('Only articles inside a workspace folder can have passages ignored.');
  const { start, end } = offsetsIn(range, new LineIndex(text), what);
  let changed: boolean;
  try {
    if (where === 'here') {
      changed = await corpus.ignoreHere(file, text, start, end);
    } else {
      const kind = kindArg ?? findingKindAt(ctx, file, start, end, token) ?? 'duplicate';
      changed = await corpus.ignoreEverywhere(text.slice(start, end), kind, note);
    }
  } catch (e) {
    if (e instanceof AnalystFileError) throw new UserError(e.message);
    throw e;
  }
  return changed;
}

function findingKindAt(ctx: ServerContext, file: string, start: number, end: number, token: CancellationToken): BoilerplateKind | undefined {
  if (!ctx.service.hasDocument(file)) return undefined;
  return ctx.service.analyze(file, undefined, token).boilerplate.find((b) => b.start < end && start < b.end)?.kind;
}
