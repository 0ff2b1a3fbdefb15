/**
 * Resolving the merge conflicts kept in analyst files from their diagnostic (issue 10): quick fixes **Keep ours**,
 * **Keep theirs** and, where both versions can be kept, **Keep both** on a `merge-conflict` diagnostic, and the server
 * command behind them. The folder's model writes the file (its lock; a file that does not parse is left untouched;
 * comments kept).
 *
 * - In a tag sidecar, the tags changed and the conflict entry are recorded, so **Undo Last Tag Operation** takes them
 *   back (the conflict entry returns).
 * - In the entity registry (`entities`), the ignore list (`everywhere`, `here`) and the taxonomy (`tags`), the
 *   resolution is on the entity-correction undo stack (registryEditor.ts): Ctrl+Z right after it, the notification's
 *   **Undo** or **Undo Last Entity Correction** puts the conflict entry and the record back. Clients that declare
 *   `ClientEntityCommands.registryEdit` get the command through it, so they announce it with its Undo.
 * - A name one branch marked as not an entity while the other gave it to an entity (registry, `notEntities`) has no
 *   versions to keep: **Keep “X” as a name of Y** or **“X” is not an entity**, on the same undo stack.
 */
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import {
  CONFLICT_CHOICES,
  NAME_CONFLICT_CHOICES,
  nameConflictOwner,
  recordConflictChoices,
  resolveNotEntityConflict,
  TAGS_LIST,
  type ConflictChoice,
  type NameConflictChoice,
  type RecordConflict,
  type Tag,
} from '../../core/index';
import { AgreementCommands, type ResolveConflictArgs, type ResolveConflictResult } from '../../protocolAgreement';
import { AnalystFileError } from '../../workspace/corpusFolder';
import { ClientEntityCommands } from '../../protocolEntities';
import type { CorpusFolder } from '../../workspace/corpusFolder';
import type { Feature, ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { oneOf, optionalString, paramsObject, requiredString } from '../params';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

const TITLES: Record<ConflictChoice, string> = {
  ours: 'Keep ours',
  theirs: 'Keep theirs',
  both: 'Keep both',
};

function conflictOf(d: Diagnostic): { list: string; key: string } | undefined {
  const data = d.data as { list?: unknown; key?: unknown } | undefined;
  if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'merge-conflict') return undefined;
  return typeof data?.list === 'string' && typeof data.key === 'string' ? { list: data.list, key: data.key } : undefined;
}

const NOUNS: Record<string, string> = { entities: 'entity', everywhere: 'ignored passage', here: 'ignored passage', tags: 'tag' };

/** The conflict entry of a registry, ignore list or taxonomy file as the folder's model holds it now. */
function recordConflict(corpus: CorpusFolder, file: string, list: string, key: string): RecordConflict | undefined {
  const kind = corpus.recordFileKind(file);
  const conflicts = kind === 'registry' ? corpus.registry().conflicts : kind === 'ignores' ? corpus.ignores().conflicts : kind === 'taxonomy' ? corpus.taxonomy().conflicts : undefined;
  return conflicts?.find((c) => c.list === list && c.key === key);
}

/** What the choices are called on one conflict: a side that removed the record says so. */
function titleOf(choice: ConflictChoice, c: RecordConflict | undefined, list: string, key: string): string {
  const removed = c && (choice === 'ours' ? c.ours === undefined : choice === 'theirs' ? c.theirs === undefined : false);
  const what = list === 'everywhere' || list === 'here' ? NOUNS[list] : `${NOUNS[list] ?? list} ${key}`;
  return `${TITLES[choice]}${removed ? ': remove it' : ''} (merge conflict on ${what})`;
}

/** The code actions of one conflict diagnostic of a registry, ignore list or taxonomy file. */
function recordActions(ctx: ServerContext, uri: string, d: Diagnostic, list: string, key: string): CodeAction[] {
  const file = uriToPath(uri);
  const corpus = file ? ctx.workspace.corpusOf(file) : undefined;
  const kind = file && corpus?.recordFileKind(file);
  if (!file || !corpus || !kind) return [];
  const c = recordConflict(corpus, file, list, key);
  if (!c) return [];
  const action = (choice: ConflictChoice | NameConflictChoice, title: string): CodeAction => {
    const args: ResolveConflictArgs = { uri, list, key, choice };
    const command = ctx.client.hasCommand(ClientEntityCommands.registryEdit)
      ? { title, command: ClientEntityCommands.registryEdit, arguments: [{ command: AgreementCommands.resolveConflict, arguments: [args] }] }
      : { title, command: AgreementCommands.resolveConflict, arguments: [args] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command };
  };
  if (kind === 'registry' && list === 'notEntities') {
    const owner = nameConflictOwner(corpus.registry(), key);
    return [action('name', `Keep “${key}” as a name of ${owner ?? 'its entity'} (merge conflict)`), action('notEntity', `“${key}” is not an entity (merge conflict)`)];
  }
  return recordConflictChoices(kind, c).map((choice) => action(choice, titleOf(choice, c, list, key)));
}

