/**
 * V8's allocation-site pretenuring, turned off for the language server: ordinary objects are then made in the young
 * generation, and only those that live through two of its collections are moved to the old one.
 *
 * V8 watches how many of the objects made at each place in the code live through a collection of the young generation,
 * and from some share on makes that place's objects in the old generation directly. Indexing and grouping a corpus make
 * millions of objects that stay; afterwards, places that typing runs again (an article's tokens, its names with their
 * entities, its diagnostics) had been switched to the old generation, and what each keystroke made there lived until
 * a full collection. Typing into a 100 KB article of a 10,000-article corpus after its names were grouped again, the
 * old generation grew by 4-5 MB a keystroke, and a full collection came every 20-25 keystrokes, its marking 130-190 ms
 * of the server's thread spread over one or two keystrokes (`--trace-gc`); a sampled heap profile of those keystrokes
 * put most of what full collections took back at those places. Without pretenuring the old generation grew by about
 * 1 MB a keystroke and no full collection came in 60 keystrokes. Server bench, two alternated pairs: 100 KB edit p95
 * after the regrouping 29 and 33 ms against 69 and 69 ms (slowest 64 and 60 against 165 and 230 ms); spawn → indexed
 * 15.7 and 17.1 s against 16.6 and 20.1 s; peak while editing 570 and 572 MB against 550 and 592 MB.
 *
 * The flag is V8's, for the whole process (its workers too), read at each collection of the young generation: set it
 * before the work starts. CORPUS_ANNOTATOR_PRETENURING=1 leaves V8's own.
 */
import { setFlagsFromString } from 'node:v8';

/** Turns pretenuring off (`set`: V8's flags, unless a test gives another), unless the environment asks for it; whether it did. */
export function stopPretenuring(env: NodeJS.ProcessEnv = process.env, set: (flags: string) => void = setFlagsFromString): boolean {
  if (env.CORPUS_ANNOTATOR_PRETENURING?.trim() === '1') return false;
  set('--no-allocation-site-pretenuring');
  return true;
}
