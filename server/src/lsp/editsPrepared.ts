/**
 * Articles just opened that are being made ready for edits: their recognition memo filled in slices (corpus service
 * `editingStartedInSlices`), one a turn of the event loop, so that hovers and other requests are answered meanwhile.
 * The open's diagnostics wait for it (publishDiagnostics.ts): the analyst's first keystroke then finds the memo full,
 * as when it was filled in one turn before them, without the thread being held 100-180 ms for a 100 KB article.
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