const isNameChoice = (c: string): c is NameConflictChoice => (NAME_CONFLICT_CHOICES as readonly string[]).includes(c);

export const conflictActions: Feature = {
  capabilities: { executeCommandProvider: { commands: [AgreementCommands.resolveConflict] }, codeActionProvider: true },
  register(ctx) {
    ctx.commands.registerCodeActions((params) => {
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || CodeActionKind.QuickFix.startsWith(k))) return [];
      const out: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        const c = conflictOf(d);
        if (!c) continue;
        const file = uriToPath(params.textDocument.uri);
        if (file && ctx.workspace.corpusOf(file)?.recordFileKind(file)) {
          out.push(...recordActions(ctx, params.textDocument.uri, d, c.list, c.key));
          continue;
        }
        if (c.list !== TAGS_LIST) continue;
        for (const choice of CONFLICT_CHOICES) {
          const args: ResolveConflictArgs = { uri: params.textDocument.uri, list: c.list, key: c.key, choice };
          const title = `${TITLES[choice]} (merge conflict on tag ${c.key})`;
          out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: AgreementCommands.resolveConflict, arguments: [args] } });
        }
      }
      return out;
    });

    ctx.commands.registerCommand(AgreementCommands.resolveConflict, async (raw): Promise<ResolveConflictResult> => {
      const what = 'Resolve conflict';
      const args = paramsObject(raw[0], what);
      const uri = requiredString(args, 'uri', what);
      const key = requiredString(args, 'key', what);
      const list = optionalString(args, 'list', what) ?? TAGS_LIST;
      const any = oneOf(args, 'choice', [...CONFLICT_CHOICES, ...NAME_CONFLICT_CHOICES], what);
      if (!any) throw new UserError(`${what}: \`choice\` must be one of ${[...CONFLICT_CHOICES, ...NAME_CONFLICT_CHOICES].join(', ')}.`);
      const file = uriToPath(uri);
      if (!file) throw new UserError(`${what}: \`uri\` must be the file: URI of an analyst file, got ${JSON.stringify(uri)}.`);
      await ctx.workspace.ready;
      const corpus = ctx.workspace.corpusOf(file);
      if (!corpus) throw new UserError(`${what}: ${path.basename(file)} is not in a workspace folder.`);
      const kind = corpus.recordFileKind(file);
      if (kind === 'registry' && list === 'notEntities') {
        if (!isNameChoice(any)) throw new UserError(`${what}: a conflict on \`notEntities\` is resolved with \`choice\` ${NAME_CONFLICT_CHOICES.join(' or ')}.`);
        const r = await ctx.registryEditor.apply((reg) => resolveNotEntityConflict(reg, key, any), file);
        ctx.client.showResult(`${r.message}.`);
        return { message: r.message, removed: 0, added: 0, changed: r.changed, ...(r.undoable ? { undoable: true } : {}), registry: r.registry };
      }
      if (isNameChoice(any)) throw new UserError(`${what}: \`choice\` must be one of ${CONFLICT_CHOICES.join(', ')} here.`);
      const choice: ConflictChoice = any;
      if (kind) {
        try {
          const resolved = await corpus.resolveRecordConflict(kind, list, key, choice);
          ctx.registryEditor.rememberConflictResolution(corpus, file, resolved);
          ctx.client.showResult(`${resolved.message}.`);
          const changed = resolved.resolution.before.length + resolved.resolution.after.length > 0;
          const same = changed && JSON.stringify(resolved.resolution.before) === JSON.stringify(resolved.resolution.after);
          return {
            message: resolved.message,
            removed: same ? 0 : resolved.resolution.before.length,
            added: same ? 0 : resolved.resolution.after.length,
            changed: true,
            undoable: true,
            registry: ctx.workspace.label(file),
          };
        } catch (e) {
          if (e instanceof AnalystFileError) throw new UserError(e.message);
          throw e;
        }
      }
      if (list !== TAGS_LIST) throw new UserError(`${what}: only conflicts on tags can be resolved in a sidecar; make the record in \`${list}\` what it should be and delete the entry by hand.`);
      let outcome;
      try {
        outcome = await corpus.resolveTagConflict(file, key, choice);
      } catch (e) {
        if (e instanceof AnalystFileError) throw new UserError(e.message);
        throw e;
      }
      const before = new Map<string, Tag | undefined>(outcome.added.map((t) => [t.id, undefined]));
      for (const t of outcome.removed) before.set(t.id, t);
      // Undo puts the tags back and the conflict entry with them.
      ctx.tags.remember(`merge conflict on tag ${key} (${TITLES[choice].toLowerCase()})`, outcome.article, [...before].map(([id, tag]) => ({ id, before: tag })), [outcome.conflict]);
      ctx.client.showResult(outcome.message);
      return { message: outcome.message, removed: outcome.removed.length, added: outcome.added.length };
    });
  },
};
