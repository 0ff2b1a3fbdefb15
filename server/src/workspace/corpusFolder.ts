/**
 * The world of one workspace folder, owned in one place and used by the language server and the CLI alike: which
 * files are articles (the corpus globs), their texts, and the analysts' files (tag sidecars, the entity registry, the
 * ignore list) with one store to change them. Whoever needs to know when something changes subscribes to
 * `onDidChange` and gets a typed event; nothing else reaches across.
 *
 * Created by `openCorpus` (openCorpus.ts). Changes made on disk by others come in through `filesChanged` (the server
 * forwards its file watcher's events; the CLI reads once and never watches).
 */
import * as path from 'node:path';
import {
  createTag,
  EMPTY_IGNORE_LIST,
  EMPTY_TAXONOMY,
  normalizeTagName,
  renamedLabel,
  renameInTaxonomy,
  undoRenameInTaxonomy,
  type Taxonomy,
  EMPTY_REGISTRY,
  ignoreEverywhereEntry,
  ignoreHereEntry,
  ignoreKey,
  newTagId,
  validateTagLabel,
  type BoilerplateKind,
  type EntityRegistry,
  type IgnoreList,
  type NewTagInput,
  type RegistryEdit,
  type Sidecar,
  type Tag,
  resolveTagConflict,
  stableJson,
  withoutTagConflicts,
  type ConflictChoice,
  resolveIgnoreConflict,
  resolveRegistryConflict,
  resolveTaxonomyConflict,
  undoIgnoreResolution,
  undoRegistryResolution,
  undoTaxonomyResolution,
  type RecordFileKind,
  type RecordConflict,
  type RecordResolution,
  conflictOf,
  TAGS_LIST,
  type RecordResolutionResult,
  type UndoResolutionResult,
} from '../core/index';
import { ignoreListFormat, registryFormat, sidecarFormat, taxonomyFormat, type AnalystFormat, type FileProblem } from './analystFormats';
import { AnalystFileError, AnnotationStore } from './annotationStore';
import { corpusGlobs, type CorpusGlobs } from './corpusGlobs';
import { Emitter, type Disposable, type Listener } from './emitter';
import { confineToFolder, type ConfinedFileSystem, isWithin, leadsInside, MAX_ANALYST_FILE_BYTES, maxBytesOfChars, relativeBelow } from './boundary';
import { fileByFile, type FolderChangeSource } from './folderChanges';
import { changesSince } from './catchUp';
import { FileRefusedError, type FileStamp, type WorkspaceFileSystem } from './fileSystem';
import type { Settings } from './settings';
import {
  articleOfSidecarPath,
  IGNORE_FILE,
  isSidecarFile,
  legacySidecarPathFor,
  REGISTRY_FILE,
  sidecarPathFor,
  TAXONOMY_FILE,
} from './sidecarPaths';

export { AnalystFileError } from './annotationStore';

/** What changed in a folder. Paths are absolute. */
export type CorpusEvent =
  /** Articles changed or appeared on disk (with their new text), or were removed. */
  | { readonly kind: 'articles'; readonly changed: readonly { file: string; text: string }[]; readonly removed: readonly string[] }
  /** The tags of these articles changed (by a command here, or on disk). */
  | { readonly kind: 'tags'; readonly articles: readonly string[] }
  /** The entity registry changed; this is the one in use now. */
  | { readonly kind: 'registry'; readonly registry: EntityRegistry }
  /** The ignore list changed; this is the one in use now. */
  | { readonly kind: 'ignores'; readonly ignores: IgnoreList }
  /** The tag taxonomy changed; this is the one in use now. */
  | { readonly kind: 'taxonomy'; readonly taxonomy: Taxonomy }
  /** An analyst file is broken (its problems), or fine again (none). A broken file's last good content stays in use. */
  | { readonly kind: 'problems'; readonly file: string; readonly problems: readonly FileProblem[] };

/** What a tag rename changed, as taking it back needs it. */
export interface TagRename {
  readonly from: string;
  readonly to: string;
  readonly tags: number;
  readonly articles: number;
  /** Sidecars that do not parse, left untouched. */
  readonly skipped: string[];
  /** Per article, the renamed tags as they were before. */
  readonly before: { readonly file: string; readonly before: { id: string; before: Tag }[] }[];
  /** The taxonomy before, when the rename changed it. */
  readonly taxonomyBefore?: Taxonomy;
}

/** What resolving a merge conflict on a tag did. */
export interface TagConflictOutcome {
  /** The article whose sidecar it was. */
  readonly article: string;
  readonly removed: readonly Tag[];
  readonly added: readonly Tag[];
  readonly message: string;
  /** The conflict entry resolved, as it was (undo puts it back). */
  readonly conflict: RecordConflict;
}

/** One article's sidecar as last read or written. */
export interface SidecarEntry {
  readonly file: string;
  readonly sidecar: Sidecar;
}

export interface FileChange {
  readonly file: string;
  readonly deleted: boolean;
}

/**
 * How long after writing an analyst file the folder looks at it again (`checkAgainLater`): longer than a watcher takes
 * to report a change (VS Code's batches events over tens of milliseconds; more under load).
 */
export const OWN_WRITE_CHECK_MS = 1000;

/** What resolving a merge conflict in the registry, the ignore list or the taxonomy did, as undo needs it. */
export interface RecordConflictOutcome {
  readonly kind: RecordFileKind;
  readonly message: string;
  readonly resolution: RecordResolution;
}

export interface RegistryChange {
  readonly changed: boolean;
  readonly message: string;
  readonly registry: EntityRegistry;
}

