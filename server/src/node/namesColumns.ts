/**
 * Articles' recognised names as columns: the form in which the server gives them to its clustering worker
 * (backgroundClustering.ts). A thread copies a message by V8's serialisation, which writes an object's every key and
 * makes it again key by key on the other side. The 556,260 names of 10,000 articles, in the worker's parts of 500
 * articles (in-process harness, four rounds): written in 149-317 ms and read back in 388-511 ms as objects; as columns
 * (numbers in one typed array, texts in one list of strings), made and written in 92-123 ms, read back and made into
 * objects again in 192-288 ms. Clustering them in the worker went from 3.8-4.1 s to 3.2-3.5 s.
 */
import type { DocumentEntities, EntityType, RecognizedEntity } from '../core/index';

export interface NamesColumns {
  readonly uris: readonly string[];
  /** Per article, how many names it has (its names follow the previous article's). */
  readonly counts: Uint32Array;
  /** Per name, three numbers: its start, its end, and its type's index in `types`. */
  readonly numbers: Int32Array;
  /** Per name, its text. */
  readonly texts: readonly string[];
  readonly types: readonly EntityType[];
  /** The names with a title, a country or `nested` (few): their index among all the names, and those fields. */
  readonly rare: readonly RareFields[];
}

interface RareFields {
  readonly at: number;
  readonly title?: string;
  readonly country?: string;
  readonly nested?: boolean;
}

/** The names of `docs` as columns (each article's `entities` read once: a corpus service's are made when read). */
export function namesToColumns(docs: readonly DocumentEntities[]): NamesColumns {
  const uris: string[] = [];
  const counts = new Uint32Array(docs.length);
  let numbers = new Int32Array(3 * 1024);
  const texts: string[] = [];
  const types: EntityType[] = [];
  const rare: RareFields[] = [];
  docs.forEach((doc, d) => {
    uris.push(doc.uri);
    const names = doc.entities;
    counts[d] = names.length;
    if (3 * (texts.length + names.length) > numbers.length) {
      const grown = new Int32Array(Math.max(2 * numbers.length, 3 * (texts.length + names.length)));
      grown.set(numbers);
      numbers = grown;
    }
    for (const name of names) {
      const i = texts.length;
      let type = types.indexOf(name.type);
      if (type < 0) type = types.push(name.type) - 1;
      numbers[3 * i] = name.start;
      numbers[3 * i + 1] = name.end;
      numbers[3 * i + 2] = type;
      texts.push(name.text);
      if (name.title !== undefined || name.country !== undefined || name.nested !== undefined) rare.push(rareFields(i, name));
    }
  });
  return { uris, counts, numbers: numbers.slice(0, 3 * texts.length), texts, types, rare };
}

function rareFields(at: number, name: RecognizedEntity): RareFields {
  return {
    at,
    ...(name.title !== undefined ? { title: name.title } : {}),
    ...(name.country !== undefined ? { country: name.country } : {}),
    ...(name.nested !== undefined ? { nested: name.nested } : {}),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The articles and names of `columns`, as objects again. */
export function namesFromColumns(columns: NamesColumns): DocumentEntities[] {
  const { uris, counts, numbers, texts, types, rare } = columns;
  const docs: DocumentEntities[] = [];
  let i = 0;
  let r = 0;
  for (let d = 0; d < uris.length; d++) {
    const entities: RecognizedEntity[] = [];
    for (const end = i + counts[d]; i < end; i++) {
      const name: Mutable<RecognizedEntity> = {
        start: numbers[3 * i],
        end: numbers[3 * i + 1],
        text: texts[i],
        type: types[numbers[3 * i + 2]],
      };
      const fields = rare[r];
      if (fields?.at === i) {
        if (fields.title !== undefined) name.title = fields.title;
        if (fields.country !== undefined) name.country = fields.country;
        if (fields.nested !== undefined) name.nested = fields.nested;
        r++;
      }
      entities.push(name);
    }
    docs.push({ uri: uris[d], entities });
  }
  return docs;
}
