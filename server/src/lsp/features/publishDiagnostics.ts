/**
 * Publishes diagnostics for every open article: debounced, cancelled by newer edits. While the corpus is being indexed
 * (half a minute for 10,000 new articles), an open article gets what it shows by itself at once (its names grouped
 * within it, its dates, boilerplate repeated inside it: CorpusService.articleAlone), and the corpus-wide ones (names
 * across articles, passages shared with others) once the corpus is indexed.
 */
import { DiagnosticSeverity, PublishDiagnosticsNotification, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, LineIndex, type AnalysisOptions, type ArticleAlone, type CancellationToken, type DocumentAnalysis, type EntityRegistry } from '../../core/index';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from '../diagnostics';
import { registryMembership } from '../entityListing';
import { sameDiagnostic, shareUnchanged } from '../sharedDiagnostics';
import { tagDiagnostics } from '../tagDiagnostics';
import type { ServerContext } from '../context';
import type { Settings } from '../../workspace/settings';
import { uriToPath } from '../workspace';
import { changedWithinTurns, nextTurn } from '../eventLoopTurns';

/** The pause in typing after which the edited article is analysed, ahead of the end of the debounce (150 ms). */
export const ANALYSE_AHEAD_MS = 50;

/** How many other articles' line indexes the validator keeps between passes (those its findings point into). */
const KEPT_LINE_INDEXES = 512;

/**
 * Line indexes of the articles diagnostics point into (another copy of a passage), kept between passes while the
 * article's text is the same: each keystroke's pass would otherwise scan the same articles again, once per finding.
 */
class LineIndexes {
  private readonly kept = new Map<string, { text: string; lines: LineIndex }>();

  of(key: string, text: string): LineIndex {
    const hit = this.kept.get(key);
    if (hit && hit.text === text) {
      this.kept.delete(key); // most recently used last
      this.kept.set(key, hit);
      return hit.lines;
    }
    const lines = new LineIndex(text);
    this.kept.delete(key);
    this.kept.set(key, { text, lines });
    if (this.kept.size > KEPT_LINE_INDEXES) this.kept.delete(this.kept.keys().next().value!);
    return lines;
  }
}

/**
 * The diagnostics of the article being typed in, worded ahead of the end of the debounce (without its tags'), and what
 * they were made from: used by the pass at the end of the debounce when that is all still the same.
 */
interface WordedAhead {
  readonly uri: string;
  readonly version: number;
  readonly settings: Settings;
  readonly registry: unknown;
  /** CorpusService.analysisStamp when they were made. */
  readonly stamp: number;
  readonly diagnostics: Diagnostic[];
  /** What is sent when they are all the article has (no tags): encoded ahead too (ServerContext.encodeAhead). */
  readonly params: PublishDiagnosticsParams;
}

