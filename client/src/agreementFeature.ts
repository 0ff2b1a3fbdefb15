/**
 * Agreement and adjudication in VS Code (issue 10), thin glue over the server (protocolAgreement.ts):
 * - **Corpus: Show Agreement…** asks for the two sides (the repository's branches and tags in a quick pick, or an
 *   annotations folder typed in), runs `corpusAnnotator/agreement` with progress (cancellable), and opens the report
 *   rendered (agreementView.ts: a webview of its read-only Markdown document), whose places open the passages;
 * - **Corpus: Adjudicate Disagreements…** walks the disagreements of the article in the editor: for each, the passage
 *   is selected and a quick pick offers A's tags, B's, both or neither (or skip); the choice is written by the
 *   server's `adjudicate` command.
 * The two sides chosen last are remembered for the workspace. Prompts are kept in `agreementPrompts.current` while
 * open, so integration tests answer them as a user would.
 */
import * as vscode from 'vscode';
import { CodeActionRequest, WorkDoneProgress } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AgreementCommands, AgreementRequests, type AdjudicationChoiceName, type DisagreementItem } from '../../server/src/protocolAgreement';
import type { ClientFeature } from './clientContext';
import { describeSide, describeState, renderAgreement, type ReportLink } from './agreementReport';
import { executeServerCommand } from './serverCommands';
import { openReportLink, showReport } from './agreementView';

const SCHEME = 'corpus-agreement';
const SIDES_KEY = 'corpusAnnotator.agreementSides';
/** Reports kept for their Markdown source. */
const KEPT_REPORTS = 5;

export interface AgreementPrompts {
  current: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined;
}

interface Sides {
  readonly a: string;
  readonly b: string;
}

