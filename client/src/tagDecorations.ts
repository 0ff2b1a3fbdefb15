/** Highlights tagged passages in visible editors. */
import * as vscode from 'vscode';
import type { TagModel } from './tagModel';

export function registerTagDecorations(model: TagModel): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  const apply = (): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      const ranges = model.tags
        .filter((t) => t.uri === uri && t.range)
        .map((t) => ({
          range: new vscode.Range(t.range!.start.line, t.range!.start.character, t.range!.end.line, t.range!.end.character),
          hoverMessage: undefined,
        }));
      editor.setDecorations(decoration, ranges);
    }
  };
  const subs = [
    decoration,
    model.onDidChange(apply),
    vscode.window.onDidChangeVisibleTextEditors(apply),
  ];
  apply();
  return vscode.Disposable.from(...subs);
}
