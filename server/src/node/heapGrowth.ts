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
 * Set once, when the process starts, for its whole heap and its workers': V8 reads the flag at each collection.
 * CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT overrides the percentage (0 leaves V8's own choice).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

/** Sets the factor (`set`: V8's flags, unless a test gives another); gives the percentage set, 0 for none. */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = setFlagsFromString): number {
  const given = env.CORPUS_ANNOTATOR_HEAP_GROWING_PERCENT?.trim();
  const percent = given !== undefined && /^\d{1,4}$/.test(given) ? Number(given) : HEAP_GROWING_PERCENT;
  if (percent > 0) set(`--heap-growing-percent=${percent}`);
  return percent;
}
