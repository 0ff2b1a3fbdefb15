/**
 * The corpus timeline over LSP: `corpusAnnotator/timeline` returns every dated mention of the corpus in time order,
 * with LSP ranges and article labels. Corpus-wide work: waits for the indexer, honours cancellation, yields to the
 * event loop so that cancellation arrives, and reports work-done progress on the client's token (or on its own for
 * large corpora when the client supports server-initiated progress).
 *
 * Clients refetch when the server sends `corpusAnnotator/timelineChanged` (after a change of article text, tags, the
 * entity registry, or the end of indexing; coalesced); the VS Code client does so only while the view or plot is shown.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver';
import {
  buildTimeline,
  timelineSource,
  CancelledError,
  LineIndex,
  tagsWithoutDate,
  throwIfCancelled,
  type CancellationToken as CoreToken,
  type TimelineEntry,
  type TimelineSource,
  type TimelineTag,
} from '../../core/index';
import { TimelineRequests, type TimelineItem, type TimelineParams, type TimelineResult, type TimelineTagWithoutDate } from '../../protocolTimeline';
import type { Feature, ServerContext } from '../context';
import { describe, handleRequest } from '../params';
import { UserError } from '../tagService';

/** Above this many articles the server shows its own progress when the client sent no token. */
const OWN_PROGRESS_FROM = 200;

export const timelineFeature: Feature = {
  register(ctx) {
    handleRequest(ctx.connection, TimelineRequests.timeline, parseTimelineParams, async (params, token) => {
      try {
        return await timeline(ctx, params, token);
      } catch (e) {
        if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Timeline cancelled');
        throw e;
      }
    });
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

async function timeline(ctx: ServerContext, params: TimelineParams, token: CancellationToken): Promise<TimelineResult> {
  await ctx.indexer.ready;
  throwIfCancelled(token);
  const files = ctx.service.documentUris();
  const progress = await progressFor(ctx, params, files.length);
  progress?.begin('Corpus timeline', 0, `Reading dates of ${files.length} articles…`, true);
  const cancel = progress && 'token' in progress ? (progress as { token?: CancellationToken }).token : undefined;
  const cancelled: CoreToken = {
    get isCancellationRequested() {
      return token.isCancellationRequested || !!cancel?.isCancellationRequested || ctx.shutdown.isCancellationRequested;
    },
  };
  try {
    const sources: TimelineSource[] = [];
    const tags: TimelineTag[] = [];
    const skipped: string[] = [];
    let lastYield = Date.now();
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      throwIfCancelled(cancelled);
      const text = ctx.service.getText(file);
      if (text === undefined) continue;
      const settings = await ctx.settingsOf(file);
      if (text.length > settings.maxDocumentSize) {
        skipped.push(ctx.workspace.uriOf(file));
        continue;
      }
      const a = ctx.service.analyze(file, ctx.analysisOptions(settings), cancelled);
      sources.push(timelineSource(file, text, a));
      for (const t of await ctx.tags.anchoredTags(file, text)) {
        if (t.start >= 0) tags.push({ uri: file, start: t.start, end: t.end, tag: t.tag.tag });
      }
      if (Date.now() - lastYield > 50) {
        progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} articles`);
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    const entries = buildTimeline(sources, { tags, token: cancelled });
    const lines = new Map<string, LineIndex>();
    const lineIndex = (file: string) => {
      let l = lines.get(file);
      if (!l) lines.set(file, (l = new LineIndex(ctx.service.getText(file) ?? '')));
      return l;
    };
    const items = entries.map((e) => toItem(ctx, e, lineIndex(e.uri)));
    const untimed = tagsWithoutDate(sources, tags, entries, cancelled).map((t): TimelineTagWithoutDate => {
      const lines = lineIndex(t.uri);
      return {
        uri: ctx.workspace.uriOf(t.uri),
        document: ctx.workspace.label(t.uri),
        range: { start: lines.positionAt(t.start), end: lines.positionAt(t.end) },
        tag: t.tag,
        text: oneLine((ctx.service.getText(t.uri) ?? '').slice(t.start, t.end)),
        ...(t.documentDate ? { documentDate: t.documentDate } : {}),
      };
    });
    return { items, tagsWithoutDate: untimed, articles: sources.length, skipped };
  } finally {
    progress?.done();
  }
}

function toItem(ctx: ServerContext, e: TimelineEntry, lines: LineIndex): TimelineItem {
  const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  return {
    uri: ctx.workspace.uriOf(e.uri),
    document: ctx.workspace.label(e.uri),
    range: range(e.start, e.end),
    sentenceRange: range(e.sentenceStart, e.sentenceEnd),
    text: e.text,
    value: e.value,
    kind: e.kind,
    resolution: e.resolution,
    group: e.group,
    ...(e.sortKey ? { start: e.sortKey, end: e.endKey } : {}),
    ...(e.granularity ? { granularity: e.granularity } : {}),
    sentence: e.sentence,
    ...(e.documentDate ? { documentDate: e.documentDate } : {}),
    isDocumentDate: e.isDocumentDate,
    ...(e.inBoilerplate ? { inBoilerplate: true } : {}),
    entities: e.entities.map((x) => ({ id: x.entityId, name: x.canonical, type: x.type })),
    tags: [...e.tags],
  };
}

/** A passage on one line, cut in the middle when longer than 160 characters. */
function oneLine(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 160 ? `${s.slice(0, 100)} … ${s.slice(-50)}` : s;
}
