/**
 * One shard file of the analysis cache (analysisCacheStore.ts): the article states of one sixteenth of the text keys.
 *
 * Layout (format 4): a 16-byte header (`CA-shard`, then the byte lengths of the two parts, little-endian uint32s),
 * then two V8 serialisations (Node's `v8.serialize`):
 * - the states, `{ format, version, entries: Map<key, { state, summary? }> }`, each state without its boilerplate
 *   summary, `summary` the index of that summary in the second part;
 * - the shard's boilerplate summaries, one array.
 *
 * The summaries are most of a state's strings (a few dozen an article): they are made into objects only when the
 * core first reads one of the shard's (`cachedState`), which a reopened corpus does once it is ready (its boilerplate
 * index is built in idle turns after 'indexed'); reading the states of 10,000 articles made 300,000 strings first
 * when they were inline. One array a shard, not one serialisation a summary (format 3): writing 10,000 of them made
 * as many small buffers, and the server's memory once its cache was written stayed tens of megabytes higher. The two
 * parts are read into buffers of their own, so the summaries' bytes are let go once they are read (the states' typed
 * arrays are views of the first part's buffer).
 */
import { promises as fs } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

export const SHARD_FORMAT = 4;
const MAGIC = Buffer.from('CA-shard', 'latin1');
const HEADER = 16;

/** A state as a shard holds it: without its boilerplate summary, which is `summary` in the shard's summaries. */
export interface StoredState {
  readonly state: unknown;
  readonly summary?: number;
}

/** A shard's boilerplate summaries, made into objects when one is first read. */
export class ShardSummaries {
  private bytes: Uint8Array | undefined;
  private made: readonly unknown[] | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** The summary at `index`; undefined when there is none, or the summaries do not read back. */
  at(index: number): unknown {
    if (this.bytes) {
      try {
        const made = deserialize(this.bytes) as unknown;
        this.made = Array.isArray(made) ? made : [];
      } catch {
        this.made = []; // not summaries: the articles are summarised again when indexed
      }
      this.bytes = undefined;
    }
    return this.made?.[index];
  }
}

/** A shard read: its states, and their summaries. */
export interface ShardContents {
  readonly entries: Map<string, StoredState>;
  readonly summaries: ShardSummaries;
}

/** Reads `length` bytes at `position` into a buffer of their own (throws if the file is shorter). */
async function readPart(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length; ) {
    const { bytesRead } = await handle.read(out, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('truncated');
    done += bytesRead;
  }
  return out;
}

/** A shard file's contents when it is of this format and `version`, else undefined (missing, unreadable, corrupt, outdated). */
export async function readShardFile(file: string, version: string): Promise<ShardContents | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size < HEADER) return undefined;
    const header = await readPart(handle, 0, HEADER);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const statesLength = header.readUInt32LE(8);
    const summariesLength = header.readUInt32LE(12);
    if (HEADER + statesLength + summariesLength !== size) return undefined;
    const data = deserialize(await readPart(handle, HEADER, statesLength)) as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object' || data.format !== SHARD_FORMAT || data.version !== version || !(data.entries instanceof Map)) return undefined;
    const summaries = new ShardSummaries(await readPart(handle, HEADER + statesLength, summariesLength));
    return { entries: data.entries as Map<string, StoredState>, summaries };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The parts of a shard file (header, states, summaries; written one after the other) holding `kept` (states read
 * from the file, with `keptSummaries`) and `fresh` (states set in this run, which take the place of kept ones).
 */
export function shardFileParts(version: string, kept: ReadonlyMap<string, StoredState>, keptSummaries: ShardSummaries | undefined, fresh: ReadonlyMap<string, unknown>): Uint8Array[] {
  const entries = new Map<string, StoredState>();
  const summaries: unknown[] = [];
  const add = (key: string, state: unknown, summary: unknown) => {
    if (summary === undefined) entries.set(key, { state });
    else entries.set(key, { state, summary: summaries.push(summary) - 1 });
  };
  for (const [key, entry] of kept) {
    if (fresh.has(key)) continue;
    add(key, entry.state, entry.summary === undefined ? undefined : keptSummaries?.at(entry.summary));
  }
  for (const [key, state] of fresh) {
    if (state && typeof state === 'object' && 'boilerplate' in state) {
      const { boilerplate, ...rest } = state as { boilerplate: unknown };
      add(key, rest, boilerplate);
    } else add(key, state, undefined);
  }
  const states = serialize({ format: SHARD_FORMAT, version, entries });
  const summaryBytes = serialize(summaries);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(states.length, 8);
  header.writeUInt32LE(summaryBytes.length, 12);
  return [header, states, summaryBytes];
}

/**
 * The state a shard holds, with its boilerplate summary made into objects when first read (a stored entry that is not
 * what this format writes is no state: the core refuses it, and the article is analysed again).
 */
export function cachedState(stored: StoredState, summaries: ShardSummaries | undefined): unknown {
  const { state, summary } = (stored ?? {}) as Partial<StoredState>;
  if (!state || typeof state !== 'object' || typeof summary !== 'number' || !summaries) return state;
  const out = { ...state } as Record<string, unknown>;
  Object.defineProperty(out, 'boilerplate', {
    enumerable: true,
    configurable: true,
    get() {
      const value = summaries.at(summary);
      Object.defineProperty(out, 'boilerplate', { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
  return out;
}
