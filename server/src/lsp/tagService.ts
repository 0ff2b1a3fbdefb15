/**
 * Tags through LSP: adding and removing them in the folder's model, and listing them re-anchored against the articles'
 * current texts. Sidecars are never read here: the folder's model holds them (read once, updated on every write and
 * on every outside change), so one tag command reads its sidecar once, in the store's read-modify-write.
 */
import * as path from 'node:path';
import { anchorTag, anchorTags, CONTEXT_CHARS, LineIndex, type AnchoredTag, type RecordConflict, type Tag } from '../core/index';
import type {
  AddTagArgs,
  EditNoteArgs,
  ListTagsResult,
  ReanchorTagArgs,
  RemoveTagArgs,
  RenameTagArgs,
  RenameTagResult,
  TagItem,
  TagOccurrencesArgs,
  TagOccurrencesResult,
  TaxonomyResult,
  UndoResult,
} from '../protocol';
import type { CorpusFolder, TagRename } from '../workspace/corpusFolder';
import type { TagTracker } from './tagTracker';
import { AnalystFileError } from '../workspace/corpusFolder';
import { offsetsIn, oneOf, optionalString, paramsObject, requiredRange, requiredString, stringField } from './params';
import { uriToPath, type Workspace } from './workspace';

export interface TextSource {
  /** The article's current text: the open editor's, else the corpus's, else the file on disk. */
  textOf(file: string): Promise<string | undefined>;
}

export class UserError extends Error {}

/** One tag operation, as undo needs it: per article, each tag's version before the operation (undefined: it was new). */
interface Operation {
  readonly what: string;
  readonly changes: { readonly file: string; readonly before: { id: string; before: Tag | undefined }[]; readonly conflicts?: readonly RecordConflict[] }[];
  /** A rename, move or merge of a tag, per workspace folder: taken back label by label, and in the taxonomy. */
  readonly renames?: { readonly root: string; readonly rename: TagRename }[];
}

/** Undo goes back this many operations. */
const UNDO_DEPTH = 50;

