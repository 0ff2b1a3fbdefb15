/**
 * The tags that need the analyst (fuzzy or orphaned) in articles that are not open, as diagnostics: the Problems
 * panel is the analysts' worklist, and an article changed on disk (a `git pull`, another editor) may leave tags to see
 * to in articles no one has open. An open article's are published with the rest of its diagnostics
 * (publishDiagnostics.ts); this feature publishes a closed article's tag diagnostics alone, and clears them once none
 * is left. They are worked out again whenever clients are told that tags changed (after the corpus is indexed, after
 * a tag file or an article changed, when an article is closed).
 */
import { LineIndex } from '../../core/index';
import type { Feature, ServerContext } from '../context';
import { nextTurn } from '../eventLoopTurns';
import { tagDiagnostics } from '../tagDiagnostics';
import { uriToPath } from '../workspace';

/** Articles worked out between two turns of the event loop (requests are answered in between). */
const ARTICLES_PER_TURN = 50;

export const closedArticleTags: Feature = {
  register(ctx) {
    /** Closed articles (URIs) whose tag diagnostics this feature has published. */
    const shown = new Set<string>();
    let queue: Promise<void> = Promise.resolve();
    ctx.notify.onTagsChanged((uris) => {
      queue = queue
        .then(() => publish(ctx, shown, uris))
        .catch((e) => ctx.connection.console.error(`Tag diagnostics of closed articles failed: ${(e as Error).stack ?? e}`));
    });
  },
};

async function publish(ctx: ServerContext, shown: Set<string>, uris: readonly string[] | undefined): Promise<void> {
  await ctx.workspace.ready;
  const files = new Set<string>();
  if (uris === undefined || uris.length === 0) {
    for (const file of ctx.tags.taggedArticles()) files.add(file);
    for (const uri of shown) {
      const file = uriToPath(uri);
      if (file) files.add(file);
    }
  } else {
    for (const uri of uris) {
      const file = uriToPath(uri);
      if (file) files.add(file);
    }
  }
  let n = 0;
  for (const file of files) {
    if (++n % ARTICLES_PER_TURN === 0) await nextTurn();
    const uri = ctx.workspace.uriOf(file);
    // An open article's tag diagnostics go with the rest of its own.
    if (ctx.openDocument(file)) {
      shown.delete(uri);
      continue;
    }
    // An article that does not read (gone, a link loop, no permission) has none: the others are still worked out.
    const text = ctx.workspace.isInCorpus(file) ? await ctx.texts.textOf(file).catch(() => undefined) : undefined;
    const diagnostics = text === undefined ? [] : tagDiagnostics(ctx.tags.anchoredTags(file, text), new LineIndex(text));
    if (ctx.openDocument(file)) continue; // opened meanwhile
    if (diagnostics.length > 0) {
      shown.add(uri);
      void ctx.connection.sendDiagnostics({ uri, diagnostics });
    } else if (shown.delete(uri)) {
      void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
