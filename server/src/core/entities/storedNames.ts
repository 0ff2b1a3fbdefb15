/**
 * One article's recognised names as the corpus service keeps them between uses: the numbers of the article's analysis
 * state (analysisState.ts: five a name, offsets into the article's text, the type and the title's offsets) in one
 * Int32Array, and the rare other fields, instead of an object and a string for every name. At 10,000 articles the
 * names were half a million objects and as many strings, held for the server's life; they are made again when asked
 * for (`list`), and let go by whoever asked once done with them.
 */
import type { RecognizedEntity } from '../types';
import { articleStateEntityAt, decodeArticleState, encodeArticleState, fitsArticleState, type ArticleState } from '../analysisState';
import type { BoilerplateSummary } from '../boilerplate/summary';

export class StoredNames {
  private constructor(
    private readonly text: string,
    private readonly numbers: Int32Array | undefined,
    private readonly extra: ArticleState['extra'],
    /** The names themselves, for a list the numbers cannot say exactly (not expected). */
    private readonly kept: readonly RecognizedEntity[] | undefined,
  ) {}

  /** The names the recogniser found in `text`. */
  static of(text: string, names: readonly RecognizedEntity[]): StoredNames {
    const state = names.every(fitsNumbers) ? encodeArticleState(text, names) : undefined;
    if (!state) return new StoredNames(text, undefined, undefined, names);
    return new StoredNames(text, Int32Array.from(state.entities), state.extra, undefined);
  }

  /** The names of a state kept for this very text (analysisState.ts); undefined when it does not fit the text. */
  static fromState(text: string, state: unknown): StoredNames | undefined {
    if (!fitsArticleState(text, state)) return undefined;
    const { entities, extra } = state as ArticleState;
    // An analysis worker's numbers are an Int32Array already: shared (with the state a host keeps until it writes it).
    const numbers = entities instanceof Int32Array ? entities : Int32Array.from(entities);
    // In the names' order, each once (the last, as decoding reads them), as `at` looks them up: a state from elsewhere
    // may list them otherwise.
    const ordered =
      extra?.length && !extra.every((item, i) => i === 0 || extra[i - 1][0] < item[0])
        ? [...new Map(extra.map((item) => [item[0], item] as const)).values()].sort((a, b) => a[0] - b[0])
        : extra;
    return new StoredNames(text, numbers, ordered?.length ? ordered : undefined, undefined);
  }

  /** The `i`th name of `list()`, made alone (a reader of a few names need not make them all). */
  at(i: number): RecognizedEntity {
    if (this.kept) return this.kept[i];
    return articleStateEntityAt(this.text, this.numbers!, this.extra, i);
  }

  /** The names, as the recogniser gave them (new objects at each call). */
  list(): RecognizedEntity[] {
    if (this.kept) return [...this.kept];
    return decodeArticleState(this.text, { entities: this.numbers, extra: this.extra })!;
  }

  /** The analysis state of the article (with its boilerplate summary, when given), for a host to keep. */
  state(boilerplate?: BoilerplateSummary): ArticleState | undefined {
    if (this.kept) return encodeArticleState(this.text, this.kept, boilerplate);
    return {
      entities: Array.from(this.numbers!),
      ...(this.extra ? { extra: this.extra } : {}),
      ...(boilerplate ? { boilerplate } : {}),
    };
  }
}

/** Whether the numbers say a name exactly: a name and its title are never empty (decoding refuses them). */
function fitsNumbers(e: RecognizedEntity): boolean {
  return e.start < e.end && e.title !== '';
}
