/**
 * Boilerplate for analysts: code actions on boilerplate diagnostics (ignore here, ignore everywhere, tag the passage),
 * the ignore commands (written by the folder's model to `<annotations>/ignored.yaml`) and the clusters request for a
 * tree view. Ignored findings are filtered in the core (corpusSync.ts hands it the lists as data), so diagnostics,
 * hovers and clusters agree.
 *
 * "Tag this passage…" is the client command `corpusAnnotator.tagRange` (a prompt for the tag), offered only to clients
 * that declare it (clientInfo.ts); other clients get "Tag this passage as “…”" for the tags most used in the folder,
 * which run the server's addTag command.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, type BoilerplateKind, type CancellationToken } from '../../core/index';
import { ServerCommands, type AddTagArgs } from '../../protocol';
import {
  BoilerplateClientCommands,
  BoilerplateCommands,
  BoilerplateRequests,
  type IgnoreBoilerplateArgs,
  type TagRangeArgs,
} from '../../protocolBoilerplate';
import { AnalystFileError } from '../../workspace/corpusFolder';
import { clusterList } from '../boilerplateClusterList';
import type { Feature, ServerContext } from '../context';
import { UserError } from '../tagService';
import { handleRequest, offsetsIn, oneOf, optionalInteger, optionalString, paramsObject, requiredRange, requiredString } from '../params';
import { uriToPath } from '../workspace';
import { untilIndexed } from '../untilIndexed';

const BOILERPLATE_KINDS: readonly BoilerplateKind[] = ['duplicate', 'near-duplicate', 'chrome'];

/** Ignore lists that do not parse, for the clusters view to show. */
function ignoreListProblems(ctx: ServerContext): { uri: string; message: string }[] {
  return ctx.workspace.all().flatMap((corpus) => {
    const problems = corpus.problems().get(corpus.ignoreFile);
    return problems?.length ? [{ uri: ctx.workspace.uriOf(corpus.ignoreFile), message: `line ${problems[0].line + 1}: ${problems[0].message}` }] : [];
  });
}

const IGNORE_COMMANDS = [BoilerplateCommands.ignoreHere, BoilerplateCommands.ignoreEverywhere];

/** Tags offered as one action each to clients without the tag prompt. */
const TAG_SUGGESTIONS = 3;

export const boilerplateActions: Feature = {
  capabilities: { executeCommandProvider: { commands: IGNORE_COMMANDS }, codeActionProvider: true },
  register(ctx) {
    const { connection, commands } = ctx;
    commands.registerCodeActions((params) => {
      const only = params.context.only;
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      const found = params.context.diagnostics.filter(isBoilerplate);
      if (!found.length) return [];
      const uri = params.textDocument.uri;
      const tags = ctx.client.hasCommand(BoilerplateClientCommands.tagRange) ? undefined : tagsInUse(ctx, uri);
      return found.flatMap((d) => actionsFor(uri, d, tags));
    });
    commands.registerCommand(BoilerplateCommands.ignoreHere, async (args, token) => {
      const changed = await ignore(ctx, args[0], 'here', token);
      ctx.client.showResult(changed ? 'the passage is ignored here.' : 'the passage was ignored here already.');
      return changed;
    });
    commands.registerCommand(BoilerplateCommands.ignoreEverywhere, async (args, token) => {
      const changed = await ignore(ctx, args[0], 'everywhere', token);
      ctx.client.showResult(changed ? 'the passage is ignored everywhere.' : 'the passage was ignored everywhere already.');
      return changed;
    });
    const clusters = clusterList(ctx);
    handleRequest(connection, BoilerplateRequests.clusters, (params, what) => ({ since: optionalInteger(params, 'since', what) }), async ({ since }, token) => {
      await untilIndexed(ctx.indexer.ready, token);
      return clusters.list(ignoreListProblems(ctx), token, since);
    });
    handleRequest(connection, BoilerplateRequests.clusterPlaces, (params, what) => ({ id: requiredString(params, 'id', what) }), async ({ id }, token) => {
      await untilIndexed(ctx.indexer.ready, token);
      return clusters.placesOf(id, token);
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

/** The tag labels of the folder holding `uri`, most used first (at most TAG_SUGGESTIONS). */
function tagsInUse(ctx: ServerContext, uri: string): string[] {
  const file = uriToPath(uri);
  const corpus = file ? ctx.workspace.corpusOf(file) : undefined;
  if (!corpus) return [];
  const counts = new Map<string, number>();
  for (const { sidecar } of corpus.allSidecars().values()) for (const t of sidecar.tags) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TAG_SUGGESTIONS).map(([t]) => t);
}

/** The actions on one boilerplate diagnostic; `tags` are the suggestions for clients without the tag prompt. */
function actionsFor(uri: string, d: Diagnostic, tags: readonly string[] | undefined): CodeAction[] {
  const kind = kindOf(d);
  const args: IgnoreBoilerplateArgs = { uri, range: d.range, ...(kind ? { kind } : {}) };
  const tagArgs: TagRangeArgs = { uri, range: d.range };
  const action = (title: string, command: string, a: unknown): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title, command, arguments: [a] },
  });
  const tagging = tags
    ? tags.map((tag) => action(`Tag this passage as “${tag}”`, ServerCommands.addTag, { uri, range: d.range, tag } satisfies AddTagArgs))
    : [action('Tag this passage…', BoilerplateClientCommands.tagRange, tagArgs)];
  return [
    action('Ignore this passage here', BoilerplateCommands.ignoreHere, args),
    action('Ignore this passage everywhere', BoilerplateCommands.ignoreEverywhere, args),
    ...tagging,
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
