/**
 * How far V8 lets the heap grow past what was live at its last full collection before it collects again.
 *
 * V8 chooses that factor itself, between 1.1 and 4, from how fast it collects against how fast the program allocates;
 * with the hundreds of MB that a 10,000-article corpus keeps live, it chose a high one. In code-server, typing into
 * such a corpus with the views open, the server's resident memory grew by about 75 MB every 10 s, from 560 MB to
 * 1,350 MB in two minutes, without one full collection; the idle collection then took back 690 MB (384 MB live).
 * With a fixed factor, a full collection starts (concurrently, in increments) once the heap is that much above its
 * live size, so memory while editing stays near the steady state.
 *
 * The CLI sets it too: `analyze --format json` over the same 10,000 articles peaked at 614, 615 and 664 MB with it,
 * 729, 731 and 766 MB without (alternated runs, output to a file, same output), in 18-24 s either way.
 *
 * The factor is V8's flag, for the whole process (its workers' heaps too), read at each collection. While a burst of
 * work that makes most of what it allocates live runs in worker threads (analysing a corpus's new articles, clustering
 * it), the language server gives V8 back its own choice (`relax`): with the fixed factor, spawn → 10,000 new articles
 * indexed took 17.3, 20.7 and 18.9 s (clustering 4.7, 6.1, 4.7 s), with V8's own 15.0, 18.4 and 16.0 s (3.7, 4.2,
 * 3.9 s), for a peak while indexing of 687-710 MB against 741-756 MB (alternated runs, test/bench/server.ts's corpus).
 * Editing comes after it, with the factor fixed again.
 *
 * CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT overrides the percentage (0 leaves V8's own choice throughout).
 */
import { setFlagsFromString } from 'node:v8';
import { wholeNumberFrom } from './envNumber';

export const HEAP_GROWING_PERCENT = 30;

/** The process's heap growth: fixed (`limit`), or V8's own while some work holds it relaxed. */
export interface HeapGrowth {
  /** The fixed percentage, 0 when none is set. */
  readonly percent: number;
  /** Fixes the factor (unless some work holds it relaxed: it is fixed when the last lets go). */
  limit(): void;
  /** Gives V8 its own choice until the function returned is called (once is enough; later calls do nothing). */
  relax(): () => void;
}

/**
 * The heap growth of this process: the percentage from `env` (`set`: V8's flags, unless a test gives another). Nothing
 * is set until `limit` or `relax` is called.
 */
export function heapGrowth(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = setFlagsFromString): HeapGrowth {
  const percent = wholeNumberFrom(env.CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT, HEAP_GROWING_PERCENT, 4);
  let holds = 0;
  let limited = false;
  const apply = () => {
    if (percent === 0) return;
    const want = limited && holds === 0;
    set(`--heap-growing-percent=${want ? percent : 0}`);
  };
  return {
    percent,
    limit() {
      limited = true;
      if (holds === 0) apply();
    },
    relax() {
      if (holds++ === 0 && limited) apply();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0 && limited) apply();
      };
    },
  };
}

/** Fixes the factor for the whole run (the CLI); gives the percentage set, 0 for none. */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = setFlagsFromString): number {
  const growth = heapGrowth(env, set);
  growth.limit();
  return growth.percent;
}
