/**
 * Test fixtures for alias clustering: a tiny gazetteer "recogniser" that marks every whole-word occurrence of the
 * given names (longest first, no overlaps), standing in for the real recogniser's per-document output.
 */
import type { EntityType, RecognizedEntity } from '../../../server/src/core/types';
import type { DocumentEntities } from '../../../server/src/core/entities/aliases';

export type NameSpec = Record<string, EntityType | { type: EntityType; title?: string }>;

const LETTER = /[\p{L}\p{N}]/u;

export function recognise(text: string, names: NameSpec): RecognizedEntity[] {
  const taken: [number, number][] = [];
  const out: RecognizedEntity[] = [];
  const sorted = Object.keys(names).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const name of sorted) {
    const spec = names[name];
    const { type, title } = typeof spec === 'string' ? { type: spec, title: undefined } : spec;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if ((at > 0 && LETTER.test(text[at - 1])) || (end < text.length && LETTER.test(text[end]))) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      out.push(title ? { start: at, end, text: name, type, title } : { start: at, end, text: name, type });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function doc(uri: string, text: string, names: NameSpec): DocumentEntities {
  return { uri, entities: recognise(text, names) };
}

/** The entity ids of the mentions of `surface` in one document, in text order. */
export function idsOf(mentions: readonly { text: string; entityId: string }[], surface: string): string[] {
  return mentions.filter((m) => m.text === surface).map((m) => m.entityId);
}
