/**
 * Writing an adjudication to an article's sidecar, for the language server and the CLI alike: the core decides the
 * article's tags (disagreements.ts), the folder's model writes them (its lock; a sidecar that does not parse is left
 * untouched; comments kept), and the merge conflicts kept in the file on the tags of that disagreement are resolved
 * with it: the analyst has decided what the passage holds.
 */
import { adjudicate, newTagId, type AdjudicationChoice, type Disagreement, type Tag } from '../core/index';
import type { CorpusFolder } from './corpusFolder';

export interface AdjudicationOutcome {
  readonly removed: readonly Tag[];
  readonly added: readonly Tag[];
}

/** Keeps A's tags, B's, both or neither at `d` in the sidecar of `article` (absolute path). */
export function writeAdjudication(corpus: CorpusFolder, article: string, d: Disagreement, choice: AdjudicationChoice): Promise<AdjudicationOutcome> {
  const decided = [...d.a, ...d.b].map((t) => t.id);
  return corpus.changeTags(article, (tags) => {
    const r = adjudicate(tags, d, choice, () => newTagId(new Date(), Math.random));
    const outcome = { removed: r.removed, added: r.added };
    return r.removed.length || r.added.length ? { tags: r.tags, result: outcome, resolvesConflictsOf: decided } : { result: outcome, resolvesConflictsOf: decided };
  });
}
