/**
 * Articles' recognised names as columns: the form in which the server gives them to its clustering worker
 * (backgroundClustering.ts). A thread copies a message by V8's serialisation, which writes an object's every key and
 * makes it again key by key on the other side. The 556,260 names of 10,000 articles, in the worker's parts of 500
 * articles (in-process harness, four rounds): written in 149-317 ms and read back in 388-511 ms as objects; as columns
 * (numbers in one typed array, texts in one list of strings), made and written in 92-123 ms, read back and made into
 * objects again in 192-288 ms. Clustering them in the worker went from 3.8-4.1 s to 3.2-3.5 s.
 *
 * Each text is written once a part, and the worker keeps one string for each text across the parts: those 556,260
 * names have 54,847 texts. The names the worker holds until it has clustered them went from 53.6 to 42.7 MB of heap
 * (in-process harness, after full collections), and clustering them took 2.2-2.7 s against 2.5-2.8 s (medians of
 * three alternated runs of six rounds each, a noisy 2-core machine).
 */
import type { DocumentEntities, EntityType, RecognizedEntity } from '../core/index';
import { StringIds } from '../core/collections/stringIds';

export interface NamesColumns {
  readonly uris: readonly string[];
  /** Per article, how many names it has (its names follow the previous article's). */
  readonly counts: Uint32Array;
  /** Per name, four numbers: its start, its end, its type's index in `types` and its text's in `texts`. */
  readonly numbers: Int32Array;
  /** The names' texts, each once (a corpus writes the same names again and again: 556,260 names, 54,847 texts). */
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

/** Numbers per name in `NamesColumns.numbers`. */
const FIELDS = 4;

/** The names of `docs` as columns (each article's `entities` read once: a corpus service's are made when read). */
export function namesToColumns(docs: readonly DocumentEntities[]): NamesColumns {
  const uris: string[] = [];
  const counts = new Uint32Array(docs.length);
  let numbers = new Int32Array(FIELDS * 1024);
  const texts = new StringIds();
  const types: EntityType[] = [];
  const rare: RareFields[] = [];
  let i = 0;
  docs.forEach((doc, d) => {
    uris.push(doc.uri);
    const names = doc.entities;
    counts[d] = names.length;
    if (FIELDS * (i + names.length) > numbers.length) {
      const grown = new Int32Array(Math.max(2 * numbers.length, FIELDS * (i + names.length)));
      grown.set(numbers);
      numbers = grown;
    }
    for (const name of names) {
      let type = types.indexOf(name.type);
      if (type < 0) type = types.push(name.type) - 1;
      numbers[FIELDS * i] = name.start;
      numbers[FIELDS * i + 1] = name.end;
      numbers[FIELDS * i + 2] = type;
      numbers[FIELDS * i + 3] = texts.of(name.text);
      if (name.title !== undefined || name.country !== undefined || name.nested !== undefined) rare.push(rareFields(i, name));
      i++;
    }
  });
  return { uris, counts, numbers: numbers.slice(0, FIELDS * i), texts: texts.texts, types, rare };
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

/**
 * The articles and names of `columns`, as objects again. `strings`, kept from part to part by the reader, makes every
 * text one string wherever it comes (the texts of each part are strings of their own once copied): the clustering
 * looks each name's text up in a map, which compares a string met before by identity, not character by character.
 */
export function namesFromColumns(columns: NamesColumns, strings?: Map<string, string>): DocumentEntities[] {
  const { uris, counts, numbers, types, rare } = columns;
  let texts = columns.texts;
  if (strings) {
    texts = texts.map((t) => {
      const held = strings.get(t);
      if (held !== undefined) return held;
      strings.set(t, t);
      return t;
    });
  }
  const docs: DocumentEntities[] = [];
  let i = 0;
  let r = 0;
  for (let d = 0; d < uris.length; d++) {
    const entities: RecognizedEntity[] = [];
    for (const end = i + counts[d]; i < end; i++) {
      const name: Mutable<RecognizedEntity> = {
        start: numbers[FIELDS * i],
        end: numbers[FIELDS * i + 1],
        text: texts[numbers[FIELDS * i + 3]],
        type: types[numbers[FIELDS * i + 2]],
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
