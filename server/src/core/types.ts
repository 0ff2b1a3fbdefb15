/**
 * Shared types of the pure analysis core. Nothing here may import `vscode`,
 * `vscode-languageserver`, or Node built-ins: the core works on strings.
 * Offsets are UTF-16 code-unit indices into the document text (as in JS strings and LSP).
 */

/** A half-open range [start, end) of a document's text, with the text it covers. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'LOCATION' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'MISC'];

/** A name found in one document, before corpus-level clustering. */
export interface RecognizedEntity extends Span {
  readonly type: EntityType;
  /** Titles / roles seen immediately before the name (e.g. "Deputy Defence Minister"), if any. */
  readonly title?: string;
  /** An organisation's country written just before it as a possessive (`Laos’ Ministry of …` → `Laos`), if any. */
  readonly country?: string;
  /** Inside another mention (a party or place in an event's name): the entity list may then overlap. */
  readonly nested?: boolean;
}

/** A mention after clustering: every mention of one real-world entity shares `entityId`. */
export interface EntityMention extends RecognizedEntity {
  readonly entityId: string;
  readonly canonical: string;
}

export type DateKind = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A date or time expression with its TIMEX3-style value. */
export interface DateMention extends Span {
  /** e.g. `2025`, `2025-04`, `2025-04-25`, `2026-01-14T11:29`, `2025-04-24/2025-04-25`, `XXXX-06-02`, `P4D`. */
  readonly value: string;
  readonly kind: DateKind;
  /** How the value was obtained, for people: e.g. "year from the dateline: Jun 30, 2021". */
  readonly resolution: string;
}

/** The article's own date (document creation time). */
export interface DocumentDate extends Span {
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM` when a time is given). */
  readonly value: string;
  /** Where it came from, e.g. "dateline", "timestamp line", "date line". */
  readonly source: string;
}

export type BoilerplateKind = 'duplicate' | 'near-duplicate' | 'chrome';

export interface BoilerplateCopy {
  /** Document key (URI in the server, relative path in the CLI). */
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export interface BoilerplateFinding extends Span {
  readonly kind: BoilerplateKind;
  /** Other copies of the passage, in this document and across the corpus. */
  readonly copies: readonly BoilerplateCopy[];
  /**
   * Set when the passage has more copies than are compared or listed (a line of a templated page, furniture on
   * thousands of pages): `copies` is then a sample and its length a lower bound.
   */
  readonly moreCopies?: true;
  /** A short human explanation: "same paragraph as line 5", "share widget", … */
  readonly reason: string;
}

/** Minimal cancellation token, structurally compatible with LSP's CancellationToken. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** For hosts with nothing to cancel (the CLI, tests): say so explicitly, since every core entry point asks for a token. */
export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}
