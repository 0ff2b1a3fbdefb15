import * as vscode from 'vscode';

/**
 * A view's "listed" context key. Its welcome contents (package.json) say the listing is under way until the key is
 * set, and that there is nothing to list after. The key is set once the tree has handed VS Code its first listing,
 * not when the data arrives: set then, VS Code showed "No dated mentions in the corpus yet" for a moment over a
 * timeline that was about to appear (seen in code-server while a corpus was indexed).
 */
export class ListedContext {
  private set = false;

  constructor(private readonly key: string) {}

  /** Called by the tree's getChildren for its roots: once loaded, the key is set after those roots reach VS Code. */
  rootsGiven(loaded: boolean): void {
    if (!loaded || this.set) return;
    this.set = true;
    setTimeout(() => void vscode.commands.executeCommand('setContext', this.key, true), 0);
  }
}
