/**
 * The sticky active tag: set once (Set Active Tag…), then Tag Selection applies it without prompts until it is
 * cleared. Kept in the workspace state (it survives a reload), shown in the status bar (click to change) and in the
 * `corpusAnnotator.hasActiveTag` context key.
 */
import * as vscode from 'vscode';

const KEY = 'corpusAnnotator.activeTag';

export class ActiveTag implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.changed.event;
  readonly statusBarItem: vscode.StatusBarItem;

  constructor(private readonly memento: vscode.Memento) {
    this.statusBarItem = vscode.window.createStatusBarItem('corpusAnnotator.activeTag', vscode.StatusBarAlignment.Left, 50);
    this.statusBarItem.name = 'Corpus Annotator: active tag';
    this.statusBarItem.command = 'corpusAnnotator.setActiveTag';
    this.show();
  }

  get tag(): string | undefined {
    return this.memento.get<string>(KEY) || undefined;
  }

  async set(tag: string | undefined): Promise<void> {
    await this.memento.update(KEY, tag || undefined);
    this.show();
    this.changed.fire(this.tag);
  }

  private show(): void {
    const tag = this.tag;
    void vscode.commands.executeCommand('setContext', 'corpusAnnotator.hasActiveTag', !!tag);
    if (!tag) {
      this.statusBarItem.hide();
      return;
    }
    this.statusBarItem.text = `$(tag) ${tag}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown('**Active tag** ').appendText(`“${tag}”`);
    tip.appendMarkdown('\n\nTag Selection (Ctrl+Alt+T) applies it without asking. Click to choose another; **Corpus: Clear Active Tag** to ask again.');
    this.statusBarItem.tooltip = tip;
    this.statusBarItem.show();
  }

  dispose(): void {
    this.statusBarItem.dispose();
    this.changed.dispose();
  }
}
