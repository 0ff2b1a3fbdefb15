/**
 * Analysts correct entities from their diagnostics: add a spelling as a name of another entity, mark it as an entity
 * of its own, change an entity's type, or say a string is not an entity. Each writes the registry and re-analyses
 * open articles at once (registryEditor.ts).
 *
 * Every correction is a server command with complete arguments (RegistryCommands), so any LSP editor can run it;
 * its arguments are checked (params.ts) and what it did is said to clients that drop command results
 * (`window/showMessage`, clientInfo.ts). Clients that declare their own pickers (`ClientEntityCommands`, in
 * `initializationOptions.clientCommands`; the VS Code client does) get one "Add as a name of…" and one "Change
 * type…" action that open a quick pick; other clients get one action per likely choice.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import {
  addAlias,
  confirmEntity,
  ENTITY_TYPES,
  entityTypeName,
  entityTypePhrase,
  LineIndex,
  markDifferent,
  mentionCountOf,
  possibleMerges,
  markNotEntity,
  registryKey,
  renameEntity,
  setType,
  type EntityCluster,
  type EntityRef,
  type EntityRegistry,
  type EntityType,
  type CancellationToken,
  type RegistryEdit,
} from '../../core/index';
import {
  ClientEntityCommands,
  RegistryCommands,
  type AddAliasArgs,
  type ConfirmEntityArgs,
  type EntityActionTarget,
  type MarkDifferentArgs,
  type NotEntityArgs,
  type RegistryEditResult,
  type SetTypeArgs,
} from '../../protocolEntities';
import type { Feature, ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { oneOf, optionalString, paramsObject, requiredString } from '../params';
import { registryMembership } from '../entityListing';
import { entityRefOf } from '../registryEditor';
import { UserError } from '../tagService';
import { readyOrCancelled } from '../untilIndexed';
import { uriToPath } from '../workspace';

const ALIAS_CANDIDATES = 3;

function isEntityDiagnostic(d: Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE && (d.data as { kind?: string } | undefined)?.kind === 'entity';
}

type Position = { line: number; character: number };
const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * Whether a diagnostic is under the cursor (an empty range: the position is inside the name or at one of its ends)
 * or meets the selection. Clients send every diagnostic of the line (VS Code does, for Ctrl+. on a plain word);
 * fixes are offered for the name under the cursor only.
 */
function underCursor(d: Diagnostic, range: { start: Position; end: Position }): boolean {
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  if (empty) return !before(range.start, d.range.start) && !before(d.range.end, range.start);
  return before(d.range.start, range.end) && before(range.start, d.range.end);
}

type Fields = Record<string, unknown>;

function requireType(args: Fields, what: string): EntityType {
  const type = oneOf(args, 'type', ENTITY_TYPES, what);
  if (!type) throw new UserError(`${what}: \`type\` must be one of ${ENTITY_TYPES.join(', ')}, got nothing.`);
  return type;
}

/** The single object argument of a registry command. */
function argsOf(raw: unknown[], what: string): Fields {
  return paramsObject(raw[0], what);
}

/** Other entities the spelling may name, best first (never its own). */
function aliasCandidates(ctx: ServerContext, text: string, own: EntityCluster, token: CancellationToken): EntityCluster[] {
  const clustering = ctx.service.entityClustering(token, 'fast');
  const byWord = nameWords(text).flatMap((w) => clustering.find(w));
  const seen = new Set<string>([own.entityId]);
  const out: EntityCluster[] = [];
  for (const c of [...clustering.find(text), ...byWord]) {
    if (seen.has(c.entityId) || mentionCountOf(c) === 0) continue;
    seen.add(c.entityId);
    out.push(c);
    if (out.length >= ALIAS_CANDIDATES) break;
  }
  return out;
}

function nameWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length >= 4);
}

/** Every entity of `refs` gets its registry entry, in one edit (one undo step). */
function confirmEntities(reg: EntityRegistry, refs: readonly EntityRef[]): RegistryEdit {
  let current = reg;
  let changed = false;
  const said: string[] = [];
  for (const ref of refs) {
    const edit = confirmEntity(current, ref);
    if (!edit.ok) return edit;
    current = edit.registry;
    changed ||= edit.changed;
    said.push(edit.message);
  }
  const message = refs.length > 1 ? `${said[0]}, kept apart from ${refs.slice(1).map((r) => r.canonical).join(', ')}` : said[0];
  return { ok: true, registry: current, changed, message };
}

/**
 * VS Code's second round of Ctrl+.: when nothing at the cursor has a quick fix (a plain word), it asks again at the
 * end of every diagnostic on the line (an empty range there, `only: ['quickfix']`) and lists every answer — every name
 * on the line. Such a request is told apart from Ctrl+. with the cursor just after a name, which has no `only`, and
 * from the Problems panel and the hover, which ask with the diagnostic's whole range. It gets no entity fix: fixes
 * are offered for the name under the cursor.
 */
