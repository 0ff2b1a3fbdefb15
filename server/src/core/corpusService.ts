/**
 * The analysis core behind one factory. It holds the corpus's texts (given to it by the host: the LSP server or the
 * CLI), and answers per-document analyses that depend on the whole corpus (entity clusters, boilerplate copies).
 * Work is cached per document text and recomputed lazily; every entry point takes a cancellation token (required:
 * hosts with nothing to cancel pass NEVER_CANCELLED) and every phase checks it.
 */
import type { BoilerplateFinding, CancellationToken, DateMention, DocumentDate, EntityMention, RecognizedEntity } from './types';
import { throwIfCancelled } from './types';
import type { NerModel } from './entities/model';
import { createEntityRecognizer } from './entities/recognizer';
import { type DocumentEntities, type EntityCluster, type EntityClustering } from './entities/aliases';
import { clusterEntitiesAsSnapshot, clusteringFromSnapshot, clusteringFromSnapshotInSlices, type ClusteringSnapshot } from './entities/clusteringSnapshot';
import type { LookAlikeColumns } from './entities/lookAlikes';
import { provisionalClustering } from './entities/provisional';
import { spellingIndexInSlices } from './entities/clusterSpellings';
import { IncrementalClustering } from './entities/incrementalClustering';
import { sameNames } from './entities/mentionMoves';
import { articlesNamedOtherwise, isNamedOtherwise } from './entities/namedOtherwise';
import { EMPTY_REGISTRY, type EntityRegistry } from './entities/registry';
import { recognizeDocumentDates, type DateOptions } from './dates/index';
import { decodeDates, encodeDates, isStoredDates, storedDateOptions, type StoredDates } from './dates/storedDates';
import { createBoilerplateIndex, DEFAULT_MIN_PASSAGE_CHARS, type BoilerplateCluster } from './boilerplate/index';
import { compileIgnores, filterClusters, filterFindings, NO_IGNORES, type BoilerplateIgnores } from './boilerplate/ignoreRules';
import type { ArticleRest, ArticleState } from './analysisState';
import { StoredNames } from './entities/storedNames';
import { RecognitionMemo } from './entities/recognitionMemo';
import { PassageKeyMemo, summarizeBoilerplate } from './boilerplate/summary';
import { runToEnd } from './slices';
import { analyseArticleAlone, type ArticleAlone } from './articleAlone';
import { entityAtIn } from './entityAt';

export interface ClusteringInput {
  /** Every article in uri order; its names are made each time `entities` is read (a getter: read it once). */
  readonly docs: DocumentEntities[];
  readonly registry: EntityRegistry;
  readonly generation: number;
}

export interface CorpusServiceInit {
  readonly nerModel: NerModel;
  readonly registry?: EntityRegistry;
}

export interface AnalysisOptions {
  readonly dates?: DateOptions;
  /**
   * False: `analyze` leaves out the boilerplate findings (an empty list), the costly part of an article's analysis
   * once its names and dates are known, for a host that needs only those for now (a first timeline).
   */
  readonly boilerplate?: boolean;
}

export interface DocumentAnalysis {
  readonly uri: string;
  readonly entities: readonly EntityMention[];
  readonly dates: readonly DateMention[];
  readonly documentDate?: DocumentDate;
  readonly boilerplate: readonly BoilerplateFinding[];
}

export interface EntityAt {
  readonly mention: EntityMention;
  readonly cluster: EntityCluster;
  /** Mentions of this entity in the document asked about. */
  readonly inDocument: number;
  /** Mentions in the whole corpus, and the number of articles they are in. */
  readonly inCorpus: number;
  readonly articles: number;
}

