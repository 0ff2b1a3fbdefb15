/** Highlights tagged passages in visible editors; a fuzzy tag (its words changed elsewhere) has a dashed outline. */
import * as vscode from 'vscode';
import type { TagModel } from './tagModel';

export function registerTagDecorations(model: TagModel): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  const fuzzy = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  const apply = (): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      const here = model.tags.filter((t) => vscode.Uri.parse(t.uri).toString() === uri && t.range);
      const toRange = (t: (typeof here)[number]) => new vscode.Range(t.range!.start.line, t.range!.start.character, t.range!.end.line, t.range!.end.character);
      editor.setDecorations(decoration, here.filter((t) => t.status !== 'fuzzy').map(toRange));
      editor.setDecorations(fuzzy, here.filter((t) => t.status === 'fuzzy').map(toRange));
    }
  };
  const subs = [
    decoration,
    fuzzy,
    model.onDidChange(apply),
    vscode.window.onDidChangeVisibleTextEditors(apply),
  ];
  apply();
  return vscode.Disposable.from(...subs);
}
