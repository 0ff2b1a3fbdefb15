/**
 * Highlights tagged passages in visible editors, in the tag's taxonomy colour (its own or its nearest ancestor's;
 * the theme's find-match colour when it has none). A fuzzy tag (its words changed elsewhere) keeps a dashed outline.
 * One decoration type per colour and kind, created when first needed and disposed when no visible editor uses it.
 */
import * as vscode from 'vscode';
import type { TagItem } from '../../server/src/protocol';
import { opaqueColor } from './tagChoices';
import type { TagModel } from './tagModel';
import type { TaxonomyModel } from './taxonomyModel';

/** `colour|solid` or `colour|fuzzy`; the colour is `#rrggbb`, or empty for the theme's. */
type StyleKey = string;

function styleOf(key: StyleKey): vscode.DecorationRenderOptions {
  const [color, kind] = key.split('|');
  if (kind === 'fuzzy') {
    return {
      ...(color ? { backgroundColor: `${color}26` } : {}),
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
      borderRadius: '2px',
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    };
  }
  if (!color) {
    return {
      backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
      borderRadius: '2px',
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    };
  }
  return {
    backgroundColor: `${color}33`,
    borderStyle: 'none none solid none',
    borderWidth: '0 0 2px 0',
    borderColor: color,
    borderRadius: '2px',
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  };
}

export class TagDecorations implements vscode.Disposable {
  private readonly types = new Map<StyleKey, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly model: TagModel,
    private readonly taxonomy: TaxonomyModel,
  ) {
    this.subscriptions = [
      model.onDidChange(() => this.apply()),
      taxonomy.onDidChange(() => this.apply()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.apply()),
    ];
    this.apply();
  }

  /** The decoration types in use now (for tests): `#rrggbb|solid`, `|fuzzy`… */
  get styles(): string[] {
    return [...this.types.keys()].sort();
  }

  private keyOf(t: TagItem): StyleKey {
    const color = this.taxonomy.colorOf(t.tag);
    return `${(color && opaqueColor(color)) ?? ''}|${t.status === 'fuzzy' ? 'fuzzy' : 'solid'}`;
  }

  apply(): void {
    const wanted = new Map<vscode.TextEditor, Map<StyleKey, vscode.Range[]>>();
    const used = new Set<StyleKey>();
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      const byStyle = new Map<StyleKey, vscode.Range[]>();
      for (const t of this.model.tags) {
        if (!t.range || vscode.Uri.parse(t.uri).toString() !== uri) continue;
        const key = this.keyOf(t);
        used.add(key);
        const list = byStyle.get(key) ?? [];
        list.push(new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character));
        byStyle.set(key, list);
      }
      wanted.set(editor, byStyle);
    }
    for (const key of used) if (!this.types.has(key)) this.types.set(key, vscode.window.createTextEditorDecorationType(styleOf(key)));
    for (const [editor, byStyle] of wanted) {
      for (const [key, type] of this.types) if (used.has(key)) editor.setDecorations(type, byStyle.get(key) ?? []);
    }
    // A type no visible editor uses goes (disposing it clears it everywhere); it is made again when needed.
    for (const [key, type] of [...this.types]) {
      if (used.has(key)) continue;
      type.dispose();
      this.types.delete(key);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }
}
