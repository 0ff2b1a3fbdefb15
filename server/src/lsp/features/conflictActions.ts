/**
 * Resolving the merge conflicts kept in a tag sidecar from their diagnostic (issue 10): quick fixes **Keep ours**,
 * **Keep theirs**, **Keep both** on a `merge-conflict` diagnostic of a sidecar, and the server command behind them.
 * The folder's model writes the file (its lock; a sidecar that does not parse is left untouched; comments kept); the
 * tags changed are recorded, so **Undo Last Tag Operation** takes them back.
 */
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { CONFLICT_CHOICES, TAGS_LIST, type Tag } from '../../core/index';
import { AgreementCommands, type ConflictChoiceName, type ResolveConflictArgs, type ResolveConflictResult } from '../../protocolAgreement';
import { AnalystFileError } from '../../workspace/corpusFolder';
import type { Feature } from '../context';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { oneOf, optionalString, paramsObject, requiredString } from '../params';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

const TITLES: Record<ConflictChoiceName, string> = {
  ours: 'Keep ours',
  theirs: 'Keep theirs',
  both: 'Keep both',
};

function conflictOf(d: Diagnostic): { list: string; key: string } | undefined {
  const data = d.data as { list?: unknown; key?: unknown } | undefined;
  if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'merge-conflict') return undefined;
  return typeof data?.list === 'string' && typeof data.key === 'string' ? { list: data.list, key: data.key } : undefined;
}

export const conflictActions: Feature = {
  capabilities: { executeCommandProvider: { commands: [AgreementCommands.resolveConflict] }, codeActionProvider: true },
  register(ctx) {
    ctx.commands.registerCodeActions((params) => {
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || CodeActionKind.QuickFix.startsWith(k))) return [];
      const out: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        const c = conflictOf(d);
        if (!c || c.list !== TAGS_LIST) continue;
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
      const choice = oneOf(args, 'choice', CONFLICT_CHOICES, what);
      if (!choice) throw new UserError(`${what}: \`choice\` must be one of ${CONFLICT_CHOICES.join(', ')}.`);
      if (list !== TAGS_LIST) throw new UserError(`${what}: only conflicts on tags can be resolved this way; make the record in \`${list}\` what it should be and delete the entry by hand.`);
      const file = uriToPath(uri);
      if (!file) throw new UserError(`${what}: \`uri\` must be the file: URI of a tag sidecar, got ${JSON.stringify(uri)}.`);
      await ctx.workspace.ready;
      const corpus = ctx.workspace.corpusOf(file);
      if (!corpus) throw new UserError(`${what}: ${path.basename(file)} is not in a workspace folder.`);
      let outcome;
      try {
        outcome = await corpus.resolveTagConflict(file, key, choice);
      } catch (e) {
        if (e instanceof AnalystFileError) throw new UserError(e.message);
        throw e;
      }
      const before = new Map<string, Tag | undefined>(outcome.added.map((t) => [t.id, undefined]));
      for (const t of outcome.removed) before.set(t.id, t);
      if (before.size) ctx.tags.remember(`merge conflict on tag ${key} (${TITLES[choice].toLowerCase()})`, outcome.article, [...before].map(([id, tag]) => ({ id, before: tag })));
      ctx.client.showResult(outcome.message);
      return { message: outcome.message, removed: outcome.removed.length, added: outcome.added.length };
    });
  },
};
