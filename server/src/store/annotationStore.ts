/**
 * The sidecar files of one workspace folder: `<annotations>/<article name without .txt>.yaml`.
 * Every change reads the file fresh, applies the change and writes atomically, one change at a time per file.
 * A file that does not parse is never rewritten: the change fails with a message that says where the file is broken.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  createTag,
  newTagId,
  parseSidecar,
  serializeSidecar,
  validateTagLabel,
  type NewTagInput,
  type Sidecar,
  type SidecarParseResult,
  type Tag,
} from '../core/index';
import { readTextIfExists, writeFileAtomic } from './atomicFile';

export class SidecarError extends Error {}

/** Names in the annotations folder that are not article sidecars. */
export const RESERVED_SIDECARS = new Set(['entities.yaml', 'ignored.yaml', 'taxonomy.yaml']);

export interface SidecarFile {
  readonly file: string;
  readonly result: SidecarParseResult;
}

export class AnnotationStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly root: string,
    readonly annotationsDir: string,
  ) {}

  /** The article's path relative to the workspace folder, with `/`. */
  relativeDocument(articlePath: string): string {
    return path.relative(this.root, articlePath).split(path.sep).join('/');
  }

  sidecarPath(articlePath: string): string {
    return path.join(this.annotationsDir, `${path.basename(articlePath).replace(/\.[^.]*$/, '')}.yaml`);
  }

  async read(articlePath: string): Promise<SidecarParseResult> {
    const text = await readTextIfExists(this.sidecarPath(articlePath));
    return parseSidecar(text ?? '', this.relativeDocument(articlePath));
  }

  addTag(articlePath: string, articleText: string, input: NewTagInput): Promise<Tag> {
    const problem = validateTagLabel(input.tag);
    if (problem) return Promise.reject(new SidecarError(problem));
    if (input.end <= input.start) return Promise.reject(new SidecarError('Select the passage to tag first.'));
    return this.change(articlePath, (sidecar) => {
      const tag = createTag(articleText, input, newTagId(new Date(), Math.random), new Date());
      return { sidecar: { ...sidecar, tags: [...sidecar.tags, tag] }, result: tag };
    });
  }

  async removeTag(articlePath: string, id: string): Promise<boolean> {
    return this.change(articlePath, (sidecar) => {
      const tags = sidecar.tags.filter((t) => t.id !== id);
      return tags.length === sidecar.tags.length ? { result: false } : { sidecar: { ...sidecar, tags }, result: true };
    });
  }

  /** Every sidecar in the folder, parsed (broken ones included, with their errors). */
  async list(): Promise<SidecarFile[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.annotationsDir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const files = names.filter((n) => n.endsWith('.yaml') && !RESERVED_SIDECARS.has(n) && !n.startsWith('.')).sort();
    return Promise.all(
      files.map(async (name) => {
        const file = path.join(this.annotationsDir, name);
        const text = (await readTextIfExists(file)) ?? '';
        return { file, result: parseSidecar(text, '') };
      }),
    );
  }

  private change<T>(articlePath: string, apply: (sidecar: Sidecar) => { sidecar?: Sidecar; result: T }): Promise<T> {
    const file = this.sidecarPath(articlePath);
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const text = await readTextIfExists(file);
      const parsed = parseSidecar(text ?? '', this.relativeDocument(articlePath));
      if (!parsed.ok) {
        const first = parsed.errors[0];
        throw new SidecarError(
          `${path.basename(file)} has errors and was left untouched: line ${first.line + 1}, column ${first.column + 1}: ${first.message}`,
        );
      }
      const { sidecar, result } = apply(parsed.sidecar);
      if (sidecar) await writeFileAtomic(file, serializeSidecar(sidecar));
      return result;
    });
    this.queues.set(file, next);
    void next.finally(() => {
      if (this.queues.get(file) === next) this.queues.delete(file);
    }).catch(() => undefined);
    return next;
  }
}