function isLineMarkerFallback(params: CodeActionParams): boolean {
  const { range, context } = params;
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  if (!empty || context.only?.length !== 1 || context.only[0] !== CodeActionKind.QuickFix) return false;
  const at = range.start;
  return context.diagnostics.some((d) => isEntityDiagnostic(d) && d.range.end.line === at.line && d.range.end.character === at.character);
}

/**
 * The name the rest of the entity goes on under when `text` is split off: its canonical name, or, when `text` is the
 * canonical name itself, its next most frequent spelling (as markDifferent does). Undefined when there is none.
 */
function restName(cluster: EntityCluster, text: string): string | undefined {
  if (registryKey(cluster.canonical) !== registryKey(text)) return cluster.canonical;
  return [...cluster.spellings.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([s]) => s)
    .find((s) => registryKey(s) !== registryKey(text));
}

/** The code actions for one entity diagnostic. */
function actionsFor(ctx: ServerContext, target: EntityActionTarget, cluster: EntityCluster, diagnostic: Diagnostic, token: CancellationToken): CodeAction[] {
  const has = (command: string) => ctx.client.hasCommand(command);
  const run = (command: string, args: unknown, title: string): Command =>
    has(ClientEntityCommands.registryEdit)
      ? { title, command: ClientEntityCommands.registryEdit, arguments: [{ command, arguments: [args] }] }
      : { title, command, arguments: [args] };
  const action = (title: string, command: Command): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command });
  const { text, type } = target;
  const out: CodeAction[] = [];
  const inRegistry = registryMembership(ctx.workspace.corpusOf(uriToPath(target.uri) ?? '')?.registry());

  // On the worklist: the entities it may be, one action each, first; then confirming it as it is.
  const merges = possibleMerges(cluster, ctx.service.entityClustering(token, 'fast'), inRegistry);
  for (const c of merges) {
    const title =
      registryKey(c.canonical) === registryKey(text)
        ? `“${text}” is the same entity as ${c.canonical} (${entityTypeName(c.type)})`
        : `Add “${text}” as a name of ${c.canonical} (${entityTypeName(c.type)})`;
    const fix = action(title, run(RegistryCommands.addAlias, { entityId: c.entityId, alias: text } satisfies AddAliasArgs, title));
    out.push(merges.length === 1 ? { ...fix, isPreferred: true } : fix);
  }
  if (merges.length) {
    // Keeping them apart settles the pair: both in the registry, so it leaves the worklist.
    const names = merges.map((c) => c.canonical).join(', ');
    const title = `Keep ${cluster.canonical} apart from ${names} (all in the registry)`;
    const args: ConfirmEntityArgs = { entityId: cluster.entityId, apartFrom: merges.map((c) => c.entityId) };
    out.push(action(title, run(RegistryCommands.confirm, args, title)));
  } else if (!inRegistry(cluster)) {
    const title = `Confirm ${cluster.canonical} as ${entityTypePhrase(cluster.type)} (add it to the registry)`;
    const fix = action(title, run(RegistryCommands.confirm, { entityId: cluster.entityId } satisfies ConfirmEntityArgs, title));
    out.push(merges.length ? fix : { ...fix, isPreferred: true });
  }

  if (has(ClientEntityCommands.addAliasOf)) {
    const title = `Add “${text}” as a name of another entity…`;
    out.push(action(title, { title, command: ClientEntityCommands.addAliasOf, arguments: [target] }));
  } else {
    for (const c of aliasCandidates(ctx, text, cluster, token)) {
      if (merges.some((m) => m.entityId === c.entityId)) continue;
      const title = `Add “${text}” as a name of ${c.canonical} (${entityTypeName(c.type)})`;
      out.push(action(title, run(RegistryCommands.addAlias, { entityId: c.entityId, alias: text } satisfies AddAliasArgs, title)));
    }
  }

  const rest = restName(cluster, text);
  if (rest) {
    const title = `“${text}” is a different entity from ${rest}`;
    const args: MarkDifferentArgs & { entityId: string } = { text, type, entityId: cluster.entityId };
    out.push(action(title, run(RegistryCommands.markDifferent, args, title)));
  }

  if (has(ClientEntityCommands.changeEntityType)) {
    const title = `Change the type of ${cluster.canonical} (${entityTypeName(cluster.type)})…`;
    out.push(action(title, { title, command: ClientEntityCommands.changeEntityType, arguments: [target] }));
  } else {
    for (const t of ENTITY_TYPES) {
      if (t === cluster.type) continue;
      const title = `${cluster.canonical} is ${entityTypePhrase(t)}, not ${entityTypePhrase(cluster.type)}`;
      out.push(action(title, run(RegistryCommands.setType, { entityId: cluster.entityId, type: t } satisfies SetTypeArgs, title)));
    }
  }

  const title = `“${text}” is not an entity`;
  out.push(action(title, run(RegistryCommands.notEntity, { text } satisfies NotEntityArgs, title)));
  return out;
}

