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
 * half the time JSON took, with none of the arrays of boxed numbers JSON made). A shard's boilerplate summaries (most
 * of the states' strings: a few dozen an article) are serialised apart, in one array, and made into objects only when
 * the core first reads one of them, which a reopened corpus does after it is ready (corpusService.ts: the boilerplate
 * index is built in idle turns): analysisCacheShard.ts has the shard's layout. And `clustering.v8`, the last
 * corpus-wide clustering (its snapshot's columns of numbers, likewise) with the fingerprint of what it was made from
 * (clusteringFile.ts).
 * Each file names the format and the version key (ANALYSIS_VERSION and the NER model's hash): a file of another
 * format or version, or one that does not parse, is ignored and replaced at the next save (files of the earlier JSON
 * formats, `articles-<0-f>.json` and `clustering.json`, are removed then). Files are written to a temporary name and
 * renamed, so a reader never sees half a file. Only shards that changed are written.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalysisCache } from '../workspace/analysisCache';
import { clusteringFileParts, readClusteringFile, snapshotOf, type HeldClustering } from './clusteringFile';
import { cachedState, readShardFile, shardFileParts, type ShardSummaries, type StoredState } from './analysisCacheShard';

const SHARDS = 16;
const CLUSTERING_FILE = 'clustering.v8';
/** The clustering file of formats 1 and 2 (JSON), removed when its successor is written. */
const OLD_CLUSTERING_FILE = 'clustering.json';

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

/**
 * Writes a file (its parts one after the other) under a temporary name and renames it into place (readers see the
 * old file or the new one).
 */
async function writeAtomically(file: string, parts: readonly Uint8Array[]): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      for (const part of parts) {
        for (let done = 0; done < part.length; ) done += (await handle.write(part, done, part.length - done)).bytesWritten;
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
 * A cache in `dir` for analyses made with `versionKey` (ANALYSIS_VERSION and the model's identity, see
 * `analysisVersionKey`). `log` gets a line when something could not be read or written.
 */
export function createAnalysisCacheStore(dir: string, versionKey: string, log: (message: string) => void = () => undefined): AnalysisCache {
  const version = sha256(versionKey);
  /** States kept in this run (`set`), and those read from the shards, still as they are stored. */
  const shards: Map<string, unknown>[] = Array.from({ length: SHARDS }, () => new Map());
  const stored: Map<string, StoredState>[] = Array.from({ length: SHARDS }, () => new Map());
  /** The boilerplate summaries of the states read from each shard. */
  const summaries: (ShardSummaries | undefined)[] = new Array(SHARDS);
  /** The shards' summaries that states given out (`get`) read when first asked, until read ahead (readAheadInSlices). */
  const givenOut = new Set<ShardSummaries>();
  const dirty = new Set<number>();
  let loading: Promise<void> | undefined;
  let clustering: HeldClustering | undefined;
  let clusteringDirty = false;
  const shardOf = (key: string) => parseInt(key[0], 16) % SHARDS || 0;
  const shardFile = (i: number) => path.join(dir, `articles-${i.toString(16)}.v8`);
  /** A shard of the earlier JSON format (SHARD_FORMAT 1), removed when its successor is written. */
  const jsonShardFile = (i: number) => path.join(dir, `articles-${i.toString(16)}.json`);

  const load = async (): Promise<void> => {
    await Promise.all(
      stored.map(async (_, i) => {
        const read = await readShardFile(shardFile(i), version);
        if (!read) {
          dirty.add(i); // rewritten at the next save, in this format and version
          return;
        }
        // Read once between saves (`loading`): nothing was read into it before.
        if (stored[i].size === 0) {
          stored[i] = read.entries;
          summaries[i] = read.summaries;
        }
      }),
    );
    const read = await readClusteringFile(path.join(dir, CLUSTERING_FILE), version);
    if (read && !clustering) clustering = read;
  };

  return {
    location: dir,
    load: () => (loading ??= load()),
    keyOf: (text) => sha256(text),
    get(key) {
      const i = shardOf(key);
      const state = shards[i].get(key);
      if (state !== undefined) return state;
      const entry = stored[i].get(key);
      if (entry === undefined) return undefined;
      const shardSummaries = summaries[i];
      if (entry.summary !== undefined && shardSummaries) givenOut.add(shardSummaries);
      return cachedState(entry, shardSummaries);
    },
    *readAheadInSlices() {
      // A shard's summaries are read at once (tens of milliseconds at 10,000 articles): the first articles indexed
      // after a reopening read all sixteen, 0.2 s in one turn of the server's event loop.
      for (const shardSummaries of givenOut) {
        givenOut.delete(shardSummaries);
        shardSummaries.readNow();
        yield;
      }
    },
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
          for (const map of [shards[i], stored[i]]) {
            for (const key of map.keys()) {
              if (liveKeys && !liveKeys.has(key)) {
                map.delete(key);
                dirty.add(i);
              }
            }
          }
        }
        // One shard at a time, each serialised in its own turn of the event loop and written before the next is made:
        // at 10,000 articles the whole cache is tens of megabytes, which at once would keep a request waiting for
        // most of a second, and held at once would raise the server's peak memory by as much again.
        for (const i of [...dirty]) {
          await new Promise((r) => setImmediate(r));
          dirty.delete(i);
          await writeAtomically(shardFile(i), shardFileParts(version, stored[i], summaries[i], shards[i]));
          await fs.rm(jsonShardFile(i), { force: true });
          shards[i].clear();
          stored[i].clear();
          summaries[i] = undefined;
        }
        if (clusteringDirty && clustering) {
          clusteringDirty = false;
          const held = clustering;
          clustering = undefined;
          // The snapshot is written as the clustering worker packed it (alignedSerialization.ts): it is made into
          // objects only when a clustering is adopted.
          await writeAtomically(path.join(dir, CLUSTERING_FILE), clusteringFileParts(version, held));
          await fs.rm(path.join(dir, OLD_CLUSTERING_FILE), { force: true });
        }
        return true;
      } catch (e) {
        log(`The analysis cache in ${dir} could not be written (${(e as Error).message}); analyses will be computed again next time.`);
        return false;
      } finally {
        // Nothing is held between indexings (the states and the clustering are the size of the corpus's names): the
        // next `load` reads them again.
        for (const shard of shards) shard.clear();
        for (const shard of stored) shard.clear();
        summaries.fill(undefined);
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