const toRange = (r: DisagreementItem['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export const agreementFeature: ClientFeature = {
  register(ctx) {
    const prompts: AgreementPrompts = { current: undefined };
    const reports = new Map<string, { text: string; links: ReportLink[] }>();
    const changed = new vscode.EventEmitter<vscode.Uri>();
    Object.assign(ctx.exports, { agreementPrompts: prompts, agreementReports: reports, openReportLink });
    const memento = ctx.extension.workspaceState;

    const showAgreement = async (): Promise<vscode.TextDocument | undefined> => {
      const sides = await askSides(ctx.client, prompts, memento.get<Sides>(SIDES_KEY));
      if (!sides) return undefined;
      await memento.update(SIDES_KEY, sides);
      const folderUri = vscode.window.activeTextEditor?.document.uri.scheme === 'file' ? vscode.window.activeTextEditor.document.uri.toString() : undefined;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Agreement: ${sides.a} and ${sides.b}`, cancellable: true },
        async (progress, cancel) => {
          const token = `corpus-agreement-${Date.now()}`;
          const listening = ctx.client.onProgress(WorkDoneProgress.type, token, (value) => {
            if (value.kind !== 'end' && value.message) progress.report({ message: value.message });
          });
          try {
            return await ctx.client.sendRequest(AgreementRequests.agreement, { a: sides.a, b: sides.b, workDoneToken: token, ...(folderUri ? { uri: folderUri } : {}) }, cancel);
          } catch (e) {
            if (!cancel.isCancellationRequested) void vscode.window.showErrorMessage(`Corpus Annotator: ${(e as Error).message}`);
            return undefined;
          } finally {
            listening.dispose();
          }
        },
      );
      if (!result) return undefined;
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/Agreement ${sides.a} and ${sides.b}.md`, query: String(Date.now()) });
      reports.set(uri.toString(), renderAgreement(result));
      // The last few reports stay readable (their Markdown source is opened from the rendered report).
      for (const old of [...reports.keys()].slice(0, -KEPT_REPORTS)) reports.delete(old);
      changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      // Rendered, where the places are links to click (the Markdown source is a click away).
      showReport(doc, `Agreement ${sides.a} and ${sides.b}`);
      return doc;
    };

    const adjudicateArticle = async (): Promise<number> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.scheme !== 'file') {
        void vscode.window.showInformationMessage('Open an article of the corpus to adjudicate its disagreements.');
        return 0;
      }
      const sides = await askSides(ctx.client, prompts, memento.get<Sides>(SIDES_KEY), true);
      if (!sides) return 0;
      await memento.update(SIDES_KEY, sides);
      const uri = editor.document.uri.toString();
      let items: DisagreementItem[];
      try {
        items = (await ctx.client.sendRequest(AgreementRequests.disagreements, { uri, a: sides.a, b: sides.b })).items;
      } catch (e) {
        void vscode.window.showErrorMessage(`Corpus Annotator: ${(e as Error).message}`);
        return 0;
      }
      if (!items.length) {
        void vscode.window.showInformationMessage(`No disagreements between ${sides.a} and ${sides.b} in this article.`);
        return 0;
      }
      let decided = 0;
      for (let i = 0; i < items.length; i++) {
        const d = items[i];
        const range = toRange(d.range);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        const choice = await askChoice(prompts, d, sides, i, items.length);
        if (choice === undefined) break;
        if (choice === 'skip') continue;
        try {
          const r = await executeServerCommand(ctx.client, AgreementCommands.adjudicate, { uri, a: sides.a, b: sides.b, key: d.key, choice });
          decided++;
          vscode.window.setStatusBarMessage(`Adjudicated: kept ${describeState(r.item.state)} (${r.removed} removed, ${r.added} added)`, 5000);
        } catch (e) {
          void vscode.window.showErrorMessage(`Corpus Annotator: ${(e as Error).message}`);
          break;
        }
      }
      void vscode.window.showInformationMessage(`Adjudicated ${decided} of ${items.length} disagreement${items.length === 1 ? '' : 's'} between ${sides.a} and ${sides.b}.`);
      return decided;
    };

    return [
      changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: changed.event,
        provideTextDocumentContent: (uri) => reports.get(uri.toString())?.text ?? 'This agreement report is no longer available: run Corpus: Show Agreement… again.\n',
      }),
      vscode.languages.registerDocumentLinkProvider({ scheme: SCHEME }, {
        provideDocumentLinks: (doc) =>
          (reports.get(doc.uri.toString())?.links ?? []).map((l) => {
            const target = vscode.Uri.parse(l.uri).with({ fragment: `L${l.position.line + 1},${l.position.character + 1}` });
            const link = new vscode.DocumentLink(new vscode.Range(l.line, l.start, l.line, l.end), target);
            link.tooltip = 'Open the passage';
            return link;
          }),
      }),
      // Merge conflicts kept in analyst YAML files (sidecars, registry, ignore list, taxonomy): the server's quick fixes
      // (Keep ours / theirs / both) on their diagnostic.
      // YAML files are not documents of the language client (it syncs articles only), so this asks the server itself.
      vscode.languages.registerCodeActionsProvider(
        { scheme: 'file', pattern: '**/*.{yaml,yml}' },
        {
          provideCodeActions: async (doc, range, context, token) => {
            if (!context.diagnostics.some((d) => d.source === 'corpus' && d.code === 'merge-conflict')) return [];
            const params = {
              textDocument: ctx.client.code2ProtocolConverter.asTextDocumentIdentifier(doc),
              range: ctx.client.code2ProtocolConverter.asRange(range),
              context: await ctx.client.code2ProtocolConverter.asCodeActionContext(context, token),
            };
            const result = await ctx.client.sendRequest(CodeActionRequest.type, params, token);
            return result ? ctx.client.protocol2CodeConverter.asCodeActionResult(result, token) : [];
          },
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      vscode.commands.registerCommand('corpusAnnotator.showAgreement', showAgreement),
      vscode.commands.registerCommand('corpusAnnotator.adjudicate', adjudicateArticle),
    ];
  },
};

