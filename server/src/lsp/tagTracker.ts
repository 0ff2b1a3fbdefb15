/**
 * Tags follow the text while an article is edited in the editor: every incremental change the client sends moves the
 * tracked places of the article's tags (text typed just before or just after a tag stays outside it; text typed
 * inside it becomes part of it; a tag whose whole passage is deleted becomes an orphan). After a change that may have
 * brought a passage back (an undo, or a paste, inserts it at once; the last character of it typed again), tags without
 * a place are looked for again in the new text (a reload from disk replaces the whole text and every tag is anchored
 * afresh), never on another tag's passage, and listeners hear of every change of place or
 * status, so that views (the client's tree, its highlights) follow at once. Any LSP editor gets this, since it works
 * on the changes of `textDocument/didChange`. The stored offsets are updated when the article is saved
 * (tagsFeature.ts).
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { anchorTag, anchorTags, contextScore, type AnchoredTag } from '../core/index';

export interface TrackedTag {
  readonly anchored: AnchoredTag;
  /** Where the passage is now in the open text; undefined once its whole passage was deleted. */
  readonly start?: number;
  readonly end?: number;
}

export class TagTracker {
  /** By document URI: the tags of the open article and their places in its current text. */
  private readonly tracked = new Map<string, { text: string; tags: Map<string, TrackedTag> }>();
  private readonly moved: ((uri: string) => void)[] = [];

  /** Calls `listener` after edits moved tracked tags of an article, or changed their status. */
  onDidMove(listener: (uri: string) => void): void {
    this.moved.push(listener);
  }

  /** Starts (or restarts) tracking an open article's tags, anchored against `text`. */
  track(uri: string, text: string, anchored: readonly AnchoredTag[]): void {
    const tags = new Map<string, TrackedTag>();
    for (const a of anchored) tags.set(a.tag.id, placed(a));
    this.tracked.set(uri, { text, tags });
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
  }

  /** The tracked tags of an open article, when they are valid for `text`. */
  tagsOf(uri: string, text: string): ReadonlyMap<string, TrackedTag> | undefined {
    const t = this.tracked.get(uri);
    return t && t.text === text ? t.tags : undefined;
  }

