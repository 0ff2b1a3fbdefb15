/**
 * `<annotations>/ignored.yaml` of one workspace folder: the boilerplate findings the analysts chose not to show.
 * Every change reads the file fresh, applies the change and writes atomically, one change at a time.
 * A file that does not parse is never rewritten: the change fails with a message that says where it is broken.
 */
import * as path from 'node:path';
import {
  ignoreEverywhereEntry,
  ignoreHereEntry,
  ignoreKey,
  parseIgnoreList,
  serializeIgnoreList,
  type BoilerplateKind,
  type IgnoreList,
  type IgnoreListParseResult,
} from '../core/index';
import { readTextIfExists, writeFileAtomic } from './atomicFile';

export const IGNORE_FILE = 'ignored.yaml';

export class IgnoreFileError extends Error {}

export class IgnoreStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly root: string,
    readonly annotationsDir: string,
  ) {}

  get file(): string {
    return path.join(this.annotationsDir, IGNORE_FILE);
  }

  /** The article's path relative to the workspace folder, with `/`. */
  relativeDocument(articlePath: string): string {
    return path.relative(this.root, articlePath).split(path.sep).join('/');
  }

  async read(): Promise<IgnoreListParseResult> {
    return parseIgnoreList((await readTextIfExists(this.file)) ?? '');
  }

  /** Ignores `text[start, end)` of one article; false when an entry for that passage already exists. */
  ignoreHere(articlePath: string, articleText: string, start: number, end: number): Promise<boolean> {
    if (end <= start) return Promise.reject(new IgnoreFileError('There is no passage there to ignore.'));
    const document = this.relativeDocument(articlePath);
    return this.change((list) => {
      const entry = ignoreHereEntry(document, articleText, start, end, new Date());
      if (list.here.some((h) => h.document === document && h.start === entry.start && h.end === entry.end && h.quote === entry.quote)) {
        return { result: false };
      }
      return { list: { ...list, here: [...list.here, entry] }, result: true };
    });
  }

  /** Ignores a passage in every article; false when an entry with the same words already exists. */
  ignoreEverywhere(text: string, kind: BoilerplateKind, note?: string): Promise<boolean> {
    const key = ignoreKey(text);
    if (!key) return Promise.reject(new IgnoreFileError('There is no passage there to ignore.'));
    return this.change((list) => {
      if (list.everywhere.some((e) => ignoreKey(e.text) === key && e.kind === kind)) return { result: false };
      return { list: { ...list, everywhere: [...list.everywhere, ignoreEverywhereEntry(text, kind, new Date(), note)] }, result: true };
    });
  }

  private change<T>(apply: (list: IgnoreList) => { list?: IgnoreList; result: T }): Promise<T> {
    const file = this.file;
    const next = this.queue.catch(() => undefined).then(async () => {
      const parsed = parseIgnoreList((await readTextIfExists(file)) ?? '');
      if (!parsed.ok) {
        const first = parsed.errors[0];
        throw new IgnoreFileError(
          `${path.basename(file)} has errors and was left untouched: line ${first.line + 1}, column ${first.column + 1}: ${first.message}`,
        );
      }
      const { list, result } = apply(parsed.list);
      if (list) await writeFileAtomic(file, serializeIgnoreList(list));
      return result;
    });
    this.queue = next;
    return next;
  }
}
