/**
 * The one store of every analyst YAML file of a workspace folder (tag sidecars, the entity registry, the ignore list):
 * - one read-modify-write path: every change reads the file fresh, applies a pure edit and writes atomically;
 * - one write queue per file, and a lock per file that other processes honour, so changes to one file never interleave
 *   (two windows, the CLI and a script can write one sidecar together without losing anything);
 * - one way to report a broken file: `onProblems` hears its problems (and an empty list once it parses again), and
 *   the change fails with an `AnalystFileError` that says where the file is broken. A broken file is never rewritten;
 * - rewrites update the previous text in place (the formats do), so analysts' comments and key order survive.
 */
import * as path from 'node:path';
import type { AnalystFormat, FileProblem } from './analystFormats';
import { sameStamp, type FileStamp, type WorkspaceFileSystem } from './fileSystem';

export class AnalystFileError extends Error {}

export type ReadResult<T> = { ok: true; value: T; text: string | undefined; warnings?: boolean } | { ok: false; errors: readonly FileProblem[] };

export interface ChangeOutcome<T, R> {
  readonly result: R;
  /** The value now in the file: written by this change, or as read when the change wrote nothing. */
  readonly value: T;
  readonly written: boolean;
}

/** What a change does with the value read: a new value to write (or none), and a result for the caller. */
export type Edit<T, R> = (value: T) => { value?: T; result: R } | Promise<{ value?: T; result: R }>;

export interface ChangeOptions {
  /** Read the current value from this file instead (e.g. an old sidecar being moved); it is removed after the write. */
  readonly movedFrom?: string;
}

export class AnnotationStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** The stamp of the last version of each file this store wrote, to recognise its own writes when watchers fire. */
  private readonly ownWrites = new Map<string, FileStamp>();

  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly onProblems: (file: string, problems: readonly FileProblem[]) => void,
    /** Called after each file this store wrote. */
    private readonly onOwnWrite: (file: string) => void = () => {},
  ) {}

  /** Reads and parses a file; a missing file reads as the format's empty value. */
  async read<T>(file: string, format: AnalystFormat<T>): Promise<ReadResult<T>> {
    let text: string | undefined;
    try {
      text = await this.fs.readText(file);
    } catch (e) {
      const errors = [{ message: `Cannot read the file: ${(e as Error).message}`, line: 0, column: 0 }];
      this.onProblems(file, errors);
      return { ok: false, errors };
    }
    if (text === undefined) {
      this.onProblems(file, []);
      return { ok: true, value: format.empty(), text };
    }
    const parsed = format.parse(text);
    this.onProblems(file, parsed.ok ? (parsed.warnings ?? []) : parsed.errors);
    return parsed.ok ? { ok: true, value: parsed.value, text, ...(parsed.warnings?.length ? { warnings: true } : {}) } : parsed;
  }

  /** Applies `edit` to the file as it is on disk now and writes the result, after every earlier change of the file. */
  change<T, R>(file: string, format: AnalystFormat<T>, edit: Edit<T, R>, options: ChangeOptions = {}): Promise<ChangeOutcome<T, R>> {
    return this.inTurn(file, () =>
      // Under a lock other processes honour too: the file is read as it is now, after their writes, and changed.
      this.fs.withLock(file, async (): Promise<ChangeOutcome<T, R>> => {
        const source = options.movedFrom ?? file;
        const current = await this.read(source, format);
        if (!current.ok) throw new AnalystFileError(brokenMessage(source, format, current.errors[0]));
        const { value, result } = await edit(current.value);
        if (value === undefined) return { result, value: current.value, written: false };
        const text = format.serialize(value, current.text);
        const stamp = await this.fs.writeAtomic(file, text);
        this.ownWrites.set(file, stamp);
        this.onOwnWrite(file);
        // A file that held warnings (merge conflicts) may hold fewer now, and one that gets conflict entries back (an
        // undo) holds more: its list is the written text's.
        if (current.warnings || holdsConflicts(value)) {
          const parsed = format.parse(text);
          this.onProblems(file, parsed.ok ? (parsed.warnings ?? []) : parsed.errors);
        }
        if (options.movedFrom) await this.fs.remove(options.movedFrom);
        return { result, value, written: true };
      }),
    );
  }

  /**
   * Runs `task` in the file's turn: after every change of it queued so far, and before any queued later. A watcher's
   * read of the file runs this way, so a read that began before a change of the same file cannot put the older content
   * back after it. (The turn is the file's: an old-style sidecar moved by a change is read in its own. And a read waits
   * for the changes queued before it, each of which may wait for another process's lock.)
   */
  inTurn<R>(file: string, task: () => Promise<R>): Promise<R> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.queues.set(file, next);
    void next
      .finally(() => {
        if (this.queues.get(file) === next) this.queues.delete(file);
      })
      .catch(() => undefined);
    return next;
  }

  /** Whether the file on disk is still the version this store last wrote (so a watcher event about it is our echo). */
  async isOwnWrite(file: string): Promise<boolean> {
    const own = this.ownWrites.get(file);
    return !!own && sameStamp(own, await this.fs.stamp(file));
  }

  /** Resolves once every change queued so far has finished (successfully or not). */
  async settled(): Promise<void> {
    while (this.queues.size) await Promise.allSettled([...this.queues.values()]);
  }
}

/** Whether a value written holds merge conflict entries (the `conflicts` of the analyst formats), shown as warnings. */
function holdsConflicts(value: unknown): boolean {
  const conflicts = (value as { conflicts?: unknown } | null)?.conflicts;
  return Array.isArray(conflicts) && conflicts.length > 0;
}

function brokenMessage<T>(file: string, format: AnalystFormat<T>, e: FileProblem): string {
  return (
    `${path.basename(file)} (${format.label}) has errors and was left untouched: line ${e.line + 1}, column ${e.column + 1}: ${e.message.replace(/[.!?]?\s*$/, '.')} ` +
    'Fix the file (its errors are listed in the Problems panel), then try again.'
  );
}
