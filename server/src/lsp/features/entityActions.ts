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
import { CodeActionKind, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver';
import {
  addAlias,
  ENTITY_TYPES,
  entityTypeName,
  entityTypePhrase,
  LineIndex,
  markDifferent,
  markNotEntity,
  registryKey,
  renameEntity,
  setType,
  type EntityCluster,
  type EntityType,
  type CancellationToken,
} from '../../core/index';
import {
  ClientEntityCommands,
  RegistryCommands,
  type AddAliasArgs,
  type EntityActionTarget,
  type MarkDifferentArgs,
  type NotEntityArgs,
  type RegistryEditResult,
  type SetTypeArgs,
} from '../../protocolEntities';
import type { Feature, ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { oneOf, optionalString, paramsObject, requiredString } from '../params';
import { entityRefOf } from '../registryEditor';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

const ALIAS_CANDIDATES = 3;

function isEntityDiagnostic(d: Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE && (d.data as { kind?: string } | undefined)?.kind === 'entity';
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
    if (seen.has(c.entityId) || c.mentions.length === 0) continue;
    seen.add(c.entityId);
    out.push(c);
    if (out.length >= ALIAS_CANDIDATES) break;
  }
  return out;
}

function nameWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length >= 4);
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

  if (has(ClientEntityCommands.addAliasOf)) {
    const title = `Add “${text}” as a name of another entity…`;
    out.push(action(title, { title, command: ClientEntityCommands.addAliasOf, arguments: [target] }));
  } else {
    for (const c of aliasCandidates(ctx, text, cluster, token)) {
      const title = `Add “${text}” as a name of ${c.canonical} (${entityTypeName(c.type)})`;
      out.push(action(title, run(RegistryCommands.addAlias, { entityId: c.entityId, alias: text } satisfies AddAliasArgs, title)));
    }
  }

  const otherSpellings = [...cluster.spellings.keys()].some((s) => registryKey(s) !== registryKey(text));
  if (otherSpellings) {
    const title = `“${text}” is a different entity from ${cluster.canonical}`;
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
      const diagnostics = params.context.diagnostics.filter(isEntityDiagnostic);
      if (!diagnostics.length) return [];
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
      const file = uriToPath(params.textDocument.uri);
      if (!file) return [];
      await ctx.indexer.ready;
      const text = ctx.service.getText(file);
      if (text === undefined) return [];
      const lines = new LineIndex(text);
      const out: CodeAction[] = [];
      for (const d of diagnostics) {
        const at = ctx.service.entityAt(file, lines.offsetAt(d.range.start), token);
        if (!at) continue;
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
    command(RegistryCommands.rename, async (args, what) => {
      const entityId = requiredString(args, 'entityId', what);
      const name = requiredString(args, 'name', what);
      const cluster = await editor.entity(entityId);
      const ref = entityRefOf(cluster);
      return editor.apply((reg) => renameEntity(reg, ref, name), cluster);
    });
  },
};