export function createValidator(ctx: () => ServerContext): (delayMs?: number, edited?: string) => void {
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  /** Requests for a pass (validateSoon) so far. */
  let requested = 0;
  const lineIndexes = new LineIndexes();
  const sent = new SentDiagnostics();
  /** Documents edited since the last pass began, most recent last: validated first, most recent first. */
  const edited = new Set<string>();
  /** Dropped by any request for a pass (validateSoon) made after them, and once used. */
  let ahead: WordedAhead | undefined;
  const takeAhead = (uri: string): WordedAhead | undefined => {
    const kept = ahead;
    if (kept?.uri !== uri) return undefined;
    ahead = undefined;
    return kept;
  };

  async function validateAll(): Promise<void> {
    // Edits that reached a busy server (one analysing ahead, or an earlier pass) are queued behind this timer, one
    // handled a turn: a pass now would show each version in turn, seconds after the typing stopped. One waiting sets
    // the timer again, and the pass comes after the last.
    if (await changedWithinTurns(() => requested)) return;
    const mine = ++generation;
    const token: CancellationToken = { get isCancellationRequested() { return mine !== generation; } };
    const c = ctx();
    if (c.indexer.indexingProgress) await c.workspace.ready;
    else await c.indexer.ready; // settled: no indexing runs (before the first, the progress says "finding")
    const first = [...edited].reverse();
    edited.clear();
    const docs = c.documents.all();
    const rank = (uri: string) => {
      const i = first.indexOf(uri);
      return i < 0 ? first.length : i;
    };
    if (first.length) docs.sort((a, b) => rank(a.uri) - rank(b.uri));
    for (const doc of docs) {
      if (token.isCancellationRequested) return;
      try {
        await validate(c, doc, token, lineIndexes, sent, takeAhead(doc.uri));
      } catch (e) {
        if (e instanceof CancelledError) return;
        c.connection.console.error(`Analysis of ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      }
      // The connection encodes and writes a message in a later turn of the event loop: the edited article's
      // diagnostics (2,000 of them, 0.7 MB, for a 100 KB article) went out only once every other open article had been
      // analysed too. Each goes out before the next article is.
      await nextTurn();
    }
  }

  /**
   * The article being typed in is analysed, and its diagnostics worded, once typing pauses for ANALYSE_AHEAD_MS, while
   * they wait for the rest of the debounce: the pass at the end of the debounce sends them if nothing they were made
   * from changed meanwhile (else it finds the core's analysis of that text kept). A keystroke meanwhile (the analyst
   * typing on) makes that work wasted; one before it starts puts it off.
   */
  let aheadTimer: NodeJS.Timeout | undefined;
  let keystrokes = 0;
  async function analyseAhead(uri: string, mine: number): Promise<void> {
    const c = ctx();
    if (c.indexer.indexingProgress) return; // each pass answers from the article alone then (articleAlone)
    // A pass that began meanwhile (at the end of the debounce, while this waited) did without what this words.
    const passes = generation;
    // A keystroke waiting (see validateAll) is not a pause in the typing.
    if (await changedWithinTurns(() => keystrokes)) return;
    await c.indexer.ready;
    const file = uriToPath(uri);
    if (!file || mine !== keystrokes || !c.documents.get(uri) || !c.workspace.isInCorpus(file)) return;
    const settings = await c.settingsOf(file);
    await c.indexer.boilerplateIndexing;
    const doc = c.documents.get(uri);
    if (mine !== keystrokes || passes !== generation || !doc || c.indexer.indexingProgress || !c.service.hasDocument(file) || c.service.getText(file) !== doc.getText()) return;
    const token: CancellationToken = { get isCancellationRequested() { return mine !== keystrokes; } };
    try {
      const registry = c.workspace.corpusOf(file)?.registry();
      const diagnostics = corpusDiagnostics(c, file, new LineIndex(doc.getText()), settings, undefined, registry, token, lineIndexes);
      const params: PublishDiagnosticsParams = { uri: doc.uri, version: doc.version, diagnostics };
      // Encoded while the debounce runs too, unless tags add theirs: at its end they are only written (a 100 KB
      // article's are 0.7 MB, 12 ms to encode).
      if (c.encodeAhead && c.tags.anchoredTags(file, doc.getText()).length === 0) c.encodeAhead(PublishDiagnosticsNotification.method, params);
      ahead = { uri, version: doc.version, settings, registry, stamp: c.service.analysisStamp(), diagnostics, params };
    } catch (e) {
      if (!(e instanceof CancelledError)) c.connection.console.error(`Analysis of ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  }

  return (delayMs = 150, uri) => {
    ahead = undefined;
    requested++;
    if (uri) {
      edited.delete(uri);
      edited.add(uri);
      const mine = ++keystrokes;
      if (aheadTimer) clearTimeout(aheadTimer);
      aheadTimer = delayMs > ANALYSE_AHEAD_MS ? setTimeout(() => void analyseAhead(uri, mine), ANALYSE_AHEAD_MS) : undefined;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void validateAll(), delayMs);
  };
}

/**
 * What was last published for each open article (by its document: one closed and opened again is another, and its
 * diagnostics were cleared). A pass after an edit words every open article's diagnostics again; an article that was not
 * edited and whose diagnostics came out the same is not sent them again (a 100 KB article open beside the one being
 * typed in was sent its 2,000 diagnostics, 0.7 MB, at every pause in the typing).
 */
class SentDiagnostics {
  private readonly last = new WeakMap<TextDocument, { readonly version: number; readonly diagnostics: Diagnostic[] }>();

  /** Whether `diagnostics` for `doc` at its version are what was last sent for it. */
  same(doc: TextDocument, diagnostics: Diagnostic[]): boolean {
    const last = this.last.get(doc);
    return !!last && last.version === doc.version && last.diagnostics.length === diagnostics.length && last.diagnostics.every((d, i) => sameDiagnostic(d, diagnostics[i]));
  }

  /**
   * Keeps `diagnostics` as the last sent for `doc`; in a later turn, once they are written, those that did not change
   * are replaced by the objects kept before (sharedDiagnostics.ts: 1.5 ms for a 100 KB article's, not spent before
   * they go out).
   */
  record(doc: TextDocument, diagnostics: Diagnostic[]): void {
    const last = this.last.get(doc);
    const kept = { version: doc.version, diagnostics };
    this.last.set(doc, kept);
    if (last) setImmediate(() => this.last.get(doc) === kept && shareUnchanged(last.diagnostics, diagnostics));
  }
}

async function validate(
  c: ServerContext, doc: TextDocument, token: CancellationToken, lineIndexes: LineIndexes, sent: SentDiagnostics, ahead?: WordedAhead,
): Promise<void> {
  const file = uriToPath(doc.uri);
  if (!file || !c.workspace.isInCorpus(file)) return;
  // An article just opened: its first diagnostics once it is ready for edits (editsPrepared.ts), in a pass of their
  // own then; the other open articles' meanwhile.
  const preparing = c.editsPrepared.of(doc);
  if (preparing) {
    void preparing.then(() => c.validateSoon(0, doc.uri));
    return;
  }
  const settings = await c.settingsOf(file);
  const text = doc.getText();
  // Too large to analyse: documentSync.ts keeps it out of the core, and it says so here.
  if (text.length > settings.maxDocumentSize) {
    publish(c, doc, sent, [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: `Not analysed: ${text.length} characters is more than corpusAnnotator.maxDocumentSize (${settings.maxDocumentSize}).`,
    }]);
    return;
  }
  if (!c.service.hasDocument(file)) return;
  // While the corpus's passages are indexed after an indexing (in slices; a second at 10,000 reopened articles), the
  // article's boilerplate is what it repeats within itself, and the diagnostics go out again once they are indexed.
  const passagesPending = c.indexer.indexingProgress ? undefined : c.indexer.boilerplateIndexing;
  if (passagesPending) void passagesPending.then(() => c.validateSoon(0));
  const lines = new LineIndex(text);
  const registry = c.workspace.corpusOf(file)?.registry();
  // Asked again: the indexing may have ended while the settings were read. The corpus-wide pass follows it.
  const alone = c.indexer.indexingProgress ? c.service.articleAlone(file, c.analysisOptions(settings), token) : undefined;
  const usable =
    !alone && !passagesPending && ahead?.uri === doc.uri && ahead.version === doc.version && ahead.settings === settings && ahead.registry === registry && ahead.stamp === c.service.analysisStamp();
  const worded = usable ? ahead!.diagnostics : corpusDiagnostics(c, file, lines, settings, alone, registry, token, lineIndexes, !passagesPending);
  const tagged = tagDiagnostics(c.tags.anchoredTags(file, text), lines);
  const diagnostics = tagged.length ? [...worded, ...tagged].sort(byPlace) : worded;
  if (!token.isCancellationRequested) publish(c, doc, sent, diagnostics, usable && diagnostics === ahead!.diagnostics ? ahead!.params : undefined);
}

/**
 * Sends `diagnostics` for `doc`, unless they are what was last sent for this version of it: as `ready`, the params made
 * (and maybe encoded) ahead, when they hold these very diagnostics.
 */
function publish(c: ServerContext, doc: TextDocument, sent: SentDiagnostics, diagnostics: Diagnostic[], ready?: PublishDiagnosticsParams): void {
  if (sent.same(doc, diagnostics)) return;
  c.connection.sendDiagnostics(ready ?? { uri: doc.uri, version: doc.version, diagnostics });
  sent.record(doc, diagnostics);
}

/** The diagnostics of an article's analysis (its tags' aside): corpus-wide, or of the article `alone` during an indexing. */
function corpusDiagnostics(
  c: ServerContext, file: string, lines: LineIndex, settings: Settings, alone: ArticleAlone | undefined, registry: EntityRegistry | undefined,
  token: CancellationToken, lineIndexes: LineIndexes, withBoilerplate = true,
): Diagnostic[] {
  const options = c.analysisOptions(settings);
  const analysis = alone ? alone.analysis : withBoilerplate ? c.service.analyze(file, options, token) : withPassagesAlone(c, file, options, token);
  const clustering = alone ? alone.clustering : c.service.entityClustering(token, 'fast');
  // Each article a copy is in, located once a call: a repeated passage names the same few articles again and again (in
  // a 100 KB article of copies, making their URIs was a twentieth of the diagnostics' time).
  const located = new Map<string, { uri: string; lines: LineIndex } | undefined>();
  const locate = (key: string) => {
    if (located.has(key)) return located.get(key);
    const t = c.service.getText(key);
    const where = t === undefined ? undefined : { uri: c.workspace.uriOf(key), lines: key === file ? lines : lineIndexes.of(key, t) };
    located.set(key, where);
    return where;
  };
  return toDiagnostics(analysis, lines, settings, clustering, { locate }, registryMembership(registry), alone ? 'article' : 'corpus').sort(byPlace);
}

/**
 * An article's analysis while the corpus's passages are being indexed after an indexing: its boilerplate as the article
 * alone shows it (passages repeated within it, as during the indexing), the rest corpus-wide.
 */
export function withPassagesAlone(c: ServerContext, file: string, options: AnalysisOptions, token: CancellationToken): DocumentAnalysis {
  const analysis = c.service.analyze(file, { ...options, boilerplate: false }, token);
  return { ...analysis, boilerplate: c.service.articleAlone(file, options, token)?.analysis.boilerplate ?? [] };
}

/**
 * Diagnostics in the order of their places in the article. VS Code shows at most 1,000 diagnostics of a file, the most
 * severe first and, among equals, the first sent: in a 100 KB article (2,000 flags), names came first and filled them,
 * so a date typed on its first line was never underlined. In this order, what is cut is the end of the article.
 */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
