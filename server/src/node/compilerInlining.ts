/**
 * How much bytecode V8's optimising compiler inlines into one function, in all (`--max-inlined-bytecode-size-cumulative`,
 * 920 by default in Node 20's V8).
 *
 * Each thread that analyses articles compiles the recogniser's long rule functions again and again as it warms up: V8
 * inlines their callees up to that budget, and a function whose inlined callees meet objects of another shape is
 * thrown away and compiled again. With two analysis workers on two cores, that compiling took about a fifth of the
 * processor time of analysing 6,000 new articles (V8's helper threads: 3.3-3.5 s beside 10.5 s in the workers), and
 * it competes with the workers for the cores. With a budget of 300, the same 6,000 articles took 6.2-6.7 s against
 * 7.0-7.3 s (three alternated pairs), spawn → 10,000 new articles indexed 12.9-13.1 s against 13.8-13.9 s (three
 * alternated pairs, the clustering unchanged at about 3 s), and a single thread's first pass over the CoNLL-2003
 * articles 1.6 s against 1.8-2.1 s, with the same speed once warm (pipeline bench). Results do not depend on it.
 *
 * The flag is V8's, for the whole process (its workers too), read when a function is compiled: set it before the
 * workers start. CORPUS_ANNOTATOR_MAX_INLINED overrides the budget (0 leaves V8's own).
 */
import { setFlagsFromString } from 'node:v8';
import { wholeNumberFrom } from './envNumber';

export const MAX_INLINED_BYTECODE = 300;

/** Sets the budget for the process (`set`: V8's flags, unless a test gives another); gives the budget set, 0 for none. */
export function limitInlining(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = setFlagsFromString): number {
  const budget = wholeNumberFrom(env.CORPUS_ANNOTATOR_MAX_INLINED, MAX_INLINED_BYTECODE, 5);
  if (budget > 0) set(`--max-inlined-bytecode-size-cumulative=${budget}`);
  return budget;
}