/** Asks for A then B: the repository's refs (current branch first), or an annotations folder typed in. */
async function askSides(client: LanguageClient, prompts: AgreementPrompts, last: Sides | undefined, offerLast = false): Promise<Sides | undefined> {
  const folderUri = vscode.window.activeTextEditor?.document.uri.scheme === 'file' ? vscode.window.activeTextEditor.document.uri.toString() : undefined;
  const { sources } = await client.sendRequest(AgreementRequests.sources, folderUri ? { uri: folderUri } : {});
  if (offerLast && last) {
    const again = await pick(prompts, 'Adjudicate: which two analysts?', [
      { label: `${last.a} and ${last.b}`, description: 'as last time' },
      { label: 'Other sides…' },
    ]);
    if (!again) return undefined;
    if (again.label !== 'Other sides…') return last;
  }
  const ask = async (which: 'A' | 'B', exclude?: string): Promise<string | undefined> => {
    const folderItem: vscode.QuickPickItem = { label: '$(folder) Annotations folder…', description: 'a folder inside the workspace, e.g. review/annotations' };
    const items: vscode.QuickPickItem[] = [
      ...sources
        .filter((s) => s.name !== exclude)
        .map((s) => ({
          label: s.name,
          description: [s.kind === 'branch' ? 'branch' : s.kind === 'tag' ? 'tag' : 'remote branch', s.current ? 'checked out' : ''].filter(Boolean).join(', '),
          ...(s.detail ? { detail: s.detail } : {}),
        })),
      folderItem,
    ];
    const preferred = which === 'A' ? last?.a : last?.b;
    const chosen = await pick(prompts, `Agreement: analyst ${which} (a git branch or tag, or an annotations folder)`, items, preferred);
    if (!chosen) return undefined;
    if (chosen !== folderItem) return chosen.label;
    return input(prompts, `Agreement: analyst ${which}'s annotations folder, relative to the workspace folder`);
  };
  const a = await ask('A');
  if (!a) return undefined;
  const b = await ask('B', a);
  return b ? { a, b } : undefined;
}

async function askChoice(prompts: AgreementPrompts, d: DisagreementItem, sides: Sides, i: number, n: number): Promise<AdjudicationChoiceName | 'skip' | undefined> {
  const items: (vscode.QuickPickItem & { choice: AdjudicationChoiceName | 'skip' })[] = [
    { label: `A: ${sides.a}`, description: describeSide(d.a), choice: 'a' },
    { label: `B: ${sides.b}`, description: describeSide(d.b), choice: 'b' },
    // With one side empty, both is that side.
    ...(d.a.length && d.b.length ? [{ label: 'Both', description: 'keep the tags of both', choice: 'both' as const }] : []),
    { label: 'Neither', description: d.a.length && d.b.length ? 'remove the tags of both' : 'remove the tag', choice: 'neither' },
    { label: 'Skip', description: 'decide later', choice: 'skip' },
  ];
  for (const item of items) if (item.choice === d.state) item.detail = '(what the article holds now)';
  const quote = d.text.replace(/\s+/g, ' ').trim();
  const chosen = await pick(prompts, `Disagreement ${i + 1} of ${n} (line ${d.range.start.line + 1}): “${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`, items);
  return chosen?.choice;
}

/** A quick pick kept up until the user accepts or escapes (focus moving to the editor does not close it). */
function pick<T extends vscode.QuickPickItem>(prompts: AgreementPrompts, title: string, items: T[], preferred?: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = title;
    qp.items = items;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    const first = preferred ? items.find((x) => x.label === preferred) : undefined;
    if (first) qp.activeItems = [first];
    let done = false;
    prompts.current = qp as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (prompts.current === (qp as unknown)) prompts.current = undefined;
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

function input(prompts: AgreementPrompts, title: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title;
    box.placeholder = 'annotations-b';
    box.ignoreFocusOut = true;
    let done = false;
    prompts.current = box;
    box.onDidAccept(() => {
      if (!box.value.trim()) return;
      done = true;
      resolve(box.value.trim());
      box.hide();
    });
    box.onDidHide(() => {
      if (prompts.current === box) prompts.current = undefined;
      if (!done) resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}
