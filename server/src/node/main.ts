/** Entry point of the language server process (stdio, IPC or socket, chosen by the command line). */
import { readFileSync } from 'node:fs';
import { startServer } from '../server';
import { gitAnnotations } from './gitAnnotations';
import { watchFolders } from './folderWatcher';
import { gitUserName } from './gitUserName';
import { workerClustering } from './backgroundClustering';
import { workerAnalysis } from './parallelAnalysis';
import { loadNerModelFile } from './nerModelFile';
import { analysisCacheDir, analysisVersionKey, createAnalysisCacheStore } from './analysisCacheStore';
import { ANALYSIS_VERSION } from '../core/index';
import { createNodeFileSystem } from './nodeFileSystem';
import { readTextFile } from './textFileReading';
import { workerReads } from './workerReads';
import { getHeapStatistics } from 'node:v8';
import { collectWhenIdle } from './idleCollection';
import { heapGrowth } from './heapGrowth';
import { limitInlining } from './compilerInlining';
import { stopPretenuring } from './pretenuring';
import { EncodedAhead } from './encodedAhead';
import { createServerConnection } from './serverConnection';

// Before the analysis workers start: they compile the recogniser as they warm up (compilerInlining.ts).
limitInlining();
// Before the corpus is read and indexed: what typing makes then stays in the young generation (pretenuring.ts).
stopPretenuring();
// Fixed while editing; V8's own while the corpus is indexed and while the worker threads analyse new articles or
// cluster the corpus (heapGrowth.ts).
const growth = heapGrowth();
growth.limit();

// Articles are read in a worker thread, which leaves the server's thread to import and analyse them. It starts now,
// while the model is read.
const fs = createNodeFileSystem(workerReads(readTextFile, undefined, { started: true }) ?? readTextFile);
const ner = loadNerModelFile();
// Analyses kept between runs, valid for this analysis version, this very model and this build (analysisCacheStore.ts).
const analysisCache = (folders: readonly string[], clientDir: string | undefined, log: (message: string) => void) => {
  const dir = analysisCacheDir(folders, clientDir);
  return dir ? createAnalysisCacheStore(dir, analysisVersionKey(ANALYSIS_VERSION, ner.bytes, readFileSync(__filename)), log) : undefined;
};

// The diagnostics of the article being typed in are encoded while the debounce runs (encodedAhead.ts).
const encodedAhead = new EncodedAhead();
const { connection, encodes } = createServerConnection(encodedAhead.encoder);
startServer(connection, { ...(encodes ? { encodeAhead: (method: string, params: object) => encodedAhead.notification(method, params) } : {}), loadNerModel: () => ner.model, analysisCache, fs, watchFolders, userName: gitUserName, git: gitAnnotations, clusterInBackground: workerClustering(undefined, growth.relax), analyseInParallel: workerAnalysis(undefined, undefined, growth.relax, true), relaxHeapGrowth: growth.relax });

// With `--expose-gc` (the VS Code client passes it), the garbage left by indexing, a view's first listing or a
// regrouping is collected once the server is idle, not kept until the heap grows several times further.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  collectWhenIdle({
    gc,
    heapUsed: () => getHeapStatistics().used_heap_size,
    log: (message) => {
      // Where the process's memory is, beside what the collection left: the heap is not all of it.
      const m = process.memoryUsage();
      const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
      connection.console.info(`${message} Resident ${mb(m.rss)}: heap ${mb(m.heapTotal)}, outside it ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)}).`);
    },
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
    now: () => performance.now(),
  });
}
