/**
 * Tags that need the analyst, as diagnostics on their article (one per tag, so none can be missed): a fuzzy tag (its
 * words changed a little) at its new place, and an orphan (its passage is gone) at its suggested place, or at the top
 * of the article when there is none. Their quick fixes are in features/tagActions.ts.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { AnchoredTag, LineIndex } from '../core/index';
import type { LspRange } from '../protocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export interface TagDiagnosticData {
  readonly kind: 'tag';
  readonly id: string;
  readonly tag: string;
  readonly status: 'fuzzy' | 'orphaned';
  /** For an orphan: where it would go if the suggestion were accepted. */
  readonly suggestion?: LspRange;
}

const QUOTE_SHOWN = 60;

export function tagDiagnostics(anchored: readonly AnchoredTag[], lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = (start: number, end: number): LspRange => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  for (const a of anchored) {
    const quote = shorten(a.tag.quote);
    if (a.status === 'fuzzy') {
      const data: TagDiagnosticData = { kind: 'tag', id: a.tag.id, tag: a.tag.tag, status: 'fuzzy' };
      out.push({
        range: range(a.start, a.end),
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: 'tag.fuzzy',
        message: `Tag “${a.tag.tag}” was found here with its words changed (${alike(a.confidence ?? 0)} alike); it was on “${quote}”. Confirm the place, attach it to a selection, or remove it.`,
        data,
      });
    } else if (a.status === 'orphaned') {
      const suggestion = a.suggestion ? range(a.suggestion.start, a.suggestion.end) : undefined;
      const data: TagDiagnosticData = { kind: 'tag', id: a.tag.id, tag: a.tag.tag, status: 'orphaned', ...(suggestion ? { suggestion } : {}) };
      out.push({
        range: suggestion ?? range(0, 0),
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: 'tag.orphaned',
        message: suggestion
          ? `Tag “${a.tag.tag}” lost its passage “${quote}”; ${a.suggestion!.words ? 'most of its words are here, in another order' : 'the same words are here, but not in their context'} (${alike(a.suggestion!.score)} alike). Attach it here, to a selection, or remove it.`
          : `Tag “${a.tag.tag}” lost its passage “${quote}”: it is no longer in the article. Attach it to a selection, or remove it.`,
        data,
      });
    }
  }
  return out;
}

/** A likeness as a percentage; one short of identical is never rounded up to 100 % (the words did change). */
function alike(score: number): string {
  const pct = Math.round(score * 100);
  return `${score < 1 && pct === 100 ? 99 : pct}%`;
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_SHOWN ? `${one.slice(0, QUOTE_SHOWN - 1)}…` : one;
}
