/**
 * The corpus timeline over LSP. `corpusAnnotator/timelineOutline` gives its buckets (years, months, unknown-year,
 * undated) with their counts and `corpusAnnotator/timelineItems` one bucket's dated mentions, for a tree that shows its
 * top levels first and a month when it is expanded; `corpusAnnotator/timeline` gives the whole timeline at once (the
 * plot, other editors), with LSP ranges and article labels, once every date's `inBoilerplate` is known (the outline and
 * buckets do not wait for that pass: see TimelineIndex). All answer from the server's TimelineIndex (kept up to date
 * one article at a time): the first asks build it, in slices, with work-done progress on the client's token (or on its
 * own for large corpora when the client supports server-initiated progress). Cancellation is honoured.
 *
 * The index sends `corpusAnnotator/timelineChanged` with the buckets that changed, after a quiet spell, and only when
 * mentions changed. It learns of changes from the workspace model's events (articles, tags, the registry, the ignore
 * list), the open documents, and the indexer (a new indexing, a new clustering).
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type RequestType, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { CancelledError } from '../../core/index';
import { TimelineRequests, type TimelineItemsParams, type TimelineParams } from '../../protocolTimeline';
import type { Feature, ServerContext } from '../context';
import { describe, handleRequest, paramsObject, requiredString } from '../params';
import { TimelineIndex } from '../timelineIndex';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

/** Above this many articles the server shows its own progress when the client sent no token. */
const OWN_PROGRESS_FROM = 200;

export const timelineFeature: Feature = {
  register(ctx) {
    const index = new TimelineIndex(ctx);
    const answer = <P, R>(method: RequestType<P, R, void>, parse: (raw: Record<string, unknown>, what: string) => P, run: (params: P, token: CancellationToken) => Promise<R>) =>
      handleRequest(ctx.connection, method, parse, async (params, token) => {
        try {
          return await run(params, token);
        } catch (e) {
          if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Timeline cancelled');
          throw e;
        }
      });
    answer(TimelineRequests.timeline, parseTimelineParams, async (params, token) => {
      // The whole timeline (the plot) with every date's inBoilerplate known: after the boilerplate pass.
      await current(ctx, index, params, token, true);
      return { items: index.items(), tagsWithoutDate: index.tagsWithoutDate(), articles: index.articles, skipped: index.skippedUris(), version: index.version };
    });
    answer(TimelineRequests.outline, parseTimelineParams, async (params, token) => {
      await current(ctx, index, params, token);
      return { version: index.version, buckets: index.outline(), articles: index.articles, skipped: index.skippedUris() };
    });
    answer(TimelineRequests.items, parseItemsParams, async (params, token) => {
      await current(ctx, index, {}, token);
      return { version: index.version, bucket: params.bucket, items: index.bucket(params.bucket) };
    });

    // What the timeline is made of: each change marks what it touches.
    ctx.workspace.onDidChange(({ event }) => {
      if (event.kind === 'articles') index.articlesChanged([...event.changed.map((c) => c.file), ...event.removed]);
      else if (event.kind === 'tags') index.articlesChanged(event.articles);
      else if (event.kind === 'registry') index.entitiesChanged();
      else if (event.kind === 'ignores') index.everyArticleChanged();
    });
    const edited = ({ document }: { document: { uri: string } }) => {
      const file = uriToPath(document.uri);
      if (file) index.articlesChanged([file]);
    };
    ctx.documents.onDidOpen(edited);
    ctx.documents.onDidChangeContent(edited);
    ctx.documents.onDidClose(edited);
    ctx.indexer.onIndexed(() => index.everyArticleChanged());
    ctx.indexer.onReclustered(() => index.entitiesChanged());
    ctx.indexer.onEntitiesChangedIn((files) => index.entitiesChangedIn(files));
  },
};

function parseTimelineParams(raw: Record<string, unknown>, what: string): TimelineParams {
  const t = raw.workDoneToken;
  if (t === undefined || t === null) return {};
  if (typeof t === 'string' || (typeof t === 'number' && Number.isInteger(t))) return { workDoneToken: t };
  throw new UserError(`${what}: \`workDoneToken\` must be a string or a whole number, got ${describe(t)}.`);
}

async function progressFor(ctx: ServerContext, params: TimelineParams, articles: number): Promise<WorkDoneProgressReporter | undefined> {
  if (params.workDoneToken !== undefined) return ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
  if (articles >= OWN_PROGRESS_FROM && ctx.indexer.progressSupported) {
    return ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
  }
  return undefined;
}

/**
 * Brings the index up to date for a request. Progress is shown on the client's token when it gave one; otherwise on
 * the server's own for a large corpus, and only when there is work to show (the first build, a long update).
 */
async function current(ctx: ServerContext, index: TimelineIndex, params: TimelineParams, token: CancellationToken, complete = false): Promise<void> {
  let progress: Promise<WorkDoneProgressReporter | undefined> | undefined;
  const begin = (total: number) => {
    progress = progressFor(ctx, params, total);
    void progress.then((p) => p?.begin('Corpus timeline', 0, total ? `Reading dates of ${total} articles…` : undefined, true));
    return progress;
  };
  if (params.workDoneToken !== undefined) begin(0);
  try {
    await index.current(token, (done, total) => {
      void (progress ?? begin(total)).then((p) => p?.report(Math.round((done / total) * 100), `${done}/${total} articles`));
    }, complete);
  } finally {
    void progress?.then((p) => p?.done());
  }
}

function parseItemsParams(raw: Record<string, unknown>, what: string): TimelineItemsParams {
  return { bucket: requiredString(paramsObject(raw, what), 'bucket', what) };
}