export class TagService {
  /** Re-anchored tags by article, for the text they were anchored against. */
  private readonly cache = new Map<string, { text: string; tags: AnchoredTag[] }>();
  /** This session's tag operations, newest last, for undo. */
  private readonly history: Operation[] = [];
  private readonly authors = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly texts: TextSource,
    private readonly tracker: TagTracker,
    /** Who the analyst is by the folder's version control (git user.name), when the settings do not say. */
    private readonly userName: (folder: string) => Promise<string | undefined> = async () => undefined,
  ) {}

  /** Forgets re-anchored tags: of these articles, or of all. */
  invalidate(articles?: readonly string[]): void {
    if (!articles) this.cache.clear();
    else for (const a of articles) this.cache.delete(a);
  }

  async addTag(raw: AddTagArgs | unknown): Promise<{ item: TagItem; article: string }> {
    const what = 'Tag passage';
    const args = paramsObject(raw, what);
    const file = this.requireArticle(requiredString(args, 'uri', what));
    const range = requiredRange(args, 'range', what);
    const label = stringField(args, 'tag', what);
    const note = optionalString(args, 'note', what);
    await this.workspace.ready;
    const corpus = this.workspace.corpusOf(file);
    if (!corpus) throw new UserError('Tags can only be added to articles inside a workspace folder.');
    if (!corpus.isArticle(file)) {
      throw new UserError(`Only articles of the corpus can be tagged, and ${corpus.relative(file)} is not one (setting corpusAnnotator.corpus: ${corpus.settings.corpus.join(', ')}).`);
    }
    const text = await this.texts.textOf(file);
    if (text === undefined) throw new UserError(`Cannot read ${path.basename(file)}.`);
    const lines = new LineIndex(text);
    const { start, end } = offsetsIn(range, lines, what);
    try {
      const author = await this.authorOf(corpus);
      const existing = new Set(corpus.sidecarOf(file)?.sidecar.tags.map((t) => t.id));
      const tag = await corpus.addTag(file, text, { tag: label, note, start, end, ...(author ? { author } : {}) });
      if (!existing.has(tag.id)) this.record(`added tag “${tag.tag}”`, [{ file, before: [{ id: tag.id, before: undefined }] }]);
      return { item: this.toItem(file, corpus.relative(file), { tag, start: tag.start, end: tag.end, status: 'anchored' }, lines), article: file };
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
  }

  async removeTag(raw: RemoveTagArgs | unknown): Promise<boolean> {
    const args = paramsObject(raw, 'Remove tag');
    const file = this.requireArticle(requiredString(args, 'uri', 'Remove tag'));
    const id = requiredString(args, 'id', 'Remove tag');
    await this.workspace.ready;
    const corpus = this.workspace.corpusOf(file);
    if (!corpus) return false;
    try {
      const before = corpus.sidecarOf(file)?.sidecar.tags.find((t) => t.id === id);
      const removed = await corpus.removeTag(file, id);
      if (removed && before) this.record(`removed tag “${before.tag}”`, [{ file, before: [{ id, before }] }]);
      return removed;
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
  }

  /** Re-attaches a tag to a new passage: a suggestion accepted, a fuzzy place confirmed, or the analyst's selection. */
  async reanchor(raw: ReanchorTagArgs | unknown): Promise<TagItem> {
    const what = 'Re-attach tag';
    const args = paramsObject(raw, what);
    const file = this.requireArticle(requiredString(args, 'uri', what));
    const id = requiredString(args, 'id', what);
    const range = requiredRange(args, 'range', what);
    const { corpus, text } = await this.articleOf(file, what);
    const lines = new LineIndex(text);
    const { start, end } = offsetsIn(range, lines, what);
    if (end <= start) throw new UserError(`${what}: select the passage the tag should hold.`);
    // The same tag on that very passage already, by the same analyst: this one is the tag already there, never a
    // duplicate of it. Another analyst's record of it is theirs and stays (several analysts' tags of one passage are
    // one row naming them all); so does a record holding keys of its own (`extra`).
    const moving = corpus.sidecarOf(file)?.sidecar.tags.find((t) => t.id === id);
    const there =
      moving &&
      !moving.extra &&
      this.anchoredTags(file, text).find(
        (a) => a.tag.id !== id && a.status !== 'orphaned' && a.start === start && a.end === end && a.tag.tag === moving.tag && a.tag.author === moving.author,
      );
    if (moving && there) {
      if (moving.note && moving.note !== there.tag.note) {
        throw new UserError(`${what}: “${moving.tag}” already tags that passage, with another note. Copy this tag’s note there if you need it, then remove this tag.`);
      }
      try {
        if (await corpus.removeTag(file, id)) this.record(`attached tag “${moving.tag}” to the same tag on its passage`, [{ file, before: [{ id, before: moving }] }]);
      } catch (e) {
        if (e instanceof AnalystFileError) throw new UserError(e.message);
        throw e;
      }
      return this.toItem(file, corpus.relative(file), there, lines);
    }
    const tag = await this.update(corpus, file, id, (t) => placeTag(t, text, start, end), what);
    return this.toItem(file, corpus.relative(file), { tag, start, end, status: 'anchored' }, lines);
  }

  /** Sets or clears a tag's note. */
  async editNote(raw: EditNoteArgs | unknown): Promise<TagItem> {
    const what = 'Edit note';
    const args = paramsObject(raw, what);
    const file = this.requireArticle(requiredString(args, 'uri', what));
    const id = requiredString(args, 'id', what);
    const note = (optionalString(args, 'note', what) ?? '').trim();
    const { corpus, text } = await this.articleOf(file, what);
    const tag = await this.update(corpus, file, id, ({ note: _old, ...t }) => (note ? { ...t, note } : t), what);
    const anchored = this.anchoredTags(file, text).find((a) => a.tag.id === id) ?? anchorTag(text, tag);
    return this.toItem(file, corpus.relative(file), { ...anchored, tag }, new LineIndex(text));
  }

  /**
   * Tags every occurrence of the passage's text (exactly as written) in its article, or in every article of the corpus.
   * Occurrences that already carry the tag are left as they are.
   */
  async tagOccurrences(raw: TagOccurrencesArgs | unknown): Promise<TagOccurrencesResult> {
    const what = 'Tag all occurrences';
    const args = paramsObject(raw, what);
    const file = this.requireArticle(requiredString(args, 'uri', what));
    const range = requiredRange(args, 'range', what);
    const label = stringField(args, 'tag', what);
    const note = optionalString(args, 'note', what);
    const scope = oneOf(args, 'scope', ['article', 'corpus'] as const, what) ?? 'article';
    const { corpus, text } = await this.articleOf(file, what);
    const { start, end } = offsetsIn(range, new LineIndex(text), what);
    const needle = text.slice(start, end);
    if (!needle.trim()) throw new UserError(`${what}: select the words to tag first.`);
    const author = await this.authorOf(corpus);
    const folders = scope === 'corpus' ? this.workspace.all() : [corpus];
    let added = 0;
    let articles = 0;
    const changes: Operation['changes'][number][] = [];
    for (const folder of folders) {
      for (const article of scope === 'corpus' ? folder.articles() : [file]) {
        const body = article === file ? text : await this.texts.textOf(article);
        if (body === undefined) continue;
        const inputs = [];
        for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length)) {
          inputs.push({ tag: label, start: i, end: i + needle.length, ...(note ? { note } : {}), ...(author ? { author } : {}) });
        }
        if (!inputs.length) continue;
        try {
          const tags = await folder.addTags(article, body, inputs);
          if (tags.length) {
            added += tags.length;
            articles++;
            changes.push({ file: article, before: tags.map((t) => ({ id: t.id, before: undefined })) });
          }
        } catch (e) {
          if (e instanceof AnalystFileError) throw new UserError(`${e.message} (${added} passages in ${articles} articles were tagged before this.)`);
          throw e;
        }
      }
    }
    if (changes.length) this.record(`tagged ${added} occurrences as “${label}”`, changes);
    return { added, articles };
  }

  /** Renames, moves or merges a tag in every sidecar and the taxonomy of every workspace folder. */
  async renameTag(raw: RenameTagArgs | unknown): Promise<RenameTagResult> {
    const what = 'Rename tag';
    const args = paramsObject(raw, what);
    const from = requiredString(args, 'from', what);
    const to = requiredString(args, 'to', what);
    await this.workspace.ready;
    const result: RenameTagResult = { tags: 0, articles: 0, skipped: [] };
    const renames: NonNullable<Operation['renames']>[number][] = [];
    try {
      for (const folder of this.workspace.all()) {
        const r = await folder.renameTag(from, to);
        result.tags += r.tags;
        result.articles += r.articles;
        result.skipped.push(...r.skipped);
        if (r.before.length || r.taxonomyBefore) renames.push({ root: folder.root, rename: r });
      }
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    } finally {
      // What was renamed before a failure can still be taken back.
      if (renames.length) this.history.push({ what: `renaming “${from}” to “${to}”`, changes: [], renames }), this.trimHistory();
    }
    return result;
  }

  /** Undoes the last tag operation of this session. */
  async undo(): Promise<UndoResult> {
    const op = this.history.pop();
    if (!op) return { undone: '' };
    await this.workspace.ready;
    for (const { root, rename } of op.renames ?? []) {
      // The folder's model is recreated when its settings change: take the rename back in the one open now.
      const folder = this.workspace.all().find((f) => f.root === root);
      if (!folder) throw new UserError(`Could not undo (${op.what}): its workspace folder is no longer open.`);
      try {
        await folder.undoRename(rename);
      } catch (e) {
        if (e instanceof AnalystFileError) throw new UserError(`Could not undo (${op.what}): ${e.message}`);
        throw e;
      }
    }
    for (const { file, before, conflicts } of op.changes) {
      const corpus = this.workspace.corpusOf(file);
      if (!corpus) continue;
      try {
        await corpus.restoreTags(file, before, conflicts);
      } catch (e) {
        if (e instanceof AnalystFileError) throw new UserError(`Could not undo (${op.what}): ${e.message}`);
        throw e;
      }
    }
    return { undone: op.what };
  }

  /** The taxonomy of every folder, merged by name. */
  async taxonomy(): Promise<TaxonomyResult> {
    await this.workspace.ready;
    const byName = new Map<string, TaxonomyResult['tags'][number]>();
    for (const folder of this.workspace.all()) {
      for (const t of folder.taxonomy().tags) {
        if (!byName.has(t.name)) byName.set(t.name, { name: t.name, ...(t.description ? { description: t.description } : {}), ...(t.color ? { color: t.color } : {}) });
      }
    }
    return { tags: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  }

  /** Starts following the tags of an article open in an editor, as it is edited. */
  track(file: string, uri: string, text: string): void {
    this.cache.delete(file);
    this.tracker.forget(uri);
    this.tracker.track(uri, text, this.anchoredTags(file, text));
  }

  /** Stops following an article closed in the editor. */
  untrack(uri: string): void {
    this.tracker.forget(uri);
  }

  /**
   * The article was saved: tags that moved with the edits (or whose passage was edited) get their new place stored.
   * Tags whose whole passage was deleted, and fuzzy ones, are left as they are for the analyst to decide.
   */
  async saveTracked(file: string, uri: string, text: string): Promise<void> {
    const tracked = this.tracker.tagsOf(uri, text);
    const corpus = this.workspace.corpusOf(file);
    if (!tracked || !corpus) return;
    for (const t of tracked.values()) {
      if (t.start === undefined || t.end === undefined || t.anchored.status === 'fuzzy' || t.anchored.status === 'orphaned') continue;
      const { tag } = t.anchored;
      if (t.start === tag.start && t.end === tag.end && text.slice(t.start, t.end) === tag.quote) continue;
      if (t.end <= t.start) continue;
      const { start, end } = t;
      await corpus.updateTag(file, tag.id, (current) => placeTag(current, text, start, end)).catch(() => undefined);
    }
  }

  /** Tags of one article, re-anchored against `text` (cached until its tags or the text change). */
  anchoredTags(file: string, text: string): AnchoredTag[] {
    const tracked = this.tracker.tagsOf(this.workspace.uriOf(file), text);
    if (tracked) return [...tracked.values()].map((t) => trackedToAnchored(t, text));
    const cached = this.cache.get(file);
    if (cached && cached.text === text) return cached.tags;
    const entry = this.workspace.corpusOf(file)?.sidecarOf(file);
    const tags = entry ? anchorTags(text, entry.sidecar.tags) : [];
    this.cache.set(file, { text, tags });
    return tags;
  }

  /** Articles that have tags. */
  taggedArticles(): string[] {
    return this.workspace.all().flatMap((c) => [...c.allSidecars().keys()]);
  }

  async list(onlyUri?: string): Promise<ListTagsResult> {
    await this.workspace.ready;
    const only = onlyUri ? uriToPath(onlyUri) : undefined;
    const result: ListTagsResult = { tags: [], problems: [] };
    for (const corpus of this.workspace.all()) {
      for (const [file, problems] of corpus.problems()) {
        if (file === corpus.registryFile || file === corpus.ignoreFile) continue;
        if (only && corpus.sidecarOf(only)?.file !== file) continue;
        const e = problems[0];
        result.problems.push({ uri: this.workspace.uriOf(file), message: `line ${e.line + 1}: ${e.message}` });
      }
      for (const [file, { sidecar }] of corpus.allSidecars()) {
        if (only && file !== only) continue;
        const text = await this.texts.textOf(file);
        const lines = text === undefined ? undefined : new LineIndex(text);
        const anchored = text === undefined ? sidecar.tags.map((tag) => ({ tag, start: -1, end: -1, status: 'orphaned' as const })) : this.anchoredTags(file, text);
        for (const a of anchored) result.tags.push(this.toItem(file, sidecar.document, a, lines));
      }
    }
    return result;
  }

  private toItem(file: string, document: string, a: AnchoredTag, lines: LineIndex | undefined): TagItem {
    const item: TagItem = {
      uri: this.workspace.uriOf(file),
      document,
      id: a.tag.id,
      tag: a.tag.tag,
      quote: a.tag.quote,
      status: a.status,
      created: a.tag.created,
      ...(a.tag.note ? { note: a.tag.note } : {}),
      ...(a.tag.updated ? { updated: a.tag.updated } : {}),
      ...(a.tag.author ? { author: a.tag.author } : {}),
      ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
    };
    if (lines && a.start >= 0) item.range = { start: lines.positionAt(a.start), end: lines.positionAt(a.end) };
    if (lines && a.suggestion) item.suggestion = { start: lines.positionAt(a.suggestion.start), end: lines.positionAt(a.suggestion.end) };
    return item;
  }

  /**
   * Records a change of an article's tags made by another service (an adjudication, a merge conflict resolved), so
   * that Undo takes it back; `conflicts`: the merge conflict entries it removed, which Undo puts back.
   */
  remember(what: string, file: string, before: { id: string; before: Tag | undefined }[], conflicts?: readonly RecordConflict[]): void {
    this.record(what, [{ file, before, ...(conflicts?.length ? { conflicts } : {}) }]);
  }

  private record(what: string, changes: Operation['changes']): void {
    this.history.push({ what, changes });
    this.trimHistory();
  }

  private trimHistory(): void {
    if (this.history.length > UNDO_DEPTH) this.history.shift();
  }

  /** Who tags in this folder: the `corpusAnnotator.author` setting, else git's user.name (asked once). */
  private authorOf(corpus: CorpusFolder): Promise<string | undefined> {
    if (corpus.settings.author) return Promise.resolve(corpus.settings.author);
    let p = this.authors.get(corpus.root);
    if (!p) this.authors.set(corpus.root, (p = this.userName(corpus.root).catch(() => undefined)));
    return p;
  }

  private async articleOf(file: string, what: string): Promise<{ corpus: CorpusFolder; text: string }> {
    await this.workspace.ready;
    const corpus = this.workspace.corpusOf(file);
    if (!corpus) throw new UserError(`${what}: ${path.basename(file)} is not in a workspace folder.`);
    const text = await this.texts.textOf(file);
    if (text === undefined) throw new UserError(`${what}: cannot read ${path.basename(file)}.`);
    return { corpus, text };
  }

  private async update(corpus: CorpusFolder, file: string, id: string, change: (tag: Tag) => Tag, what: string): Promise<Tag> {
    let tag: Tag | undefined;
    const before = corpus.sidecarOf(file)?.sidecar.tags.find((t) => t.id === id);
    try {
      tag = await corpus.updateTag(file, id, change);
      if (tag && before) this.record(`${what.toLowerCase()} of “${before.tag}”`, [{ file, before: [{ id, before }] }]);
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
    if (!tag) throw new UserError(`${what}: there is no tag \`${id}\` on ${corpus.relative(file)} any more.`);
    return tag;
  }

  private requireArticle(uri: unknown): string {
    const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
    if (!file) throw new UserError('Tags can only be added to files on disk.');
    return file;
  }
}

/** The tag holding `text[start, end)` from now on: its quote, context and offsets taken from the text. */
function placeTag(tag: Tag, text: string, start: number, end: number): Tag {
  return {
    ...tag,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

/**
 * A tag followed through edits in the editor is where the edits put it. One whose whole passage an edit replaced (a
 * deletion, or the editor reloading a region changed on disk) is looked for again by its quote and context.
 */
function trackedToAnchored(t: { anchored: AnchoredTag; start?: number; end?: number }, text: string): AnchoredTag {
  const { tag, status, confidence, suggestion } = t.anchored;
  if (t.start === undefined || t.end === undefined) {
    return status === 'orphaned' ? t.anchored : anchorTag(text, tag);
  }
  return { tag, start: t.start, end: t.end, status: status === 'fuzzy' || status === 'moved' ? status : 'anchored', ...(confidence !== undefined ? { confidence } : {}), ...(suggestion ? { suggestion } : {}) };
}
