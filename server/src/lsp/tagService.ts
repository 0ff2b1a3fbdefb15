/** Tags through LSP: the server-side commands that add and remove tags, and the listing clients show. */
import * as path from 'node:path';
import { anchorTag, LineIndex, type AnchoredTag } from '../core/index';
import type { AddTagArgs, ListTagsResult, RemoveTagArgs, TagItem } from '../protocol';
import { readTextIfExists } from '../store/atomicFile';
import { SidecarError } from '../store/annotationStore';
import { uriToPath, type Workspace } from './workspace';

export interface TextSource {
  /** The article's current text: the open editor's, else the corpus's, else the file on disk. */
  textOf(file: string): Promise<string | undefined>;
}

export class UserError extends Error {}

export class TagService {
  private readonly cache = new Map<string, Promise<AnchoredTag[]>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly texts: TextSource,
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  async addTag(args: AddTagArgs): Promise<TagItem> {
    const file = this.requireArticle(args?.uri);
    const text = await this.texts.textOf(file);
    if (text === undefined) throw new UserError(`Cannot read ${path.basename(file)}.`);
    const store = await this.workspace.storeFor(file);
    if (!store) throw new UserError('Tags can only be added to articles inside a workspace folder.');
    const lines = new LineIndex(text);
    const start = lines.offsetAt(args.range.start);
    const end = lines.offsetAt(args.range.end);
    try {
      const tag = await store.addTag(file, text, { tag: String(args.tag ?? ''), note: args.note, start, end });
      this.invalidate();
      return this.toItem(file, store.relativeDocument(file), { tag, start: tag.start, end: tag.end, method: 'position' }, lines);
    } catch (e) {
      if (e instanceof SidecarError) throw new UserError(e.message);
      throw e;
    }
  }

  async removeTag(args: RemoveTagArgs): Promise<boolean> {
    const file = this.requireArticle(args?.uri);
    const store = await this.workspace.storeFor(file);
    if (!store) return false;
    try {
      const removed = await store.removeTag(file, String(args.id));
      this.invalidate();
      return removed;
    } catch (e) {
      if (e instanceof SidecarError) throw new UserError(e.message);
      throw e;
    }
  }

  /** Tags of one article, re-anchored against its current text (cached until tags or the text change). */
  anchoredTags(file: string, text: string): Promise<AnchoredTag[]> {
    const key = `${file}\u0000${text.length}\u0000${hash(text)}`;
    let p = this.cache.get(key);
    if (!p) {
      p = (async () => {
        const store = await this.workspace.storeFor(file);
        if (!store) return [];
        const read = await store.read(file);
        return read.ok ? read.sidecar.tags.map((t) => anchorTag(text, t)) : [];
      })();
      this.cache.set(key, p);
    }
    return p;
  }

  async list(onlyUri?: string): Promise<ListTagsResult> {
    const only = onlyUri ? uriToPath(onlyUri) : undefined;
    const result: ListTagsResult = { tags: [], problems: [] };
    for (const store of await this.workspace.allStores()) {
      for (const { file: sidecarFile, result: parsed } of await store.list()) {
        if (!parsed.ok) {
          const e = parsed.errors[0];
          result.problems.push({ uri: this.workspace.uriOf(sidecarFile), message: `line ${e.line + 1}: ${e.message}` });
          continue;
        }
        const document = parsed.sidecar.document || guessDocument(sidecarFile);
        const file = path.resolve(store.root, document);
        if (only && file !== only) continue;
        const text = (await this.texts.textOf(file)) ?? (await readTextIfExists(file));
        const lines = text === undefined ? undefined : new LineIndex(text);
        for (const tag of parsed.sidecar.tags) {
          const anchored = text === undefined ? { tag, start: -1, end: -1, method: 'orphan' as const } : anchorTag(text, tag);
          result.tags.push(this.toItem(file, document, anchored, lines));
        }
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

function guessDocument(sidecarFile: string): string {
  return path.basename(sidecarFile).replace(/\.yaml$/, '.txt');
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