export class CorpusFolder {
  readonly annotationsDir: string;
  readonly registryFile: string;
  readonly ignoreFile: string;
  readonly taxonomyFile: string;
  private readonly globs: CorpusGlobs;
  private readonly fs: ConfinedFileSystem;
  private readonly emitter = new Emitter<CorpusEvent>();
  private readonly store: AnnotationStore;
  private readonly articleSet = new Set<string>();
  private sortedArticles: string[] | undefined;
  private currentRegistry: EntityRegistry = EMPTY_REGISTRY;
  private currentIgnores: IgnoreList = EMPTY_IGNORE_LIST;
  private currentTaxonomy: Taxonomy = EMPTY_TAXONOMY;
  /** Sidecars by article (absolute path). */
  private readonly sidecars = new Map<string, SidecarEntry>();
  /** Which article each readable sidecar file belongs to. */
  private readonly sidecarOwners = new Map<string, string>();
  /** Old-style sidecars not used because a new-style one of the same article exists, by article. */
  private readonly shadowed = new Map<string, string>();
  private readonly problemFiles = new Map<string, readonly FileProblem[]>();
  /** Analyst files that parse but hold merge conflicts, with one warning per conflict. */
  private readonly warningFiles = new Map<string, readonly FileProblem[]>();
  /** Changes under way that may not have reached the store's queue yet. */
  private readonly operations = new Set<Promise<unknown>>();
  /** The batches of files changed on disk, handled in order (`filesChanged`). */
  private fileChanges: Promise<void> = Promise.resolve();
  /** When load() began to list the folder, and the stamps of the registry, ignore list and taxonomy it read (catchUp). */
  private listedAt = 0;
  private readonly fixedStamps = new Map<string, FileStamp | undefined>();

  /** Subscribe to what changes in this folder. */
  readonly onDidChange: (listener: Listener<CorpusEvent>) => Disposable = this.emitter.event;

  constructor(
    readonly root: string,
    readonly settings: Settings,
    fs: WorkspaceFileSystem,
  ) {
    this.globs = corpusGlobs(settings.corpus);
    this.annotationsDir = path.resolve(root, settings.annotationsFolder);
    this.registryFile = path.join(this.annotationsDir, REGISTRY_FILE);
    this.ignoreFile = path.join(this.annotationsDir, IGNORE_FILE);
    this.taxonomyFile = path.join(this.annotationsDir, TAXONOMY_FILE);
    // Every read and write of this folder goes through its boundary (boundary.ts): inside the folder, links resolved,
    // regular files only, analyst files under 10 MB.
    this.fs = confineToFolder(fs, root, {
      annotationsDir: this.annotationsDir,
      maxAnalystFileBytes: MAX_ANALYST_FILE_BYTES,
      maxArticleBytes: Math.max(maxBytesOfChars(settings.maxDocumentSize), MAX_ANALYST_FILE_BYTES),
    });
    this.store = new AnnotationStore(this.fs, (file, problems) => this.setProblems(file, problems), (file) => this.checkAgainLater(file));
  }

  /**
   * Files this folder wrote, to be looked at again once watchers have had time to report what followed (`checkAgainLater`),
   * with when each was last written, oldest first.
   */
  private readonly toCheck = new Map<string, number>();
  private checkTimer: NodeJS.Timeout | undefined;
  private closed = false;

  /**
   * Looks at a file this folder wrote again, OWN_WRITE_CHECK_MS later, as a watcher's report of it would: VS Code's
   * file watcher folds an "added" and a "deleted" event of one file that come close together into none, so a sidecar
   * the server had just written (atomically: added) and that the analyst or a script deleted right after was never
   * reported deleted, and its tags stayed listed. Still this folder's own write: nothing happens. The files due are
   * looked at in one batch (tagging every occurrence in a corpus writes thousands).
   */
  private checkAgainLater(file: string): void {
    if (this.closed) return;
    this.toCheck.delete(file);
    this.toCheck.set(file, Date.now());
    this.checkTimer ??= this.checkIn(OWN_WRITE_CHECK_MS);
  }

