/** The tag set of the sequence model: IOB2 over the four CoNLL types. */
import type { EntityType } from '../types';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const N_LABELS = LABELS.length;
export const OUTSIDE = 0;

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'MISC'];

/** Entity type of a non-O label. */
export function typeOfLabel(label: number): EntityType {
  return TYPES[(label - 1) >> 1];
}

export function isBegin(label: number): boolean {
  return label > 0 && (label & 1) === 1;
}

/** `I-X` may only follow `B-X` or `I-X`. */
export function allowedAfter(prev: number, label: number): boolean {
  if (label === 0 || (label & 1) === 1) return true;
  return prev === label || prev === label - 1;
}

/** Index of a label such as `B-LOC` (also accepts `I-PER` etc.); -1 if unknown. */
export function labelIndex(name: string): number {
  return (LABELS as readonly string[]).indexOf(name);
}
