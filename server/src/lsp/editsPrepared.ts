/**
 * Articles just opened that are being made ready for edits: their passage keys and recognition memo filled (corpus
 * service `editingStartedInSlices`, a step a turn of the event loop). The open's diagnostics wait for it
 * (publishDiagnostics.ts), so the analyst's first keystroke finds the memo full and does not wait for it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class EditsPrepared {
  private readonly pending = new WeakMap<TextDocument, Promise<void>>();

  /** Runs `prepare` for `document` (its failures are for `prepare` to report: the promise held never rejects). */
  start(document: TextDocument, prepare: () => Promise<void>): void {
    const running: Promise<void> = prepare()
      .catch(() => undefined)
      .finally(() => {
        if (this.pending.get(document) === running) this.pending.delete(document);
      });
    this.pending.set(document, running);
  }

  /** What settles once `document` is ready for edits, while it is being made so; else undefined. */
  of(document: TextDocument): Promise<void> | undefined {
    return this.pending.get(document);
  }
}