  /** A `TextDocuments` configuration that tells this tracker about every change before it is applied. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: TextDocument.create,
      update: (document, changes, version) => this.update(document, changes, version),
    };
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const entry = this.tracked.get(document.uri);
    if (!entry || entry.text !== document.getText()) {
      if (entry) {
        this.tracked.delete(document.uri);
        this.changed(document.uri); // listed again from the sidecar and the new text
      }
      return TextDocument.update(document, changes, version);
    }
    let doc = document;
    let moved = false;
    let inserted = 0; // the most characters one change inserted (an undo or a paste inserts a passage at once)
    const edited: { from: number; to: number }[] = []; // where the changes left their text, in the new text
    for (const change of changes) {
      if (!('range' in change)) {
        // The whole text replaced (a reload from disk): places cannot be mapped; every tag is anchored afresh.
        doc = TextDocument.update(doc, changes.slice(changes.indexOf(change)), version);
        const tags = [...entry.tags.values()].map((t) => t.anchored.tag);
        this.track(document.uri, doc.getText(), anchorTags(doc.getText(), tags));
        this.changed(document.uri);
        return doc;
      }
      const from = doc.offsetAt(change.range.start);
      const to = doc.offsetAt(change.range.end);
      inserted = Math.max(inserted, change.text.length);
      for (const [id, t] of entry.tags) {
        const next = t.start === undefined ? mapSuggestion(t, from, to, change.text.length) : mapThroughEdit(t, from, to, change.text.length);
        if (next !== t) {
          entry.tags.set(id, next);
          moved = true;
        }
      }
      doc = TextDocument.update(doc, [change], version);
      const delta = change.text.length - (to - from);
      for (const e of edited) if (e.from >= to) (e.from += delta), (e.to += delta);
      edited.push({ from, to: from + change.text.length });
    }
    entry.text = doc.getText();
    // Tags without a place, looked for again when an undo or a paste may have brought their passage back: a change
    // that inserted some text at once, one over their suggestion, or their quote typed again. Not on every keystroke:
    // an orphan is looked for over the whole text (15 ms for a 100 KB article).
    for (const [id, t] of entry.tags) {
      if (t.start !== undefined) continue;
      const { tag } = t.anchored;
      const stale = t.anchored.status !== 'orphaned' || (t.anchored.suggestion !== undefined && t.anchored.suggestion.end <= t.anchored.suggestion.start);
      const q = tag.quote.length;
      const typed = () => edited.some((e) => entry.text.slice(Math.max(0, e.from - q), e.to + q).includes(tag.quote));
      if (!stale && inserted < Math.min(8, q) && !typed()) continue;
      const again = notClaimed(entry.tags, id, anchorTag(entry.text, tag), entry.text);
      if (again.status === 'orphaned' && t.anchored.status === 'orphaned' && sameSuggestion(again, t.anchored)) continue;
      entry.tags.set(id, placed(again));
      moved = true;
    }
    if (moved) this.changed(document.uri);
    return doc;
  }

  private changed(uri: string): void {
    for (const l of this.moved) l(uri);
  }
}

function placed(a: AnchoredTag): TrackedTag {
  return a.start >= 0 ? { anchored: a, start: a.start, end: a.end } : { anchored: a };
}

function sameSuggestion(a: AnchoredTag, b: AnchoredTag): boolean {
  return a.suggestion?.start === b.suggestion?.start && a.suggestion?.end === b.suggestion?.end;
}

/**
 * `again`, a placeless tag found again, unless another tag of the article, from another stored place, holds that very
 * place: then an orphan with it as suggestion, as anchorTags decides (never a note carried to another tag's passage,
 * and stored there on save).
 */
function notClaimed(tags: ReadonlyMap<string, TrackedTag>, id: string, again: AnchoredTag, text: string): AnchoredTag {
  if (again.status === 'orphaned') return again;
  const { tag } = again;
  for (const [other, t] of tags) {
    if (other === id || t.start !== again.start || t.end !== again.end) continue;
    if (t.anchored.tag.start === tag.start && t.anchored.tag.end === tag.end) continue; // tags of one passage
    const score = again.confidence ?? Math.round(contextScore(text, tag, again.start, again.end) * 100) / 100;
    return { tag, start: -1, end: -1, status: 'orphaned', suggestion: { start: again.start, end: again.end, score } };
  }
  return again;
}

/**
 * A placeless tag's suggestion after `[from, to)` was replaced by `inserted` characters: moved with the text before it;
 * emptied (to be looked for again) when the change touched it.
 */
function mapSuggestion(t: TrackedTag, from: number, to: number, inserted: number): TrackedTag {
  const s = t.anchored.suggestion;
  if (!s || from >= s.end) return t;
  const delta = inserted - (to - from);
  if (to <= s.start) return delta === 0 ? t : { anchored: { ...t.anchored, suggestion: { ...s, start: s.start + delta, end: s.end + delta } } };
  return { anchored: { ...t.anchored, suggestion: { ...s, start: s.start, end: s.start } } };
}

/**
 * A tag's place after `[from, to)` was replaced by `inserted` characters. Insertions at either edge stay outside the
 * tag; edits inside it change its length; a deletion covering it all leaves it without a place.
 */
export function mapThroughEdit(t: TrackedTag, from: number, to: number, inserted: number): TrackedTag {
  if (t.start === undefined || t.end === undefined) return t;
  const { start, end } = t;
  const delta = inserted - (to - from);
  if (to <= start && !(from === to && from === start && start === end)) {
    return delta === 0 ? t : { ...t, start: start + delta, end: end + delta };
  }
  if (from >= end) return t;
  if (from <= start && to >= end) return { anchored: t.anchored }; // its whole passage is gone
  if (from >= start && to <= end) return { ...t, end: end + delta }; // inside
  if (from < start) return { ...t, start: from + inserted, end: end + delta }; // over its start
  return { ...t, end: from }; // over its end
}
