/**
 * Quick fixes on the diagnostics of fuzzy and orphaned tags (tagDiagnostics.ts): attach the tag to the suggested
 * place or confirm its fuzzy place, attach it to the current selection, or remove it. Server commands only, so every
 * LSP editor gets them.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ServerCommands, type LspRange, type ReanchorTagArgs, type RemoveTagArgs } from '../../protocol';
import type { Feature } from '../context';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import type { TagDiagnosticData } from '../tagDiagnostics';

function tagData(d: Diagnostic): TagDiagnosticData | undefined {
  const data = d.data as Partial<TagDiagnosticData> | undefined;
  return d.source === DIAGNOSTIC_SOURCE && data?.kind === 'tag' && typeof data.id === 'string' ? (data as TagDiagnosticData) : undefined;
}

const line = (r: LspRange) => r.start.line + 1;
const isEmpty = (r: LspRange) => r.start.line === r.end.line && r.start.character === r.end.character;
const same = (a: LspRange, b: LspRange) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export const tagActions: Feature = {
  capabilities: { codeActionProvider: true },
  register(ctx) {
    ctx.commands.registerCodeActions((params) => {
      const only = params.context.only;
      if (only && !only.some((k) => k === '' || CodeActionKind.QuickFix.startsWith(k))) return [];
      const uri = params.textDocument.uri;
      const out: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        const data = tagData(d);
        if (!data) continue;
        const action = (title: string, command: string, args: ReanchorTagArgs | RemoveTagArgs, preferred = false): CodeAction => ({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          ...(preferred ? { isPreferred: true } : {}),
          command: { title, command, arguments: [args] },
        });
        if (data.status === 'fuzzy') {
          out.push(action(`Confirm tag “${data.tag}” on this passage`, ServerCommands.reanchorTag, { uri, id: data.id, range: d.range }, true));
        } else if (data.suggestion) {
          out.push(action(`Attach tag “${data.tag}” to the suggested passage (line ${line(data.suggestion)})`, ServerCommands.reanchorTag, { uri, id: data.id, range: data.suggestion }, true));
        }
        if (!isEmpty(params.range) && !same(params.range, d.range)) {
          out.push(action(`Attach tag “${data.tag}” to the selection`, ServerCommands.reanchorTag, { uri, id: data.id, range: params.range }));
        }
        out.push(action(`Remove tag “${data.tag}”`, ServerCommands.removeTag, { uri, id: data.id }));
      }
      return out;
    });
  },
};
