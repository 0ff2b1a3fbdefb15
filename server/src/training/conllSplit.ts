/**
 * The CoNLL-2003 development set, split once: three documents in four select models (epochs, table size, features),
 * the fourth is held back and only measured (test/bench/ner.ts), never tuned on.
 */
import type { ConllDocument } from './conll';

/** Whether the `index`th document of valid.txt (0-based, file order) is in the held-back slice. */
export function isHeldBack(index: number): boolean {
  return index % 4 === 3;
}

export function splitValid(docs: readonly ConllDocument[]): { select: ConllDocument[]; heldBack: ConllDocument[] } {
  return { select: docs.filter((_, i) => !isHeldBack(i)), heldBack: docs.filter((_, i) => isHeldBack(i)) };
}