export const entityActions: Feature = {
  capabilities: {
    codeActionProvider: true,
    executeCommandProvider: { commands: Object.values(RegistryCommands) },
  },
  register(ctx) {
    const { commands } = ctx;
    const editor = ctx.registryEditor;
    /** Runs a registry command and tells clients that drop results what it did. */
    const command = (name: string, run: (args: Fields, what: string) => Promise<RegistryEditResult>) =>
      commands.registerCommand(name, async (raw) => {
        const what = name;
        const result = await run(argsOf(raw, what), what);
        ctx.client.showResult(`${result.message}.`);
        return result;
      });

    commands.registerCodeActions(async (params, token) => {
      if (isLineMarkerFallback(params)) return [];
      const diagnostics = params.context.diagnostics.filter((d) => isEntityDiagnostic(d) && underCursor(d, params.range));
      if (!diagnostics.length) return [];
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
      const file = uriToPath(params.textDocument.uri);
      if (!file) return [];
      // A correction names the corpus-wide entity, which is known once the corpus is indexed: the request waits for
      // it, unless the client gives up first (VS Code asks again at each move of the cursor and cancels the last
      // request): then it is answered at once, and no request waits for the whole indexing for nothing.
      if (ctx.indexer.indexingProgress && !(await readyOrCancelled(ctx.indexer.ready, token))) return [];
      await ctx.indexer.ready;
      const text = ctx.service.getText(file);
      if (text === undefined) return [];
      const lines = new LineIndex(text);
      const out: CodeAction[] = [];
      const done = new Set<number>();
      for (const d of diagnostics) {
        const at = ctx.service.entityAt(file, lines.offsetAt(d.range.start), token);
        if (!at || done.has(at.mention.start)) continue;
        done.add(at.mention.start);
        const { mention, cluster } = at;
        const target: EntityActionTarget = {
          text: mention.text,
          uri: params.textDocument.uri,
          range: { start: lines.positionAt(mention.start), end: lines.positionAt(mention.end) },
          type: cluster.type,
          entityId: cluster.entityId,
          canonical: cluster.canonical,
        };
        out.push(...actionsFor(ctx, target, cluster, d, token));
      }
      return out;
    });

    command(RegistryCommands.addAlias, async (args, what) => {
      const entityId = requiredString(args, 'entityId', what);
      const alias = requiredString(args, 'alias', what);
      const cluster = await editor.entity(entityId);
      const ref = entityRefOf(cluster);
      return editor.apply((reg) => addAlias(reg, ref, alias), cluster);
    });
    command(RegistryCommands.markDifferent, async (args, what) => {
      const text = requiredString(args, 'text', what);
      const type = requireType(args, what);
      const entityId = optionalString(args, 'entityId', what);
      const clustering = await editor.clustering();
      const from = (entityId ? clustering.cluster(entityId) : undefined) ?? clustering.find(text).find((c) => c.spellings.has(text));
      return editor.apply((reg) => markDifferent(reg, text, type, from ? entityRefOf(from) : undefined), from);
    });
    command(RegistryCommands.setType, async (args, what) => {
      const type = requireType(args, what);
      const entityId = optionalString(args, 'entityId', what);
      if (entityId) {
        const cluster = await editor.entity(entityId);
        const ref = entityRefOf(cluster);
        return editor.apply((reg) => setType(reg, ref, type), cluster);
      }
      if (args.text === undefined || args.text === null) throw new UserError(`${what}: give the entity as \`entityId\` or \`text\`.`);
      const text = requiredString(args, 'text', what);
      const owner = (await editor.clustering()).find(text).find((c) => c.spellings.has(text));
      const target = owner ? entityRefOf(owner) : { text };
      return editor.apply((reg) => setType(reg, target, type), owner);
    });
    command(RegistryCommands.notEntity, async (args, what) => {
      const text = requiredString(args, 'text', what);
      return editor.apply((reg) => markNotEntity(reg, text));
    });
    command(RegistryCommands.confirm, async (args, what) => {
      const cluster = await editor.entity(requiredString(args, 'entityId', what));
      const apart = args.apartFrom;
      if (apart !== undefined && !(Array.isArray(apart) && apart.every((id) => typeof id === 'string' && id))) {
        throw new UserError(`${what}: \`apartFrom\` must be a list of entity ids.`);
      }
      const refs = [cluster, ...(await Promise.all(((apart ?? []) as string[]).map((id) => editor.entity(id))))].map(entityRefOf);
      return editor.apply((reg) => confirmEntities(reg, refs), cluster);
    });
    commands.registerCommand(RegistryCommands.undo, async (raw) => {
      if (raw[0] !== undefined && raw[0] !== null) paramsObject(raw[0], RegistryCommands.undo);
      const result = await editor.undoLast();
      ctx.client.showResult(`${result.message}.`);
      return result;
    });
    command(RegistryCommands.rename, async (args, what) => {
      const entityId = requiredString(args, 'entityId', what);
      const name = requiredString(args, 'name', what);
      const cluster = await editor.entity(entityId);
      const ref = entityRefOf(cluster);
      return editor.apply((reg) => renameEntity(reg, ref, name), cluster);
    });
  },
};
