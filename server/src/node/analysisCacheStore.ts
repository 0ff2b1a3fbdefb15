/**
 * The persistent analysis cache on disk (the `AnalysisCache` of workspace/analysisCache.ts).
 *
 * Where: the folder the client gives (`initializationOptions.analysisCacheDir`: the VS Code client passes a folder in
 * its workspace storage), else `CORPUS_ANNOTATOR_CACHE` (a folder, or `off`), else the user's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) under
 * `corpus-annotator/<hash of the workspace folders>/`. Never inside the workspace: the server writes nothing there but
 * the analysts' annotation files.
 *
 * What: 16 shard files `articles-<0-f>.v8` of article states by text hash (SHA-256), in V8's serialisation (Node's
 * `v8.serialize`: the states' Int32Arrays are kept as they are, and a reopened 10,000-article workspace reads them in
 * half the time JSON took, with none of the arrays of boxed numbers JSON made), and `clustering.json`, the last
 * corpus-wide clustering with the fingerprint of what it was made from. Each file names the format and the version
 * key (ANALYSIS_VERSION and the NER model's hash): a file of another version, or one that does not parse, is ignored
 * and replaced at the next save (shards of the earlier JSON format, `articles-<0-f>.json`, are removed then). Files
 * are written to a temporary name and renamed, so a reader never sees half a file. Only shards that changed are
 * written.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClusteringSnapshot } from '../core/index';
import { deserialize, serialize } from 'node:v8';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { AnalysisCache, ClusteringBasis, KeptClustering } from '../workspace/analysisCache';

/** The clustering file's format (2: mentions name their texts in the snapshot's table, see ClusteringSnapshot). */
const FORMAT = 2;
/** The shards' format: V8's serialisation of `{ format, version, entries: Map }`. */
const SHARD_FORMAT = 2;
const SHARDS = 16;
const CLUSTERING_FILE = 'clustering.json';

/** The user's cache folder for this program, by platform conventions. */
export function userCacheRoot(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'corpus-annotator', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'corpus-annotator');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'corpus-annotator');
}

/**
 * The folder of a workspace's cache: `given` (from the client) when there is one, else CORPUS_ANNOTATOR_CACHE, else
 * one per set of workspace folders in the user's cache folder. Undefined when caching is off (`CORPUS_ANNOTATOR_CACHE=off`).
 */