  private checkIn(ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.checkTimer = undefined;
      if (this.closed) return;
      const now = Date.now();
      const due: FileChange[] = [];
      for (const [file, at] of this.toCheck) {
        if (now - at < OWN_WRITE_CHECK_MS) break; // the rest were written later
        due.push({ file, deleted: false });
        this.toCheck.delete(file);
      }
      if (due.length) void this.filesChanged(due).catch(() => undefined);
      const next = this.toCheck.values().next();
      if (!next.done) this.checkTimer = this.checkIn(Math.max(1, OWN_WRITE_CHECK_MS - (now - next.value)));
    }, ms);
    timer.unref?.();
    return timer;
  }

  // ── Articles ────────────────────────────────────────────────────────────────────────────────────────────────────

  /** The articles, sorted. */
  articles(): readonly string[] {
    return (this.sortedArticles ??= [...this.articleSet].sort());
  }

  /** Whether a path is an article of this folder by the corpus globs (whether or not it exists). */
  isArticle(file: string): boolean {
    const rel = this.relativeOrUndefined(file);
    return rel !== undefined && this.globs.matches(rel);
  }

  /** Whether a path is inside this folder. */
  contains(file: string): boolean {
    return this.relativeOrUndefined(file) !== undefined;
  }

  /** The path relative to the folder, with `/` (how analyst files name articles). */
  relative(file: string): string {
    return relativeBelow(this.root, file) ?? path.relative(this.root, file).split(path.sep).join('/');
  }

  /** The absolute path of a path relative to the folder. */
  resolve(relative: string): string {
    return path.resolve(this.root, ...relative.split('/'));
  }

  /**
   * An article's text on disk; undefined when it does not exist, or is no file to read (a folder, a FIFO, a device,
   * a link out of the folder, larger than any article analysed): see boundary.ts.
   */
  async readArticle(file: string): Promise<string | undefined> {
    try {
      return await this.fs.readText(file);
    } catch (e) {
      if (e instanceof FileRefusedError) return undefined;
      throw e;
    }
  }

  // ── Analyst files: what is in use ───────────────────────────────────────────────────────────────────────────────

  /** The entity registry in use (the last one that parsed). */
  registry(): EntityRegistry {
    return this.currentRegistry;
  }

  /** The ignore list in use (the last one that parsed). */
  ignores(): IgnoreList {
    return this.currentIgnores;
  }

  /** The tag taxonomy in use (the last one that parsed). */
  taxonomy(): Taxonomy {
    return this.currentTaxonomy;
  }

  /** An article's sidecar, if it has one that parses. */
  sidecarOf(article: string): SidecarEntry | undefined {
    return this.sidecars.get(article);
  }

  /** Every readable sidecar, by article. */
  allSidecars(): ReadonlyMap<string, SidecarEntry> {
    return this.sidecars;
  }

  /** Analyst files that do not parse, with their problems. */
  problems(): ReadonlyMap<string, readonly FileProblem[]> {
    return this.problemFiles;
  }

  /** Analyst files that parse but hold merge conflicts to resolve (one warning per conflict). */
  warnings(): ReadonlyMap<string, readonly FileProblem[]> {
    return this.warningFiles;
  }

  // ── Analyst files: changes ──────────────────────────────────────────────────────────────────────────────────────

  addTag(article: string, articleText: string, input: NewTagInput): Promise<Tag> {
    const problem = validateTagLabel(input.tag);
    if (problem) return Promise.reject(new AnalystFileError(problem));
    if (!(input.end > input.start)) return Promise.reject(new AnalystFileError('Select the passage to tag first.'));
    return this.changeSidecar(article, (sidecar) => {
      const tag = createTag(articleText, input, newTagId(new Date(), Math.random), new Date());
      // The same tag on the same passage again is the tag already there, not a duplicate.
      const same = sidecar.tags.find((t) => t.tag === tag.tag && t.start === tag.start && t.end === tag.end && t.quote === tag.quote);
      if (same) return { result: same };
      return { value: { ...sidecar, tags: [...sidecar.tags, tag] }, result: tag };
    });
  }

  /**
   * Adds several tags to one article in one write (tag all occurrences). Passages that already carry the same tag are
   * skipped. Resolves to the tags added.
   */
  addTags(article: string, articleText: string, inputs: readonly NewTagInput[]): Promise<Tag[]> {
    for (const input of inputs) {
      const problem = validateTagLabel(input.tag);
      if (problem) return Promise.reject(new AnalystFileError(problem));
    }
    return this.changeSidecar(article, (sidecar) => {
      const now = new Date();
      const added: Tag[] = [];
      for (const input of inputs) {
        if (!(input.end > input.start)) continue;
        const tag = createTag(articleText, input, newTagId(now, Math.random), now);
        const all = [...sidecar.tags, ...added];
        if (all.some((t) => t.tag === tag.tag && t.start === tag.start && t.end === tag.end && t.quote === tag.quote)) continue;
        added.push(tag);
      }
      return added.length ? { value: { ...sidecar, tags: [...sidecar.tags, ...added] }, result: added } : { result: added };
    });
  }

  /**
   * Changes an article's tags as a whole, through the one read-modify-write (its lock, its broken-file and
   * wrong-document checks, the move of an old-style sidecar): `edit` gets the tags as they are in the file now and
   * returns the new list (or none, to write nothing). For callers that write tags verbatim, such as an import.
   */
  changeTags<R>(
    article: string,
    edit: (tags: readonly Tag[], conflicts: readonly RecordConflict[]) => { tags?: readonly Tag[]; result: R; resolvesConflictsOf?: readonly string[] },
  ): Promise<R> {
    return this.changeSidecar(article, (sidecar) => {
      const { tags, result, resolvesConflictsOf } = edit(sidecar.tags, sidecar.conflicts ?? []);
      // The merge conflicts on the tags this change decided (an adjudication) are resolved by it.
      const resolved = resolvesConflictsOf ? withoutTagConflicts(sidecar, resolvesConflictsOf) : sidecar;
      if (!tags && resolved === sidecar) return { result };
      return { value: { ...resolved, tags: tags ?? sidecar.tags }, result };
    });
  }

  /**
   * Resolves a merge conflict kept in a sidecar (`sidecarFile`, absolute) on one of its tags: keeps ours, theirs or both,
   * and removes the conflict entry, through the one read-modify-write (a sidecar that does not parse is left untouched).
   */
  resolveTagConflict(sidecarFile: string, key: string, choice: ConflictChoice): Promise<TagConflictOutcome> {
    const article = this.sidecarOwners.get(sidecarFile);
    if (!article) {
      const why = this.problemFiles.has(sidecarFile) ? 'it has errors (listed in the Problems panel); fix them first' : 'it is not the tag sidecar of an article of the corpus';
      return Promise.reject(new AnalystFileError(`${path.basename(sidecarFile)} was left untouched: ${why}.`));
    }
    return this.changeSidecar(article, (sidecar) => {
      const conflict = conflictOf(sidecar, TAGS_LIST, key);
      const r = resolveTagConflict(sidecar, key, choice, () => newTagId(new Date(), Math.random));
      if (!r.ok || !conflict) throw new AnalystFileError(r.message);
      return { value: r.sidecar, result: { article, removed: r.removed, added: r.added, message: r.message, conflict } };
    });
  }

  /** Which of the registry, the ignore list and the taxonomy `file` (absolute) is, if any. */
  recordFileKind(file: string): RecordFileKind | undefined {
    if (file === this.registryFile) return 'registry';
    if (file === this.ignoreFile) return 'ignores';
    if (file === this.taxonomyFile) return 'taxonomy';
    return undefined;
  }

  /**
   * Resolves a merge conflict kept in the registry, the ignore list or the taxonomy: keeps ours, theirs or both, and
   * removes the conflict entry, through the one read-modify-write (a file that does not parse is left untouched;
   * comments kept). The new content is in use when this resolves.
   */
  async resolveRecordConflict(kind: RecordFileKind, list: string, key: string, choice: ConflictChoice): Promise<RecordConflictOutcome> {
    const resolved = <T>(r: RecordResolutionResult<T>): { value: T; result: RecordConflictOutcome } => {
      if (!r.ok) throw new AnalystFileError(r.message);
      return { value: r.value, result: { kind, message: r.message, resolution: r.resolution } };
    };
    if (kind === 'registry') {
      const outcome = await this.store.change(this.registryFile, registryFormat, (reg) => resolved(resolveRegistryConflict(reg, list, key, choice)));
      this.setRegistry(outcome.value);
      return outcome.result;
    }
    if (kind === 'ignores') {
      const outcome = await this.store.change(this.ignoreFile, ignoreListFormat, (ignores) => resolved(resolveIgnoreConflict(ignores, list, key, choice)));
      this.setIgnores(outcome.value);
      return outcome.result;
    }
    const outcome = await this.store.change(this.taxonomyFile, taxonomyFormat, (taxonomy) => resolved(resolveTaxonomyConflict(taxonomy, list, key, choice)));
    this.setTaxonomy(outcome.value);
    return outcome.result;
  }

  /**
   * Takes a conflict resolution back: the conflict entry as it was, and the record as it was before unless someone
   * changed it since (recordConflictResolution.ts).
   */
  async undoRecordConflict(outcome: RecordConflictOutcome): Promise<{ changed: boolean; message: string }> {
    const undone = <T>(r: UndoResolutionResult<T>): { value?: T; result: { changed: boolean; message: string } } => {
      if (!r.ok) throw new AnalystFileError(r.message);
      return { ...(r.changed ? { value: r.value } : {}), result: { changed: r.changed, message: r.message } };
    };
    const { kind, resolution } = outcome;
    if (kind === 'registry') {
      const o = await this.store.change(this.registryFile, registryFormat, (reg) => undone(undoRegistryResolution(reg, resolution)));
      if (o.written) this.setRegistry(o.value);
      return o.result;
    }
    if (kind === 'ignores') {
      const o = await this.store.change(this.ignoreFile, ignoreListFormat, (ignores) => undone(undoIgnoreResolution(ignores, resolution)));
      if (o.written) this.setIgnores(o.value);
      return o.result;
    }
    const o = await this.store.change(this.taxonomyFile, taxonomyFormat, (taxonomy) => undone(undoTaxonomyResolution(taxonomy, resolution)));
    if (o.written) this.setTaxonomy(o.value);
    return o.result;
  }

  /**
   * Puts tags back as they were (undo): each entry is a tag id and its earlier version, or undefined where the tag did
   * not exist; merge conflict entries a resolution removed come back too (unless they are there). Resolves to the
   * number of tags and conflict entries changed.
   */
  restoreTags(article: string, entries: readonly { id: string; before: Tag | undefined }[], conflicts: readonly RecordConflict[] = []): Promise<number> {
    return this.changeSidecar(article, (sidecar) => {
      const back = conflicts.filter((c) => !sidecar.conflicts?.some((x) => stableJson(x) === stableJson(c)));
      let tags = [...sidecar.tags];
      let changed = 0;
      for (const { id, before } of entries) {
        const i = tags.findIndex((t) => t.id === id);
        if (before === undefined) {
          if (i >= 0) (tags = tags.filter((t) => t.id !== id)), changed++;
        } else if (i >= 0) (tags[i] = before), changed++;
        else tags.push(before), changed++;
      }
      changed += back.length;
      const withConflicts = back.length ? { conflicts: [...(sidecar.conflicts ?? []), ...back] } : {};
      return changed ? { value: { ...sidecar, tags, ...withConflicts }, result: changed } : { result: 0 };
    });
  }

  /**
   * Renames (or moves) a tag, and every tag below it (`from/x` → `to/x`), in every sidecar and in the taxonomy; a name
   * already in use merges. Sidecars that do not parse are left untouched and listed in `skipped`.
   */
  async renameTag(fromName: string, toName: string): Promise<TagRename> {
    const from = normalizeTagName(fromName);
    const to = normalizeTagName(toName);
    const problem = validateTagLabel(to) ?? (from ? undefined : 'Say which tag to rename.');
    if (problem) throw new AnalystFileError(problem);
    if (from === to) return { from, to, tags: 0, articles: 0, skipped: [], before: [] };
    if (to.startsWith(`${from}/`)) throw new AnalystFileError(`${from} cannot be moved below itself (${to}).`);
    let tags = 0;
    let articles = 0;
    const skipped: string[] = [];
    const before: TagRename['before'][number][] = [];
    for (const [article, entry] of [...this.sidecars]) {
      if (!entry.sidecar.tags.some((t) => renamedLabel(t.tag, from, to) !== undefined)) continue;
      try {
        const changed = await this.changeSidecar(article, (sidecar) => {
          const old: { id: string; before: Tag }[] = [];
          const next = sidecar.tags.map((t) => {
            const label = renamedLabel(t.tag, from, to);
            if (label === undefined) return t;
            old.push({ id: t.id, before: t });
            return { ...t, tag: label, updated: new Date().toISOString() };
          });
          return old.length ? { value: { ...sidecar, tags: next }, result: old } : { result: old };
        });
        tags += changed.length;
        if (changed.length) articles++, before.push({ file: article, before: changed });
      } catch (e) {
        if (!(e instanceof AnalystFileError)) throw e;
        skipped.push(path.relative(this.root, entry.file).split(path.sep).join('/'));
      }
    }
    for (const file of this.problemFiles.keys()) {
      if (isSidecarFile(this.annotationsDir, file)) skipped.push(path.relative(this.root, file).split(path.sep).join('/'));
    }
    let taxonomyBefore: Taxonomy | undefined;
    if (this.currentTaxonomy.tags.some((t) => renamedLabel(t.name, from, to) !== undefined)) {
      await this.editTaxonomy((taxonomy) => renameInTaxonomy((taxonomyBefore = taxonomy), from, to));
    }
    return { from, to, tags, articles, skipped, before, ...(taxonomyBefore ? { taxonomyBefore } : {}) };
  }

  /**
   * Takes a rename back: each renamed tag gets its label back (tags changed since in another way keep that change),
   * and the taxonomy entries under both names are as they were before it.
   */
  async undoRename(rename: TagRename): Promise<void> {
    for (const { file, before } of rename.before) {
      await this.changeSidecar(file, (sidecar) => {
        const old = new Map(before.map((b) => [b.id, b.before]));
        let count = 0;
        const tags = sidecar.tags.map((t) => {
          const was = old.get(t.id);
          if (!was || was.tag === t.tag) return t;
          count++;
          return { ...t, tag: was.tag, updated: new Date().toISOString() };
        });
        return count ? { value: { ...sidecar, tags }, result: undefined } : { result: undefined };
      });
    }
    const { taxonomyBefore } = rename;
    if (taxonomyBefore) await this.editTaxonomy((taxonomy) => undoRenameInTaxonomy(taxonomy, taxonomyBefore, rename.from, rename.to));
  }

  /** Applies an edit to the taxonomy as it is on disk now; the new taxonomy is in use when this resolves. */
  async editTaxonomy(edit: (taxonomy: Taxonomy) => Taxonomy): Promise<Taxonomy> {
    const outcome = await this.store.change(this.taxonomyFile, taxonomyFormat, (taxonomy) => ({ value: edit(taxonomy), result: undefined }));
    if (outcome.written) this.setTaxonomy(outcome.value);
    return outcome.value;
  }

  /**
   * Changes one tag: `update` gets the tag as it is in the file now and returns its new version (stamped `updated`).
   * Resolves to the new tag, or undefined when there is no tag with that id.
   */
  updateTag(article: string, id: string, update: (tag: Tag) => Tag): Promise<Tag | undefined> {
    return this.changeSidecar(article, (sidecar) => {
      const old = sidecar.tags.find((t) => t.id === id);
      if (!old) return { result: undefined };
      const next: Tag = { ...update(old), id: old.id, created: old.created, updated: new Date().toISOString() };
      return { value: { ...sidecar, tags: sidecar.tags.map((t) => (t.id === id ? next : t)) }, result: next };
    });
  }

  removeTag(article: string, id: string): Promise<boolean> {
    return this.changeSidecar(article, (sidecar) => {
      const tags = sidecar.tags.filter((t) => t.id !== id);
      return tags.length === sidecar.tags.length ? { result: false } : { value: { ...sidecar, tags }, result: true };
    });
  }

  /** Applies an edit to the registry as it is on disk now; the new registry is in use when this resolves. */
  async editRegistry(edit: (registry: EntityRegistry) => RegistryEdit): Promise<RegistryChange> {
    const outcome = await this.store.change(this.registryFile, registryFormat, (registry) => {
      const result = edit(registry);
      if (!result.ok) throw new AnalystFileError(result.message);
      return { value: result.changed ? result.registry : undefined, result };
    });
    if (outcome.written) this.setRegistry(outcome.value);
    return { changed: outcome.written, message: outcome.result.ok ? outcome.result.message : '', registry: outcome.value };
  }

  /** Ignores `text[start, end)` of one article; false when that passage was ignored already. */
  ignoreHere(article: string, articleText: string, start: number, end: number): Promise<boolean> {
    if (!(end > start)) return Promise.reject(new AnalystFileError('There is no passage there to ignore.'));
    const document = this.relative(article);
    return this.changeIgnores((list) => {
      const entry = ignoreHereEntry(document, articleText, start, end, new Date());
      if (list.here.some((h) => h.document === document && h.start === entry.start && h.end === entry.end && h.quote === entry.quote)) {
        return { result: false };
      }
      return { value: { ...list, here: [...list.here, entry] }, result: true };
    });
  }

  /** Ignores a passage in every article; false when the same words were ignored already. */
  ignoreEverywhere(text: string, kind: BoilerplateKind, note?: string): Promise<boolean> {
    const key = ignoreKey(text);
    if (!key) return Promise.reject(new AnalystFileError('There is no passage there to ignore.'));
    return this.changeIgnores((list) => {
      if (list.everywhere.some((e) => ignoreKey(e.text) === key && e.kind === kind)) return { result: false };
      return { value: { ...list, everywhere: [...list.everywhere, ignoreEverywhereEntry(text, kind, new Date(), note)] }, result: true };
    });
  }

  private async changeIgnores(edit: (list: IgnoreList) => { value?: IgnoreList; result: boolean }): Promise<boolean> {
    const outcome = await this.store.change(this.ignoreFile, ignoreListFormat, edit);
    if (outcome.written) this.setIgnores(outcome.value);
    return outcome.result;
  }

  /** Every sidecar change, counted from its first step (before it reaches the store's queue), so `close` waits for it. */
  private changeSidecar<R>(article: string, edit: (sidecar: Sidecar) => { value?: Sidecar; result: R }): Promise<R> {
    const p = this.changeSidecarNow(article, edit);
    this.operations.add(p);
    void p.finally(() => this.operations.delete(p)).catch(() => undefined);
    return p;
  }

  private async changeSidecarNow<R>(article: string, edit: (sidecar: Sidecar) => { value?: Sidecar; result: R }): Promise<R> {
    const document = this.relative(article);
    if (document.startsWith('..') || path.isAbsolute(document)) throw new AnalystFileError('Tags can only be added to articles inside the workspace folder.');
    const file = sidecarPathFor(this.annotationsDir, document);
    if (!isSidecarFile(this.annotationsDir, file)) {
      throw new AnalystFileError(`${document} cannot have tags: its sidecar would be ${path.relative(this.root, file)}, which is an analyst file of its own.`);
    }
    const legacy = legacySidecarPathFor(this.annotationsDir, document);
    // An old-style sidecar of this very article is moved to the new place by its first change.
    const movedFrom = legacy !== file && this.sidecarOwners.get(legacy) === article && !(await this.fs.stamp(file)) ? legacy : undefined;
    const outcome = await this.store.change(
      file,
      sidecarFormat(document),
      async (sidecar) => {
        // Checked here, in the file's queue, so that `close` (a settings change) waits for this change too.
        if (!(await leadsInside(this.fs, this.root, article))) {
          throw new AnalystFileError(`${document} leads outside the workspace folder through a symbolic link; it cannot be tagged.`);
        }
        if (sidecar.document !== document) {
          throw new AnalystFileError(
            `${path.relative(this.root, movedFrom ?? file)} holds the tags of ${sidecar.document}, not of ${document}; it was left untouched. ` +
              'Move or rename it to match its article.',
          );
        }
        return edit(sidecar);
      },
      movedFrom ? { movedFrom } : {},
    );
    if (outcome.written) {
      if (movedFrom) this.sidecarOwners.delete(movedFrom);
      this.sidecarOwners.set(file, article);
      this.sidecars.set(article, { file, sidecar: outcome.value });
      this.emitter.fire({ kind: 'tags', articles: [article] });
    }
    return outcome.result;
  }

  // ── Loading and outside changes ─────────────────────────────────────────────────────────────────────────────────

  /** Reads everything once: the list of articles and every analyst file. */
  async load(): Promise<void> {
    this.listedAt = Date.now();
    for (const file of [this.registryFile, this.ignoreFile, this.taxonomyFile]) this.fixedStamps.set(file, await this.fs.stamp(file).catch(() => undefined));
    const found = await Promise.all(
      this.globs.bases.map((base) => this.fs.listFiles(path.join(this.root, base), (dir) => this.globs.enters(path.basename(dir)))),
    );
    for (const file of found.flat()) if (this.globs.matches(this.relative(file))) this.articleSet.add(file);
    this.sortedArticles = undefined;
    const registry = await this.store.read(this.registryFile, registryFormat);
    if (registry.ok) this.currentRegistry = registry.value;
    const ignores = await this.store.read(this.ignoreFile, ignoreListFormat);
    if (ignores.ok) this.currentIgnores = ignores.value;
    const taxonomy = await this.store.read(this.taxonomyFile, taxonomyFormat);
    if (taxonomy.ok) this.currentTaxonomy = taxonomy.value;
    const analystFiles = await this.fs.listFiles(this.annotationsDir, (dir) => !path.basename(dir).startsWith('.'));
    // Temporary files of writers killed mid-write: never part of anyone's data.
    for (const dir of new Set(analystFiles.filter((f) => f.endsWith('.tmp')).map((f) => path.dirname(f)))) await this.fs.removeLeftovers(dir);
    const sidecarFiles = analystFiles.filter((f) => isSidecarFile(this.annotationsDir, f)).sort();
    for (const file of sidecarFiles) await this.readSidecar(file);
  }

  /**
   * Handles what changed on disk between load()'s listing and the moment a watcher began to watch (catchUp.ts): call it
   * once the watcher runs. Files unchanged since the listing are not read again.
   */
  catchUp(): Promise<void> {
    const run = changesSince(
      {
        tracked: () => [...this.articleSet, ...this.sidecarOwners.keys(), ...this.shadowed.values(), ...this.problemFiles.keys(), ...this.warningFiles.keys()],
        list: () => this.folderChanges.listWanted(this.root),
        stamp: (file) => this.fs.stamp(file).catch(() => undefined),
      },
      this.listedAt,
      this.fixedStamps,
    ).then((changes) => (changes.length ? this.filesChanged(changes) : undefined));
    this.operations.add(run);
    void run.finally(() => this.operations.delete(run)).catch(() => undefined);
    return run;
  }

  /**
   * Files changed on disk, from a watcher. Articles are re-read, analyst files re-read unless the change is this
   * folder's own write; one event per kind of change. Batches are handled one after another, in the order they came:
   * a file created then deleted at once is read as deleted, never left in use by a read that finished late.
   */
  filesChanged(changes: readonly FileChange[]): Promise<void> {
    // Changed since the folder was listed: read with their links resolved and checked (boundary.ts), even if this
    // batch waits behind others.
    this.fs.distrust(changes.map((c) => c.file));
    const run = this.fileChanges.then(() => this.applyFileChanges(changes));
    this.fileChanges = run.catch(() => undefined);
    this.operations.add(run);
    void run.finally(() => this.operations.delete(run)).catch(() => undefined);
    return run;
  }

  private async applyFileChanges(reported: readonly FileChange[]): Promise<void> {
    const changed: { file: string; text: string }[] = [];
    const removed: string[] = [];
    const taggedArticles = new Set<string>();
    // A folder reported where files changed (one that appeared, or went away) stands for its files: folderChanges.ts.
    const changes = await fileByFile(reported, this.folderChanges);
    for (const { file, deleted } of changes) {
      if (!this.contains(file)) continue;
      // An analyst file is read again in its turn among this folder's changes of it (the store's queue): a read that
      // began before a change could otherwise finish after it and put the older content, and its warnings, back.
      const readAgain = (read: () => Promise<void>) =>
        this.store.inTurn(file, async () => {
          if (deleted || !(await this.store.isOwnWrite(file))) await read();
        });
      const readRecords = <T>(format: AnalystFormat<T>, use: (value: T) => void) =>
        readAgain(async () => {
          const read = await this.store.read(file, format);
          if (read.ok) use(read.value);
        });
      if (file === this.registryFile) {
        await readRecords(registryFormat, (registry) => this.setRegistry(registry));
      } else if (file === this.ignoreFile) {
        await readRecords(ignoreListFormat, (ignores) => this.setIgnores(ignores));
      } else if (file === this.taxonomyFile) {
        await readRecords(taxonomyFormat, (taxonomy) => this.setTaxonomy(taxonomy));
      } else if (isSidecarFile(this.annotationsDir, file)) {
        await readAgain(async () => {
          for (const article of await this.readSidecar(file)) taggedArticles.add(article);
        });
      } else if (this.isArticle(file)) {
        let text: string | undefined;
        try {
          text = deleted ? undefined : await this.fs.readText(file);
        } catch (e) {
          if (e instanceof FileRefusedError) continue; // a FIFO, a device, a link out of the folder: not read
          throw e;
        }
        if (text === undefined) {
          if (this.articleSet.delete(file)) removed.push(file);
        } else {
          this.articleSet.add(file);
          changed.push({ file, text });
        }
        this.sortedArticles = undefined;
      }
    }
    if (changed.length || removed.length) this.emitter.fire({ kind: 'articles', changed, removed });
    if (taggedArticles.size) this.emitter.fire({ kind: 'tags', articles: [...taggedArticles].sort() });
  }

  /** What `fileByFile` needs to read a reported folder as the files it holds or held. */
  private readonly folderChanges: FolderChangeSource = {
    wants: (file) =>
      file === this.registryFile || file === this.ignoreFile || file === this.taxonomyFile || isSidecarFile(this.annotationsDir, file) || this.isArticle(file),
    known: () => [
      ...this.articleSet,
      ...this.sidecarOwners.keys(),
      ...this.problemFiles.keys(),
      ...this.warningFiles.keys(),
      this.registryFile,
      this.ignoreFile,
      this.taxonomyFile,
    ],
    listWanted: async (folder) => {
      const found: string[] = [];
      // The folders load() lists (the annotations folder, the corpus globs' bases), walked as it walks them.
      const areas: [string, (name: string) => boolean][] = [
        [this.annotationsDir, (name) => !name.startsWith('.') && !name.endsWith('.lock')],
        ...this.globs.bases.map((base): [string, (name: string) => boolean] => [path.join(this.root, base), (name) => this.globs.enters(name)]),
      ];
      for (const [area, enters] of areas) {
        let start: string;
        if (isWithin(area, folder)) {
          // Not inside a folder the walk leaves out (hidden ones, writers' lock folders, node_modules…).
          if (!path.relative(area, folder).split(path.sep).every((name) => name === '' || enters(name))) continue;
          start = folder;
        } else if (isWithin(folder, area)) start = area; // a folder above it appeared: the whole area is new
        else continue;
        const files = await this.fs.listFiles(start, (dir) => enters(path.basename(dir))).catch(() => []);
        found.push(...files.filter((f) => this.folderChanges.wants(f)));
      }
      return found;
    },
  };

  /** Waits for every change in flight, then stops telling listeners anything. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.checkTimer);
    this.toCheck.clear();
    while (this.operations.size) await Promise.allSettled([...this.operations]);
    await this.store.settled();
    this.emitter.dispose();
  }

  /**
   * Reads one sidecar file into the cache; returns the articles whose tags it affected. A file that no longer parses
   * keeps its last good tags in use (and is reported); a deleted file gives way to an old-style sidecar of the same
   * article, if there is one; an old-style sidecar shadowed by a new one is reported, never silently dropped.
   */
  private async readSidecar(file: string, replacing?: string): Promise<string[]> {
    const before = this.sidecarOwners.get(file);
    const affected = before ? [before] : [];
    let text: string | undefined;
    try {
      text = await this.fs.readText(file);
    } catch (e) {
      // Not a regular file, too large, or leading out of the folder: reported, and its last good tags stay in use.
      if (e instanceof FileRefusedError) {
        this.setProblems(file, [{ message: e.message, line: 0, column: 0 }]);
        return [];
      }
      text = undefined;
    }
    const byPath = articleOfSidecarPath(this.annotationsDir, file);
    const parsed = text === undefined ? undefined : sidecarFormat(byPath).parse(text);
    if (parsed && !parsed.ok) {
      this.setProblems(file, parsed.errors);
      return []; // the last good tags stay in use
    }
    // Looked at before the cache is touched: while a sidecar is read again (a catch-up, a watcher), its article's
    // tags stay in use until the new ones replace them, never missing for a request that comes in between.
    const inside = parsed ? await leadsInside(this.fs, this.root, this.resolve(parsed.value.document)) : true;
    const forget = () => {
      if (!before) return;
      this.sidecarOwners.delete(file);
      if (this.sidecars.get(before)?.file === file) this.sidecars.delete(before);
    };
    if (!parsed) {
      this.setProblems(file, []);
      // A new-style sidecar deleted: an old-style one of the same article (if any) is its tags again, read before
      // this file's tags are let go (in use until the old-style ones replace them, as above).
      const legacy = before ? this.shadowed.get(before) : undefined;
      if (legacy && before) {
        this.shadowed.delete(before);
        await this.readSidecar(legacy, file);
      }
      forget();
      return affected;
    }
    forget();
    const sidecar = parsed.value;
    if (!inside) {
      this.setProblems(file, [{
        message: `This sidecar names ${sidecar.document}, which is outside the workspace folder; its tags are not shown and it will not be written.`,
        line: 0,
        column: 0,
      }]);
      return affected;
    }
    const owner = this.ownerOf(file, sidecar.document);
    if (!owner) {
      this.setProblems(file, [{
        message: `This sidecar names ${sidecar.document}, but its place belongs to ${byPath}; its tags are not shown and it will not be written. Move it to ${path.relative(this.root, sidecarPathFor(this.annotationsDir, sidecar.document)).split(path.sep).join('/')}.`,
        line: 0,
        column: 0,
      }]);
      return affected;
    }
    const article = this.resolve(sidecar.document);
    // The deleted sidecar this old-style one takes over from (`replacing`) does not shadow it.
    const kept = this.sidecars.get(article);
    const existing = kept?.file === replacing ? undefined : kept;
    if (existing && existing.file !== file && owner === 'legacy') {
      // A new-style sidecar of the article exists: this older file is not used, and says so.
      this.shadowed.set(article, file);
      this.setProblems(file, [{
        message: `The tags of ${sidecar.document} are now kept in ${path.relative(this.root, existing.file).split(path.sep).join('/')}; this older file is not used. Copy any tags you still need there, then delete it.`,
        line: 0,
        column: 0,
      }]);
      return affected;
    }
    this.setProblems(file, parsed.warnings ?? []);
    if (existing && existing.file !== file && owner === 'current') {
      // The new-style sidecar wins over an old-style one of the same article, which is reported.
      this.shadowed.set(article, existing.file);
      this.sidecarOwners.delete(existing.file);
      this.setProblems(existing.file, [{
        message: `The tags of ${sidecar.document} are now kept in ${path.relative(this.root, file).split(path.sep).join('/')}; this older file is not used. Copy any tags you still need there, then delete it.`,
        line: 0,
        column: 0,
      }]);
    }
    this.sidecars.set(article, { file, sidecar });
    this.sidecarOwners.set(file, article);
    if (!affected.includes(article)) affected.push(article);
    return affected;
  }

  /** Whether a sidecar at `file` may hold the tags of `document`: at its own place, or at its old-style place. */
  private ownerOf(file: string, document: string): 'current' | 'legacy' | undefined {
    if (path.normalize(sidecarPathFor(this.annotationsDir, document)) === path.normalize(file)) return 'current';
    if (path.normalize(legacySidecarPathFor(this.annotationsDir, document)) === path.normalize(file)) return 'legacy';
    return undefined;
  }

  private setRegistry(registry: EntityRegistry): void {
    this.currentRegistry = registry;
    this.emitter.fire({ kind: 'registry', registry });
  }

  private setIgnores(ignores: IgnoreList): void {
    this.currentIgnores = ignores;
    this.emitter.fire({ kind: 'ignores', ignores });
  }

  private setTaxonomy(taxonomy: Taxonomy): void {
    this.currentTaxonomy = taxonomy;
    this.emitter.fire({ kind: 'taxonomy', taxonomy });
  }

  /**
   * Errors (the file is broken) go to `problems()`; warnings (merge conflicts kept in a file that parses) to
   * `warnings()`. Listeners hear both together, as the file's whole list.
   */
  private setProblems(file: string, all: readonly FileProblem[]): void {
    const had = this.problemFiles.has(file) || this.warningFiles.has(file);
    if (!all.length && !had) return;
    const problems = all.filter((p) => p.severity !== 'warning');
    const warnings = all.filter((p) => p.severity === 'warning');
    if (problems.length) this.problemFiles.set(file, problems);
    else this.problemFiles.delete(file);
    if (warnings.length) this.warningFiles.set(file, warnings);
    else this.warningFiles.delete(file);
    this.emitter.fire({ kind: 'problems', file, problems: all });
  }

  private relativeOrUndefined(file: string): string | undefined {
    return relativeBelow(this.root, file);
  }
}
