/**
 * The agreement report rendered (issue 10): the report's Markdown (agreementReport.ts) rendered with markdown-it in a
 * webview, where a click on a disagreement's place opens the article at the passage. VS Code's own Markdown preview
 * cannot do this for the report: its renderer drops `file:` links, and the report is a virtual document with no
 * folder to resolve a relative link against. The webview's one small script (agreementHtml.ts) sends the clicked link
 * to the extension, which opens it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { reportHtml } from './agreementHtml';

export const REPORT_VIEW_TYPE = 'corpusAnnotator.agreementReport';

/** Opens an article link of the report (`file:…#L<line>,<column>`, 1-based) with the cursor at the passage. */
export async function openReportLink(href: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(href);
  const at = /^L(\d+)(?:,(\d+))?$/.exec(uri.fragment);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri.with({ fragment: '' })), { preview: true });
  if (at) {
    const position = new vscode.Position(Math.max(0, Number(at[1]) - 1), Math.max(0, Number(at[2] ?? 1) - 1));
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}

/** Shows the report of `source` (its read-only Markdown document) rendered, in a webview beside nothing: in the active group. */
export function showReport(source: vscode.TextDocument, title: string): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = reportHtml(source.getText(), panel.webview.cspSource, randomBytes(16).toString('base64'));
  panel.webview.onDidReceiveMessage(async (message: { open?: unknown; source?: unknown }) => {
    try {
      if (typeof message.open === 'string') await openReportLink(message.open);
      else if (message.source) await vscode.window.showTextDocument(source, { preview: false });
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot open ${String(message.open ?? 'the report')}: ${(e as Error).message}`);
    }
  });
  return panel;
}