export function analysisCacheDir(folders: readonly string[], given?: string): string | undefined {
  const env = process.env.CORPUS_ANNOTATOR_CACHE;
  if (env === 'off') return undefined;
  if (given) return given;
  if (env) return env;
  if (!folders.length) return undefined;
  const id = createHash('sha256').update([...folders].sort().join('\n')).digest('hex').slice(0, 16);
  return path.join(userCacheRoot(), id);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** How much of a string is encoded for writing at a time. */
const WRITE_CHUNK = 1 << 20;

/** Bytes to write as they are decompressed (the clustering worker's gzipped JSON). */
interface Gzipped {
  readonly gzipped: Uint8Array;
}

/**
 * Writes a file under a temporary name and renames it into place (readers see the old file or the new one); `data`
 * is written in its parts, in order, a megabyte at a time: tens of megabytes of JSON are never copied whole into
 * one string or one buffer.
 */
async function writeAtomically(file: string, ...data: (string | Uint8Array | Gzipped)[]): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      for (const part of data) {
        if (part instanceof Uint8Array) {
          await handle.writeFile(part);
          continue;
        }
        if (typeof part !== 'string') {
          const gunzip = createGunzip({ chunkSize: WRITE_CHUNK });
          gunzip.end(part.gzipped);
          for await (const chunk of gunzip) await handle.writeFile(chunk as Buffer);
          continue;
        }
        for (let at = 0; at < part.length; ) {
          let end = Math.min(part.length, at + WRITE_CHUNK);
          // Never between the two halves of a surrogate pair (each half alone would be written as U+FFFD).
          if (end < part.length && (part.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
          await handle.writeFile(part.slice(at, end)); // from the current position, all of it
          at = end;
        }
      }
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * A file's JSON when it is of this format and version, else undefined (missing, unreadable, corrupt, outdated). Read
 * as bytes and decoded at once: `readFile(file, 'utf8')` decodes tens of megabytes through a StringDecoder, a chunk
 * at a time, at several times the cost.
 */
async function readOwn(file: string, version: string): Promise<Record<string, unknown> | undefined> {
  try {
    const data = JSON.parse((await fs.readFile(file)).toString('utf8')) as Record<string, unknown>;
    return data && typeof data === 'object' && data.format === FORMAT && data.version === version ? data : undefined;
  } catch {
    return undefined;
  }
}

/** A shard's entries when it is of this format and version, else undefined (missing, unreadable, corrupt, outdated). */
async function readShard(file: string, version: string): Promise<Map<string, unknown> | undefined> {
  try {
    const data = deserialize(await fs.readFile(file)) as { format?: unknown; version?: unknown; entries?: unknown } | undefined;
    return data?.format === SHARD_FORMAT && data.version === version && data.entries instanceof Map ? (data.entries as Map<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cache in `dir` for analyses made with `versionKey` (ANALYSIS_VERSION and the model's identity, see
 * `analysisVersionKey`). `log` gets a line when something could not be read or written.
 */
export function createAnalysisCacheStore(dir: string, versionKey: string, log: (message: string) => void = () => undefined): AnalysisCache {
  const version = sha256(versionKey);
  const shards: Map<string, unknown>[] = Array.from({ length: SHARDS }, () => new Map());
  const dirty = new Set<number>();
  let loading: Promise<void> | undefined;
  let clustering: { fingerprint: string; snapshot: KeptClustering; basis?: ClusteringBasis } | undefined;
  let clusteringDirty = false;
  const shardOf = (key: string) => parseInt(key[0], 16) % SHARDS || 0;
  const shardFile = (i: number) => path.join(dir, `articles-${i.toString(16)}.v8`);
  /** A shard of the earlier JSON format (SHARD_FORMAT 1), removed when its successor is written. */
  const jsonShardFile = (i: number) => path.join(dir, `articles-${i.toString(16)}.json`);

  const load = async (): Promise<void> => {
    await Promise.all(
      shards.map(async (shard, i) => {
        const entries = await readShard(shardFile(i), version);
        if (!entries) {
          dirty.add(i); // rewritten at the next save, in this version
          return;
        }
        if (shard.size === 0) shards[i] = entries;
        else for (const [key, state] of entries) if (!shard.has(key)) shard.set(key, state);
      }),
    );
    const data = await readOwn(path.join(dir, CLUSTERING_FILE), version);
    if (typeof data?.fingerprint === 'string' && data.snapshot && typeof data.snapshot === 'object' && !clustering) {
      clustering = { fingerprint: data.fingerprint, snapshot: data.snapshot as ClusteringSnapshot, ...(isBasis(data.basis) ? { basis: data.basis } : {}) };
    }
  };

  return {
    location: dir,
    load: () => (loading ??= load()),
    keyOf: (text) => sha256(text),
    get: (key) => shards[shardOf(key)].get(key),
    set(key, state) {
      const i = shardOf(key);
      shards[i].set(key, state);
      dirty.add(i);
    },
    fingerprint(parts) {
      const h = createHash('sha256');
      for (const p of parts) h.update(p).update('\0');
      return h.digest('hex');
    },
    clustering(fingerprint) {
      if (clustering?.fingerprint !== fingerprint) return undefined;
      return snapshotOf(clustering.snapshot);
    },
    keptClustering() {
      const snapshot = clustering?.basis && snapshotOf(clustering.snapshot);
      return snapshot ? { snapshot, basis: clustering!.basis! } : undefined;
    },
    keepClustering(fingerprint, snapshot, basis) {
      if (clustering?.fingerprint === fingerprint) return;
      clustering = { fingerprint, snapshot, ...(basis ? { basis } : {}) };
      clusteringDirty = true;
    },
    async save(liveKeys) {
      try {
        await fs.mkdir(dir, { recursive: true });
        for (let i = 0; i < SHARDS; i++) {
          const shard = shards[i];
          for (const key of shard.keys()) {
            if (liveKeys && !liveKeys.has(key)) {
              shard.delete(key);
              dirty.add(i);
            }
          }
        }
        // One shard at a time, each serialised in its own turn of the event loop and written before the next is made:
        // at 10,000 articles the whole cache is tens of megabytes, which at once would keep a request waiting for
        // most of a second, and held at once would raise the server's peak memory by as much again.
        for (const i of [...dirty]) {
          await new Promise((r) => setImmediate(r));
          dirty.delete(i);
          await writeAtomically(shardFile(i), serialize({ format: SHARD_FORMAT, version, entries: shards[i] }));
          await fs.rm(jsonShardFile(i), { force: true });
          shards[i].clear();
        }
        if (clusteringDirty && clustering) {
          clusteringDirty = false;
          const { fingerprint, snapshot, basis } = clustering;
          clustering = undefined;
          const json = typeof snapshot === 'string' ? snapshot : snapshot instanceof Uint8Array ? { gzipped: snapshot } : JSON.stringify(snapshot);
          await writeAtomically(path.join(dir, CLUSTERING_FILE), `${JSON.stringify({ format: FORMAT, version, fingerprint, basis }).slice(0, -1)},"snapshot":`, json, '}');
        }
        return true;
      } catch (e) {
        log(`The analysis cache in ${dir} could not be written (${(e as Error).message}); analyses will be computed again next time.`);
        return false;
      } finally {
        // Nothing is held between indexings (the states and the clustering are the size of the corpus's names): the
        // next `load` reads them again.
        for (const shard of shards) shard.clear();
        dirty.clear();
        clustering = undefined;
        clusteringDirty = false;
        loading = undefined;
      }
    },
  };
}

/**
 * The version key of analyses: the core's ANALYSIS_VERSION, a hash of the NER model's bytes and, when given, of the
 * running program's code (a new build of the server never uses what an older one kept, even if nobody bumped
 * ANALYSIS_VERSION).
 */
export function analysisVersionKey(analysisVersion: number, modelBytes: Uint8Array, code?: Uint8Array): string {
  const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  return `analysis ${analysisVersion}; model ${hash(modelBytes)}${code ? `; code ${hash(code)}` : ''}`;
}

function snapshotOf(kept: KeptClustering): ClusteringSnapshot | undefined {
  if (typeof kept !== 'string' && !(kept instanceof Uint8Array)) return kept;
  try {
    return JSON.parse(typeof kept === 'string' ? kept : gunzipSync(kept).toString('utf8')) as ClusteringSnapshot;
  } catch {
    return undefined;
  }
}

function isBasis(value: unknown): value is ClusteringBasis {
  const b = value as ClusteringBasis | undefined;
  return !!b && typeof b.registry === 'string' && !!b.articles && typeof b.articles === 'object' && Object.values(b.articles).every((k) => typeof k === 'string');
}