export interface CorpusService {
  setDocument(uri: string, text: string): void;
  /**
   * Sets a document with the analysis state a host kept from an earlier run for this very text (analysisState.ts),
   * so it is not analysed again. False (and the document is set, to be analysed when needed) when the state does not
   * fit the text. Its boilerplate summary is read later, when the article is indexed (prepareForEditsInSlices, or a
   * request for boilerplate): a state may make it only when read.
   */
  importDocument(uri: string, text: string, state: unknown): boolean;
  /**
   * Gives a document imported with its names only (analysisState.ts, analyseArticleNames) the rest of its state, made
   * for this very text (analyseArticleRest): its boilerplate summary, read when it is indexed (unless it was already),
   * and its dates (unless they were resolved already). Its names, and so the clustering, are left as they are. False
   * when the document is not held with this text.
   */
  completeDocument(uri: string, text: string, rest: ArticleRest): boolean;
  /** Says that about `documents` articles are about to be set or imported (a corpus being loaded), to make room once. */
  expectDocuments(documents: number): void;
  /** A document's analysis state, for the host to keep; undefined until it has been analysed (prepareDocument). */
  exportDocument(uri: string): ArticleState | undefined;
  removeDocument(uri: string): void;
  hasDocument(uri: string): boolean;
  /**
   * Lets go of what was computed for one article's own analysis (its dates, its boilerplate findings and the laid-out
   * lines they came from), to be made again if asked for again: for a host that analyses each article once, as the
   * CLI does, so that its memory stays that of the corpus's state instead of growing with every article it printed.
   * An article being edited keeps everything.
   */
  releaseAnalysis(uri: string): void;
  /**
   * A number that changes whenever what an analysis reads may have changed: an article set or removed, the registry,
   * the ignore list, the clustering put in use or rebuilt, an edited article's mentions moved. A host that keeps what
   * it made from `analyze` (and `entityClustering`) can tell whether it still holds.
   */
  analysisStamp(): number;
  getText(uri: string): string | undefined;
  documentUris(): string[];
  setRegistry(registry: EntityRegistry): void;
  /**
   * Recognises the entities of one document ahead of time, so corpus-wide work can be spread out and reported, and
   * resolves its dates (kept compactly, with its state: see exportDocument).
   */
  prepareDocument(uri: string, token: CancellationToken): void;
  analyze(uri: string, options: AnalysisOptions | undefined, token: CancellationToken): DocumentAnalysis;
  entityAt(uri: string, offset: number, token: CancellationToken): EntityAt | undefined;
  /**
   * What the article says by itself (articleAlone.ts): for a host still reading the corpus, which answers from the
   * open article rather than cluster a corpus it has only part of. Undefined for an article it does not hold. Kept
   * until the article, the registry, the options or the ignore list change.
   */
  articleAlone(uri: string, options: AnalysisOptions | undefined, token: CancellationToken): ArticleAlone | undefined;
  /**
   * The corpus-wide clustering. `current` (default) rebuilds it if any article changed since it was built; `fast`
   * returns the last one with the changed articles seen through it (provisionalClustering), so that a keystroke costs
   * the article and not the corpus. `analyze` and `entityAt` are always fast.
   */
  entityClustering(token: CancellationToken, freshness?: 'current' | 'fast'): EntityClustering;
  /** Whether articles changed since the last corpus-wide clustering (the host rebuilds it when typing pauses). */
  clusteringIsStale(): boolean;
  /**
   * Whether the clustering is kept up to date article by article (incrementalClustering.ts): a `current` clustering
   * then costs the articles changed since the last, not the corpus, and a host makes it on its own thread.
   */
  clusteringIsIncremental(): boolean;
  /**
   * Makes the clustering kept up to date article by article, in slices (each `next()` a few milliseconds, at most a
   * few hundred at 10,000 articles), unless it is made already for the registry in use. It holds the graph of the
   * corpus's name forms and its entities (some 120 MB more heap than a clustering made whole at 10,000 articles): a
   * host makes it once articles are being edited. Then, when the clustering in use is stale, puts it in use, finding in
   * slices too which articles name their entities otherwise (articlesWithEntitiesChanged).
   */
  incrementalClusteringInSlices(token: CancellationToken): Generator<void, void, void>;
  /** How many articles changed since the corpus-wide clustering in use was made. */
  changedSinceClustering(): number;
  /**
   * The articles whose mentions may name their entities otherwise since the last call, as the clustering kept up to
   * date article by article tells (IncrementalClustering.changedArticles); when it was put in use in place of a
   * clustering made whole, those whose mentions differ between the two (entities/namedOtherwise.ts). (A clustering made
   * whole is told otherwise: the host looks at every article.)
   */
  articlesWithEntitiesChanged(): string[];
  /**
   * What a corpus-wide clustering needs, for a host that computes it away from the thread answering requests (a
   * worker): every article's recognised names, the registry, and the generation of the corpus they describe.
   */
  clusteringInput(token: CancellationToken): ClusteringInput;
  /**
   * Puts in use a clustering computed elsewhere from `clusteringInput()` (as a snapshot). Articles changed since that
   * input are seen through it, as after an edit. False (and nothing changes) when it is older than the clustering in
   * use or the registry changed since.
   */
  adoptClustering(snapshot: ClusteringSnapshot, generation: number): boolean;
  /**
   * The clustering in use was made from other versions of these articles (or they were added or removed since): they
   * are seen through it, as after an edit, and make it stale until it is made again (a host that adopted a clustering
   * kept from an earlier run, made before some articles changed).
   */
  documentsChanged(uris: Iterable<string>): void;
  /**
   * `adoptClustering` in slices: each `next()` rebuilds part of the clustering (a host runs one per turn of its event
   * loop, so requests are answered meanwhile, from the clustering in use); the last gives whether it was adopted.
   */
  adoptClusteringInSlices(snapshot: ClusteringSnapshot, generation: number): Iterator<void, boolean, void>;
  /**
   * The look-alikes of the clustering adopted from `generation`'s input, whose snapshot said they come apart
   * (`lookAlikesLater`). False (and nothing changes) when that clustering is no longer in use.
   */
  attachLookAlikes(columns: LookAlikeColumns, generation: number): boolean;
  /**
   * Builds, in slices, the boilerplate index of the articles imported since it last ran (what a request for boilerplate
   * would otherwise build at once: a second or so at 10,000 reopened articles, the thread held all along). Changes no
   * result.
   */
  indexBoilerplateInSlices(token: CancellationToken): Generator<void, void, void>;
  /** Repeated passages across the corpus, less those the analysts ignored. */
  boilerplateClusters(token: CancellationToken): BoilerplateCluster[];
  /** `boilerplateClusters` in slices (each `next()` a few milliseconds), for a host that answers requests in between. */
  boilerplateClustersInSlices(token: CancellationToken): Generator<void, BoilerplateCluster[], void>;
  /** The analysts' ignore list (resolved to document keys): ignored findings are left out of `analyze`. */
  setBoilerplateIgnores(ignores: BoilerplateIgnores): void;
  /**
   * Does ahead of time, in slices, what the first edit after a clustering is put in use would do itself: the index of
   * the clustering's spellings that an edited article's new names are looked up in (provisional.ts), and, the first
   * time, one run of the per-article analyses on a few articles of the corpus, their results dropped (their code was run by
   * the analysis workers only, and is compiled on this thread then, not at the analyst's first keystroke), with a few
   * keystrokes typed into them through the memos of an article being edited (editingStarted). First, the boilerplate
   * index of the articles imported since it last ran (importDocument reads no boilerplate summary: a reopened corpus is
   * ready without it; a request for boilerplate before then builds it at once). Changes no result. A host runs it when
   * idle after indexing and after each clustering it puts in use.
   */
  prepareForEditsInSlices(token: CancellationToken): Generator<void, void, void>;
  /**
   * The article is open in an editor: from now on the sentences of its last version are kept with it (a memo of what
   * recognising each found, recognitionMemo.ts), so an edit recognises again only the sentences it changed. Recognises
   * the current text once to fill the memo (a host runs this when idle after the open). Held for the
   * `MAX_EDITED_ARTICLES` articles opened or edited last; results are the same with it as without.
   */
  editingStarted(uri: string, token: CancellationToken): void;
  /**
   * `editingStarted` in two steps: the boilerplate summary, then the recognition (a host runs it in idle turns after
   * the open, and its first diagnostics wait for it: lsp/editsPrepared.ts). The memos are in use from the first step;
   * they are filled by the second.
   */
  editingStartedInSlices(uri: string, token: CancellationToken): Generator<void, void, void>;
  /** The article is no longer open in an editor: what `editingStarted` kept for it is let go. */
  editingEnded(uri: string): void;
}

