/**
 * Ctrl+Z (Cmd+Z) undoes the last entity correction when it was the last thing the analyst did (issue 12). A
 * correction writes `entities.yaml` on the server (through the folder's store: its lock, comments kept, a broken file
 * never rewritten), not through an editor, so no editor's undo stack holds it. Instead the context key
 * `corpusAnnotator.entityCorrectionUndoable` is set right after a correction, and a keybinding on Ctrl+Z with that key
 * in its `when` clause runs **Undo Last Entity Correction**. The key is cleared by the next edit of a document, by the
 * undo itself, and after a while (so an old correction is never undone by surprise); the next correction sets it again.
 */
import * as vscode from 'vscode';

export const ENTITY_UNDO_CONTEXT = 'corpusAnnotator.entityCorrectionUndoable';
/** How long after a correction Ctrl+Z still undoes it, with nothing done in between. */
export const ENTITY_UNDO_WINDOW_MS = 5 * 60 * 1000;

export class EntityUndoKey implements vscode.Disposable {
  private value = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      // An edit the analyst made (a document of theirs left dirty); a file reloaded from disk (the registry rewritten
      // by the server) is not dirty, and output panes are not the analyst's edits.
      if (!this.value || !e.contentChanges.length || !e.document.isDirty) return;
      if (e.document.uri.scheme !== 'file' && e.document.uri.scheme !== 'untitled') return;
      this.clear();
    });
  }

  /** Whether Ctrl+Z undoes the last entity correction now. */
  get undoable(): boolean {
    return this.value;
  }

  /** A correction was just made. */
  corrected(): void {
    this.set(true);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), ENTITY_UNDO_WINDOW_MS);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.set(false);
  }

  private set(value: boolean): void {
    if (this.value === value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', ENTITY_UNDO_CONTEXT, value);
  }

  dispose(): void {
    this.clear();
    this.subscription.dispose();
  }
}
