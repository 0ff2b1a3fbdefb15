/**
 * Writing an adjudication to an article's sidecar, for the language server and the CLI alike: the core decides the
 * article's tags (disagreements.ts), the folder's model writes them (its lock; a sidecar that does not parse is left
 * untouched; comments kept), and the merge conflicts kept in the file on the tags of that disagreement are resolved
 * with it: the analyst has decided what the passage holds.
 */
import { adjudicate, newTagId, TAGS_LIST, type AdjudicationChoice, type Disagreement, type RecordConflict, type Tag } from '../core/index';
import type { CorpusFolder } from './corpusFolder';

export interface AdjudicationOutcome {
  readonly removed: readonly Tag[];
  readonly added: readonly Tag[];
  /** The merge conflict entries it resolved, as they were (undo puts them back). */
  readonly conflicts: readonly RecordConflict[];
}

/** Keeps A's tags, B's, both or neither at `d` in the sidecar of `article` (absolute path). */
export function writeAdjudication(corpus: CorpusFolder, article: string, d: Disagreement, choice: AdjudicationChoice): Promise<AdjudicationOutcome> {
  const decided = [...d.a, ...d.b].map((t) => t.id);
  return corpus.changeTags(article, (tags, conflicts) => {
    const r = adjudicate(tags, d, choice, () => newTagId(new Date(), Math.random));
    const outcome = { removed: r.removed, added: r.added, conflicts: conflicts.filter((c) => c.list === TAGS_LIST && decided.includes(c.key)) };
    return r.removed.length || r.added.length ? { tags: r.tags, result: outcome, resolvesConflictsOf: decided } : { result: outcome, resolvesConflictsOf: decided };
  });
}