/** Articles whose recognition memo (editingStarted) is held at once: those opened or edited last. */
export const MAX_EDITED_ARTICLES = 8;

/** Articles the per-article analyses are run on once, ahead of the first edit (prepareForEditsInSlices). */
const WARM_UP_ARTICLES = 4;
/** Articles joined into the long one the warm-up types into as well (prepareForEditsInSlices), and its most characters. */
const LONG_WARM_UP_ARTICLES = 40;
const LONG_WARM_UP_CHARS = 100_000;
/** Keystrokes typed into each of those, through the memos of an article being edited (prepareForEditsInSlices). */
const WARM_UP_KEYSTROKES = 3;

/** `text` with `count` letters typed at the start of its third line (or at its end), as an analyst types. */
function typedInto(text: string, count: number): string {
  const second = text.indexOf('\n');
  const third = second < 0 ? -1 : text.indexOf('\n', second + 1);
  const at = third < 0 ? text.length : third + 1;
  return text.slice(0, at) + 'x'.repeat(count) + text.slice(at);
}

interface DocState {
  readonly uri: string;
  readonly text: string;
  /** Its names once recognised, held compactly (made into objects when asked for). */
  entities?: StoredNames;
  dates?: { key: string; documentDate?: DocumentDate; dates: DateMention[] };
  /**
   * Its dates as kept between runs (dates/storedDates.ts: numbers and one string), from the analysis state it was
   * imported with or once resolved here: `dates` is made from them, and they are what `exportDocument` keeps. Kept
   * when the article's analysis is let go (releaseAnalysis), so that its dates are never resolved twice.
   */
  storedDates?: StoredDates;
  alone?: { key: string; registry: EntityRegistry; ignores: unknown; result: ArticleAlone };
}

