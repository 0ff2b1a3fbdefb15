/**
 * Tags through LSP: adding and removing them in the folder's model, and listing them re-anchored against the articles'
 * current texts. Sidecars are never read here: the folder's model holds them (read once, updated on every write and
 * on every outside change), so one tag command reads its sidecar once, in the store's read-modify-write.
 */
import * as path from 'node:path';
import { anchorTag, LineIndex, type AnchoredTag } from '../core/index';
import type { AddTagArgs, ListTagsResult, RemoveTagArgs, TagItem } from '../protocol';
import { AnalystFileError } from '../workspace/corpusFolder';
import { offsetsIn, optionalString, paramsObject, requiredRange, requiredString, stringField } from './params';
import { uriToPath, type Workspace } from './workspace';

export interface TextSource {
  /** The article's current text: the open editor's, else the corpus's, else the file on disk. */
  textOf(file: string): Promise<string | undefined>;
}

export class UserError extends Error {}

export class TagService {
  /** Re-anchored tags by article, for the text they were anchored against. */
  private readonly cache = new Map<string, { text: string; tags: AnchoredTag[] }>();

  constructor(
    private readonly workspace: Workspace,
    private readonly texts: TextSource,
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
      const tag = await corpus.addTag(file, text, { tag: label, note, start, end });
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
      return await corpus.removeTag(file, id);
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
  }

  /** Tags of one article, re-anchored against `text` (cached until its tags or the text change). */
  anchoredTags(file: string, text: string): AnchoredTag[] {
    const cached = this.cache.get(file);
    if (cached && cached.text === text) return cached.tags;
    const entry = this.workspace.corpusOf(file)?.sidecarOf(file);
    const tags = entry ? entry.sidecar.tags.map((t) => anchorTag(text, t)) : [];
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
      created: a.tag.created,
      ...(a.tag.note ? { note: a.tag.note } : {}),
    };
    if (lines && a.start >= 0) item.range = { start: lines.positionAt(a.start), end: lines.positionAt(a.end) };
    return item;
  }

  private requireArticle(uri: unknown): string {
    const file = typeof uri === 'string' ? uriToPath(uri) : undefined;
    if (!file) throw new UserError('Tags can only be added to files on disk.');
    return file;
  }
}
