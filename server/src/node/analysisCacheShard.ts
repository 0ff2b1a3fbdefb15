/**
 * One shard file of the analysis cache (analysisCacheStore.ts): the article states of one sixteenth of the text keys.
 *
 * Layout (format 6): a 64-byte header (`CA-shard`, the format, a random id of the file, the byte lengths of the four
 * parts, then their CRC-32s, little-endian uint32s), then two values in V8's serialisation with their typed arrays apart
 * (alignedSerialization.ts: a stream, then the arrays' bytes):
 * - the states, `{ format, version, entries: Map<key, { state, summary? }> }`, each state without its boilerplate
 *   summary, `summary` the index of that summary in the second value;
 * - the shard's boilerplate summaries, one array.
 *
 * The summaries are most of a state's strings (a few dozen an article) and most of the file: they are read from the
 * file, and made into objects, only when the core first reads one of the shard's (`cachedState`), which a reopened
 * corpus does once it is ready (its boilerplate index is built in idle turns after 'indexed'). Reading the states of
 * 10,000 articles made 300,000 strings first when they were inline; one serialisation a summary (format 3) made as
 * many small buffers when the cache was written, and the server's memory once written stayed tens of megabytes
 * higher. The summaries are read with the file's id checked: a file replaced since its states were read gives none
 * (the articles are summarised again). A part whose bytes do not match their checksum is not read: a byte flipped on
 * disk inside an array would otherwise be read as an article's names or passages.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, promises as fs } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deserializeApart, serializeApart } from './alignedSerialization';
import { readPart, readPartSync } from './fileParts';

export const SHARD_FORMAT = 6;
const MAGIC = Buffer.from('CA-shard', 'latin1');
const HEADER = 64;
/** Where the header holds the lengths of the states' stream and arrays, then of the summaries' stream and arrays. */
const LENGTHS = 32;
/** Where it holds the CRC-32 of each of those four parts, in the same order. */
const CHECKSUMS = 48;

/** A state as a shard holds it: without its boilerplate summary, which is `summary` in the shard's summaries. */
export interface StoredState {
  readonly state: unknown;
  readonly summary?: number;
}

/** A shard's boilerplate summaries, read and made into objects when one is first read. */
export class ShardSummaries {
  private read: (() => unknown) | undefined;
  private made: readonly unknown[] | undefined;

  constructor(read: () => unknown) {
    this.read = read;
  }

  /** The summary at `index`; undefined when there is none, or the summaries do not read back. */
  at(index: number): unknown {
    this.readNow();
    return this.made?.[index];
  }

  /** Reads the summaries now, unless they were read. */
  readNow(): void {
    if (!this.read) return;
    try {
      const made = this.read();
      this.made = Array.isArray(made) ? made : [];
    } catch {
      this.made = []; // not summaries: the articles are summarised again when indexed
    }
    this.read = undefined;
  }
}

/** A shard read: its states, and their summaries. */
export interface ShardContents {
  readonly entries: Map<string, StoredState>;
  readonly summaries: ShardSummaries;
}

/** The lengths of the four parts a header names, when it is a header of this format. */
function partsOf(header: Buffer): [number, number, number, number] | undefined {
  if (header.length < HEADER || !header.subarray(0, MAGIC.length).equals(MAGIC) || header.readUInt32LE(8) !== SHARD_FORMAT) return undefined;
  return [0, 1, 2, 3].map((k) => header.readUInt32LE(LENGTHS + 4 * k)) as [number, number, number, number];
}

/** Whether part `k` of the file whose header is `header` has the bytes it was written with. */
function intact(header: Buffer, k: number, part: Uint8Array): boolean {
  return crc32(part) === header.readUInt32LE(CHECKSUMS + 4 * k);
}

/**
 * The summaries of the shard file whose header is `header`, read now: undefined when the file is no longer that one
 * (replaced since, by this server or another), or they are not the bytes written.
 */
function readSummaries(file: string, header: Buffer): unknown {
  const [statesStream, statesArrays, stream, arrays] = partsOf(header)!;
  const fd = openSync(file, 'r');
  try {
    if (!readPartSync(fd, 0, HEADER).equals(header)) return undefined;
    const at = HEADER + statesStream + statesArrays;
    const streamBytes = readPartSync(fd, at, stream);
    const arrayBytes = readPartSync(fd, at + stream, arrays);
    if (!intact(header, 2, streamBytes) || !intact(header, 3, arrayBytes)) return undefined;
    return deserializeApart(streamBytes, arrayBytes);
  } finally {
    closeSync(fd);
  }
}

/** A shard file's contents when it is of this format and `version`, else undefined (missing, unreadable, corrupt, outdated). */
export async function readShardFile(file: string, version: string): Promise<ShardContents | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size < HEADER) return undefined;
    const header = await readPart(handle, 0, HEADER);
    const parts = partsOf(header);
    if (!parts || HEADER + parts.reduce((a, b) => a + b, 0) !== size) return undefined;
    const [stream, arrays] = parts;
    const streamBytes = await readPart(handle, HEADER, stream);
    const arrayBytes = await readPart(handle, HEADER + stream, arrays);
    if (!intact(header, 0, streamBytes) || !intact(header, 1, arrayBytes)) return undefined;
    const data = deserializeApart(streamBytes, arrayBytes) as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object' || data.format !== SHARD_FORMAT || data.version !== version || !(data.entries instanceof Map)) return undefined;
    return { entries: data.entries as Map<string, StoredState>, summaries: new ShardSummaries(() => readSummaries(file, header)) };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The parts of a shard file (written one after the other) holding `kept` (states read from the file, with
 * `keptSummaries`) and `fresh` (states set in this run, which take the place of kept ones).
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
  const states = serializeApart({ format: SHARD_FORMAT, version, entries });
  const summaryParts = serializeApart(summaries);
  const parts = [states.stream, states.arrays, summaryParts.stream, summaryParts.arrays];
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(SHARD_FORMAT, 8);
  randomBytes(16).copy(header, 16);
  parts.forEach((part, k) => {
    header.writeUInt32LE(part.length, LENGTHS + 4 * k);
    header.writeUInt32LE(crc32(part), CHECKSUMS + 4 * k);
  });
  return [header, ...parts];
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