export function createCorpusService(init: CorpusServiceInit): CorpusService {
  const recognizer = createEntityRecognizer(init.nerModel);
  const docs = new Map<string, DocState>();
  const boilerplate = createBoilerplateIndex();
  let registry = init.registry ?? EMPTY_REGISTRY;
  /** The last corpus-wide clustering, and the articles changed (or removed) since it was built. */
  let clustering: EntityClustering | undefined;
  const changedSince = new Set<string>();
  /** Every change counts: the generation of the corpus, of each article's last change, and of the registry. */
  let generation = 0;
  let clusteringGeneration = -1;
  let registryGeneration = 0;
  const changedAt = new Map<string, number>();
  let fastView: EntityClustering | undefined;
  /** Changes whenever what an analysis reads may have changed (analysisStamp). */
  let stamp = 0;
  /**
   * Each article's names as the clustering in use was made from them, and those of the last `clusteringInput` (for a
   * clustering made from it elsewhere): an edit that keeps an article's names only moves its mentions (mentionMoves.ts).
   */
  let builtFrom = new Map<string, StoredNames>();
  let lastInput: { generation: number; names: Map<string, StoredNames> } | undefined;
  /**
   * The clustering kept up to date article by article, once made (incrementalClusteringInSlices), with the registry it was made for
   * and each article's names as it holds them; `incrementalDirty`: the articles changed since it last looked.
   */
  let incremental: { readonly clusterer: IncrementalClustering; readonly registry: EntityRegistry; readonly from: Map<string, StoredNames> } | undefined;
  const incrementalDirty = new Set<string>();
  /** The articles whose entities may be named otherwise, since a host last asked (articlesWithEntitiesChanged). */
  const entitiesChangedIn = new Set<string>();
  let ignores = compileIgnores(NO_IGNORES);
  let clusters: BoilerplateCluster[] | undefined;
  /** The ignore list's verdict on each cluster (filterClusters), until the list changes. */
  let ignoredClusters = new WeakMap<BoilerplateCluster, BoilerplateCluster | null>();
  /**
   * Articles set since the boilerplate index last saw them: indexed when something asks for boilerplate (or for the
   * article's state), so that an article whose state comes back from a worker or a cache, with its boilerplate
   * summary, is never laid out on this thread.
   */
  const unindexed = new Map<string, string>();
  /**
   * The imported states (importDocument) of unindexed articles, whose boilerplate summary is read when the article is
   * indexed, not when it is imported: a reopened corpus is ready before its boilerplate index is built (in idle turns
   * after, `prepareForEditsInSlices`, or at once when something asks for boilerplate). A host's state may make its
   * summary only when it is read (node/analysisCacheStore.ts keeps it serialised until then).
   */
  const importedStates = new Map<string, Pick<ArticleState, 'boilerplate'>>();
  /**
   * Articles open in an editor (editingStarted), most recently opened or edited last, with what their last version
   * gave: per sentence and line (recognitionMemo.ts), and per passage line (boilerplate/summary.ts).
   */
  const editing = new Map<string, { readonly names: RecognitionMemo; readonly passages: PassageKeyMemo }>();
  const indexBoilerplate = (uri: string): void => {
    const text = unindexed.get(uri);
    if (text === undefined) return;
    unindexed.delete(uri);
    const imported = importedStates.get(uri);
    importedStates.delete(uri);
    const summary = imported?.boilerplate;
    if (summary !== undefined) boilerplate.update(uri, text, summary); // summarised again if it does not fit
    else boilerplate.update(uri, text, undefined, editing.get(uri)?.passages);
  };
  /** Articles indexed at once when more are waiting (the index makes room for them once: boilerplate.expect). */
  const EXPECTED_AT_ONCE = 128;
  /** Unindexed articles indexed between two yields of `indexBoilerplateInSlices`. */
  const INDEXED_PER_SLICE = 32;
  function* indexBoilerplateInSlices(token?: CancellationToken): Generator<void, void, void> {
    if (unindexed.size >= EXPECTED_AT_ONCE) boilerplate.expect(unindexed.size);
    try {
      let n = 0;
      for (const uri of [...unindexed.keys()]) {
        throwIfCancelled(token);
        indexBoilerplate(uri);
        if (++n % INDEXED_PER_SLICE === 0) yield;
      }
    } finally {
      boilerplate.expect(0);
    }
  }
  const indexAllBoilerplate = (token?: CancellationToken): void => {
    if (unindexed.size) runToEnd(indexBoilerplateInSlices(token));
  };

  /** Everything corpus-wide must be rebuilt (a new registry). */
  const invalidate = (): void => {
    registryGeneration = ++generation;
    clustering = undefined;
    builtFrom = new Map();
    lastInput = undefined;
    incremental = undefined;
    changedSince.clear();
    fastView = undefined;
    clusters = undefined;
    stamp++;
  };

  /** One article changed: the clustering goes stale for it, and is rebuilt when asked for as current. */
  const documentChanged = (uri: string): void => {
    changedAt.set(uri, ++generation);
    if (clustering) changedSince.add(uri);
    if (incremental || buildingIncremental) incrementalDirty.add(uri);
    fastView = undefined;
    clusters = undefined;
    stamp++;
  };

  const memoOf = (uri: string): RecognitionMemo | undefined => {
    const memo = editing.get(uri);
    if (memo === undefined) return undefined;
    editing.delete(uri); // most recently used last
    editing.set(uri, memo);
    return memo.names;
  };

  /** An article's names, recognised on first use. */
  const recognized = (state: DocState, token?: CancellationToken): StoredNames => {
    let entities = state.entities;
    if (!entities) {
      throwIfCancelled(token);
      entities = StoredNames.of(state.text, recognizer.recognize(state.text, token, memoOf(state.uri)));
      state.entities = entities;
    }
    return entities;
  };

  /** An article's names found to differ from those the clustering was made from (by `settleMovedNames`). */
  const namesDiffer = new WeakMap<StoredNames, StoredNames>();
  /**
   * Articles changed since the clustering was made whose names are the same (offsets aside): their mentions are moved,
   * and they no longer make the clustering stale. A keystroke that changes no name costs no corpus-wide work.
   */
  const settleMovedNames = (token?: CancellationToken): void => {
    const move = clustering?.moveMentions;
    if (!move || !changedSince.size) return;
    for (const uri of [...changedSince]) {
      const state = docs.get(uri);
      const before = builtFrom.get(uri);
      if (!state || !before) continue;
      const now = recognized(state, token);
      if (now !== before) {
        // Names known to differ are not made and compared again at each request (a hover, a diagnostics pass).
        if (namesDiffer.get(now) === before) continue;
        const from = before.list();
        const to = now.list();
        if (!sameNames(from, to)) {
          namesDiffer.set(now, before);
          continue;
        }
        move(uri, from, to);
      }
      builtFrom.set(uri, now);
      changedSince.delete(uri);
      fastView = undefined;
      stamp++;
    }
  };

  /** The incremental clustering, usable for the registry in use, brought up to date with the articles changed. */
  const incrementalClustering = (token?: CancellationToken): EntityClustering | undefined => {
    if (!incremental || incremental.registry !== registry) return undefined;
    const changes = new Map<string, StoredNames | undefined>();
    for (const uri of incrementalDirty) {
      const state = docs.get(uri);
      const names = state ? recognized(state, token) : undefined;
      if (names === incremental.from.get(uri)) continue;
      changes.set(uri, names);
    }
    // Only once every changed article's names are known: a cancelled request leaves the clusterer as it was.
    for (const [uri, names] of changes) {
      if (names) incremental.from.set(uri, names);
      else incremental.from.delete(uri);
    }
    incrementalDirty.clear();
    if (!changes.size) return incremental.clusterer.clustering();
    const updated = incremental.clusterer.update(changes);
    for (const uri of incremental.clusterer.changedArticles()) entitiesChangedIn.add(uri);
    return updated;
  };

  /** Articles compared between two clusterings between two yields of `putIncrementalInUseInSlices` (a mask). */
  const COMPARED_PER_SLICE = 127;

  /** Whether the incremental clustering is being made (articles changed meanwhile are noted as dirty). */
  let buildingIncremental = false;

  /** Makes the incremental clustering of the corpus as it is, in slices; articles changed meanwhile are dirty. */
  function* buildIncrementalInSlices(token?: CancellationToken): Generator<void, void, void> {
    const built = registry;
    const from = new Map<string, StoredNames>();
    for (const [uri, state] of docs) from.set(uri, recognized(state, token));
    incremental = undefined;
    incrementalDirty.clear();
    buildingIncremental = true;
    try {
      // The clustering reads each article's names from their compact form when it needs their texts (no list is held).
      const steps = IncrementalClustering.build([...from].map(([uri, names]) => ({ uri, names })), built, token);
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          if (registry === built) incremental = { clusterer: r.value, registry: built, from };
          return;
        }
        yield;
        throwIfCancelled(token);
      }
    } finally {
      buildingIncremental = false;
    }
  }

  /**
   * Puts the incremental clustering, brought up to date, in use. In place of a clustering made whole, the articles that
   * name their entities otherwise are found by comparing the two (the changed ones, as a rule: not the corpus, which
   * the host would show again whole), unless `named` gives them (putIncrementalInUseInSlices compared the two).
   */
  const useIncremental = (token: CancellationToken | undefined, named?: readonly string[]): void => {
    const built = generation;
    const previous = clustering;
    clustering = incrementalClustering(token)!;
    if (named) for (const uri of named) entitiesChangedIn.add(uri);
    else if (previous?.lineage !== clustering.lineage) for (const uri of articlesNamedOtherwise(previous, clustering, docs.keys())) entitiesChangedIn.add(uri);
    builtFrom = new Map(incremental!.from);
    clusteringGeneration = built;
    changedAt.clear();
    changedSince.clear();
    fastView = undefined;
    stamp++;
  };

  /**
   * `useIncremental` with the comparison made in slices: at 10,000 articles it reads every article's mentions in both
   * clusterings, half a second at once. Articles edited meanwhile are told by the incremental clustering's update when
   * it is put in use; if the clustering in use or the registry changes meanwhile, nothing is put in use here.
   */
  function* putIncrementalInUseInSlices(token?: CancellationToken): Generator<void, void, void> {
    if (incremental?.registry !== registry || (clustering && !changedSince.size)) return;
    const previous = clustering;
    const using = incremental;
    const next = incrementalClustering(token)!;
    // Already the one in use (brought up to date just now): nothing to compare.
    if (previous?.lineage === next.lineage) return useIncremental(token);
    // The whole index of its spellings that an edit looks new names up in (the later clusterings of its lineage derive
    // theirs from it: clusterSpellings.ts), made before it is in use: the first keystroke after it finished what was
    // left of it (60 ms at 10,000 articles, in the server bench).
    for (const index = spellingIndexInSlices(next); !index.next().done; ) {
      yield;
      throwIfCancelled(token);
      if (clustering !== previous || incremental !== using || using.registry !== registry) return;
    }
    const named: string[] = [];
    let n = 0;
    for (const uri of [...docs.keys()]) {
      if (isNamedOtherwise(previous, next, uri)) named.push(uri);
      if ((++n & COMPARED_PER_SLICE) === 0) {
        yield;
        throwIfCancelled(token);
        if (clustering !== previous || incremental !== using || using.registry !== registry) return;
      }
    }
    // No yield since the last check: the clustering compared with is still the one in use.
    useIncremental(token, named);
  }

  const getClustering = (token?: CancellationToken): EntityClustering => {
    settleMovedNames(token);
    if ((!clustering || changedSince.size) && incremental?.registry === registry) useIncremental(token);
    if (!clustering || changedSince.size) {
      const all = [...docs.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([uri, state]) => ({ uri, names: recognized(state, token) }));
      const built = generation;
      // Made as a clustering from the worker is (its snapshot, then the clustering read from it): each entity's list of
      // mentions is made on first use, and each article's mentions are numbers until asked for, instead of an object
      // per mention in each. Each article's names are made when the grouping reads them, not all held at once (the
      // README gives the CLI's figures).
      const snapshot = clusterEntitiesAsSnapshot(all.map(({ uri, names }) => ({ uri, get entities() { return names.list(); } })), registry, token);
      clustering = clusteringFromSnapshot(snapshot, registry);
      builtFrom = new Map(all.map((d) => [d.uri, d.names]));
      clusteringGeneration = built;
      changedAt.clear();
      // Only once it is built: a cancelled rebuild leaves the last clustering and its list of changes as they were.
      changedSince.clear();
      fastView = undefined;
      stamp++;
    }
    return clustering;
  };

  const getFastClustering = (token?: CancellationToken): EntityClustering => {
    if (!clustering) return getClustering(token);
    settleMovedNames(token);
    if (!changedSince.size) return clustering;
    if (!fastView) {
      const edited = new Map<string, RecognizedEntity[]>();
      const removed = new Set<string>();
      for (const uri of changedSince) {
        const state = docs.get(uri);
        if (state) edited.set(uri, recognized(state, token).list());
        else removed.add(uri);
      }
      fastView = provisionalClustering(clustering, edited, removed);
    }
    return fastView;
  };

  /** Whether the per-article analyses have been run once on this thread (prepareForEditsInSlices). */
  let warmedUp = false;
  /** A few articles of the corpus of a usual length (1 to 8 KB), for that run: the code is compiled as it is run. */
  const sampleArticles = (count = WARM_UP_ARTICLES): string[] => {
    const samples: string[] = [];
    for (const { text } of docs.values()) {
      if (text.length >= 1000 && text.length <= 8000) samples.push(text);
      if (samples.length === count) break;
    }
    return samples;
  };

  /** An article's dates resolved for the day order of `options`, kept compactly (storedDates) and not made as objects. */
  const storeDates = (state: DocState, options: DateOptions | undefined, token?: CancellationToken): StoredDates | undefined => {
    const found = recognizeDocumentDates(state.text, storedDateOptions(options), token);
    const stored = encodeDates(state.text, options, found);
    if (stored) state.storedDates = stored;
    return stored;
  };

  const datesOf = (state: DocState, options: DateOptions | undefined, token?: CancellationToken) => {
    const key = `${options?.dayOrder ?? 'auto'}\u0000${options?.includeDurations === true}`;
    if (!state.dates || state.dates.key !== key) {
      // From the dates kept (the cache's, or resolved once already); else resolved now, and kept.
      const kept = state.storedDates && decodeDates(state.text, state.storedDates, options);
      const stored = kept ? undefined : storeDates(state, options, token);
      const found = kept ?? (stored && decodeDates(state.text, stored, options)) ?? recognizeDocumentDates(state.text, options, token);
      state.dates = { key, ...found };
    }
    return state.dates;
  };

  const service: CorpusService = {
    setDocument(uri, text) {
      const old = docs.get(uri);
      if (old && old.text === text) return;
      docs.set(uri, { uri, text });
      unindexed.set(uri, text);
      importedStates.delete(uri);
      documentChanged(uri);
    },
    releaseAnalysis(uri) {
      const state = docs.get(uri);
      if (!state || editing.has(uri)) return;
      state.dates = undefined; // storedDates stay: made into objects again if asked again, not resolved again
      state.alone = undefined;
      if (!unindexed.has(uri)) boilerplate.release(uri);
    },
    expectDocuments(documents) {
      boilerplate.expect(documents);
    },
    importDocument(uri, text, state) {
      const entities = StoredNames.fromState(text, state);
      service.setDocument(uri, text);
      const doc = docs.get(uri)!;
      // Its boilerplate summary is read when the article is indexed (indexBoilerplate), not now.
      if (state && typeof state === 'object' && 'boilerplate' in state && unindexed.get(uri) === text) importedStates.set(uri, state as ArticleState);
      const dates = (state as ArticleState | undefined)?.dates;
      if (isStoredDates(dates) && !doc.storedDates) doc.storedDates = dates; // checked against the text when read
      if (!entities) return false;
      if (!doc.entities) doc.entities = entities;
      return true;
    },
    completeDocument(uri, text, rest) {
      const doc = docs.get(uri);
      if (doc?.text !== text) return false;
      if (rest.boilerplate !== undefined && unindexed.get(uri) === text) importedStates.set(uri, rest);
      if (isStoredDates(rest.dates) && !doc.storedDates) doc.storedDates = rest.dates;
      return true;
    },
    exportDocument(uri) {
      const state = docs.get(uri);
      if (!state?.entities) return undefined;
      indexBoilerplate(uri);
      const exported = state.entities.state(boilerplate.summaryOf(uri));
      return exported && state.storedDates ? { ...exported, dates: state.storedDates } : exported;
    },
    removeDocument(uri) {
      editing.delete(uri);
      if (!docs.delete(uri)) return;
      unindexed.delete(uri);
      importedStates.delete(uri);
      boilerplate.remove(uri);
      documentChanged(uri);
    },
    hasDocument: (uri) => docs.has(uri),
    analysisStamp: () => stamp,
    getText: (uri) => docs.get(uri)?.text,
    documentUris: () => [...docs.keys()].sort(),
    setRegistry(next) {
      registry = next;
      invalidate();
    },
    prepareDocument(uri, token) {
      const state = docs.get(uri);
      if (!state) return;
      recognized(state, token);
      // Its dates too, as an analysis worker resolves them: kept with its state, so a reopened corpus resolves none.
      if (!state.storedDates) storeDates(state, undefined, token);
    },
    analyze(uri, options, token) {
      const state = docs.get(uri);
      if (!state) return { uri, entities: [], dates: [], boilerplate: [] };
      const entities = getFastClustering(token).mentionsOf(uri);
      throwIfCancelled(token);
      const { documentDate, dates } = datesOf(state, options?.dates, token);
      throwIfCancelled(token);
      if (options?.boilerplate === false) return { uri, entities, dates, ...(documentDate ? { documentDate } : {}), boilerplate: [] };
      indexAllBoilerplate(token);
      const findings = filterFindings(boilerplate.findings(uri, token), uri, state.text, ignores);
      return { uri, entities, dates, ...(documentDate ? { documentDate } : {}), boilerplate: findings };
    },
    entityAt: (uri, offset, token) => entityAtIn(getFastClustering(token), uri, offset),
    articleAlone(uri, options, token) {
      const state = docs.get(uri);
      if (!state) return undefined;
      const key = JSON.stringify(options?.dates ?? {});
      const kept = state.alone;
      if (kept && kept.key === key && kept.registry === registry && kept.ignores === ignores) return kept.result;
      const result = analyseArticleAlone(
        { uri, text: state.text, names: recognized(state, token).list(), registry, dates: datesOf(state, options?.dates, token), ignores },
        token,
      );
      state.alone = { key, registry, ignores, result };
      return result;
    },
    entityClustering: (token, freshness = 'current') => (freshness === 'fast' ? getFastClustering(token) : getClustering(token)),
    changedSinceClustering() {
      return changedSince.size;
    },
    articlesWithEntitiesChanged() {
      const files = [...entitiesChangedIn];
      entitiesChangedIn.clear();
      return files;
    },
    *incrementalClusteringInSlices(token) {
      if (incremental?.registry !== registry) yield* buildIncrementalInSlices(token);
      yield* putIncrementalInUseInSlices(token);
    },
    clusteringIsIncremental() {
      return incremental?.registry === registry;
    },
    clusteringIsStale() {
      settleMovedNames();
      return !clustering || changedSince.size > 0;
    },
    clusteringInput(token) {
      const inOrder = [...docs.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([uri, state]) => ({ uri, names: recognized(state, token) }));
      lastInput = { generation, names: new Map(inOrder.map((d) => [d.uri, d.names])) };
      // Each article's names are made when read (a worker's messages read them a part at a time), not all held at once.
      const docsInOrder = inOrder.map(({ uri, names }) => ({ uri, get entities() { return names.list(); } }));
      return { docs: docsInOrder, registry, generation };
    },
    adoptClustering(snapshot, at) {
      return runToEnd(service.adoptClusteringInSlices(snapshot, at));
    },
    documentsChanged(uris) {
      for (const uri of uris) {
        documentChanged(uri);
        builtFrom.delete(uri);
      }
    },
    attachLookAlikes(columns, at) {
      if (clusteringGeneration !== at || !clustering?.attachLookAlikes) return false;
      clustering.attachLookAlikes(columns);
      fastView = undefined;
      stamp++;
      return true;
    },
    *adoptClusteringInSlices(snapshot, at) {
      const usable = () => at > clusteringGeneration && at >= registryGeneration;
      if (!usable()) return false;
      const built = yield* clusteringFromSnapshotInSlices(snapshot, registry);
      // Checked again: a newer clustering or another registry may have come while it was being rebuilt.
      if (!usable()) return false;
      clustering = built;
      clusteringGeneration = at;
      // Made from the last input when it is that generation's; else no article's names are known to it (none move).
      builtFrom = lastInput?.generation === at ? lastInput.names : new Map();
      lastInput = undefined;
      changedSince.clear();
      for (const [uri, g] of changedAt) {
        if (g > at) changedSince.add(uri);
        else changedAt.delete(uri);
      }
      fastView = undefined;
      stamp++;
      return true;
    },
    indexBoilerplateInSlices: (token) => indexBoilerplateInSlices(token),
    boilerplateClusters(token) {
      return runToEnd(service.boilerplateClustersInSlices(token));
    },
    *boilerplateClustersInSlices(token) {
      throwIfCancelled(token);
      if (unindexed.size) {
        yield* indexBoilerplateInSlices(token);
        clusters = undefined;
      }
      if (clusters) return clusters;
      const steps = boilerplate.clustersInSlices();
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          // Kept only if nothing changed meanwhile (a change drops it, and the next call starts again).
          const found = filterClusters(r.value, (u) => docs.get(u)?.text, ignores, ignoredClusters);
          if (!unindexed.size) clusters = found;
          return found;
        }
        yield;
        throwIfCancelled(token);
        indexAllBoilerplate(token); // articles set meanwhile: indexed before the next slice
      }
    },
    setBoilerplateIgnores(next) {
      ignores = compileIgnores(next);
      ignoredClusters = new WeakMap();
      clusters = undefined;
      stamp++;
    },
    editingStarted(uri, token) {
      runToEnd(service.editingStartedInSlices(uri, token));
    },
    *editingStartedInSlices(uri, token) {
      const state = docs.get(uri);
      if (!state || editing.has(uri)) return;
      const memo = new RecognitionMemo();
      const passages = new PassageKeyMemo();
      editing.set(uri, { names: memo, passages });
      while (editing.size > MAX_EDITED_ARTICLES) editing.delete(editing.keys().next().value!);
      // The memos are filled by recognising the text (its names too, when they were not known yet) and summarising it.
      summarizeBoilerplate(state.text, DEFAULT_MIN_PASSAGE_CHARS, passages);
      yield;
      throwIfCancelled(token);
      // Recognised whole, in one step: recognition in slices (a generator) made every keystroke's recognition through
      // the memo 10 % slower (1.2-2.2 ms a keystroke into a 100 KB article, three alternated pairs).
      const entities = recognizer.recognize(state.text, token, memo);
      if (!state.entities && docs.get(uri) === state) state.entities = StoredNames.of(state.text, entities);
    },
    editingEnded(uri) {
      editing.delete(uri);
    },
    *prepareForEditsInSlices(token) {
      // The boilerplate index of the articles imported (a reopened corpus), before anything asks for it.
      yield* indexBoilerplateInSlices(token);
      if (!warmedUp) {
        const samples = sampleArticles();
        if (samples.length) {
          warmedUp = true;
          // The boilerplate index's code is run on an index of its own: the corpus's is left as it is.
          const scratch = createBoilerplateIndex();
          for (const [i, sample] of samples.entries()) {
            recognizer.recognize(sample, token);
            recognizeDocumentDates(sample, undefined, token);
            scratch.update(`warm-up:${i}`, sample);
            yield;
          }
          for (let i = 0; i < samples.length; i++) scratch.findings(`warm-up:${i}`, token);
          // An edit takes the article's passages out of the index before putting them back: that code too.
          scratch.remove('warm-up:0');
          yield;
          // And the path of an edit of an open article (editingStarted): recognition and summary through the memos,
          // a few keystrokes each. Without it the analyst's first keystrokes ran that code uncompiled: the first edits
          // of a 100 KB article took several times as long as the later ones.
          // A long article too (articles of the corpus one after another): code that had only met short ones ran
          // several times slower through the first keystrokes of a long one (loops compiled again for their length).
          const parts = sampleArticles(LONG_WARM_UP_ARTICLES);
          if (parts.length > samples.length) samples.push(parts.join('\n\n').slice(0, LONG_WARM_UP_CHARS));
          for (const [i, sample] of samples.entries()) {
            const names = new RecognitionMemo();
            const passages = new PassageKeyMemo();
            recognizer.recognize(sample, token, names);
            yield;
            for (let k = 1; k <= WARM_UP_KEYSTROKES; k++) {
              const typed = typedInto(sample, k);
              recognizer.recognize(typed, token, names);
              scratch.update(`warm-up:${i}`, typed, undefined, passages);
              scratch.findings(`warm-up:${i}`, token);
              yield;
            }
          }
        }
      }
      throwIfCancelled(token);
      if (!clustering) return;
      const steps = spellingIndexInSlices(clustering);
      while (!steps.next().done) {
        yield;
        throwIfCancelled(token);
      }
    },
  };
  return Object.freeze(service);
}
