/**
 * A worker thread that clusters the corpus's entities (the corpus-wide step that takes seconds at 10,000 articles),
 * so that the language server's thread keeps answering hovers and diagnostics meanwhile. It gets every article's
 * recognised names and the registry, and answers with a compact snapshot (core/entities/clusteringSnapshot.ts), and
 * that snapshot as JSON when asked.
 */
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { clusterEntities, snapshotOfClustering, type ClusteringInput, type DocumentEntities } from '../core/index';
import { CLUSTERS_PER_PART, DOCS_PER_PART, TEXTS_PER_PART, partsOf, type FromWorker, type ToWorker } from './clusteringMessages';

/** The names received so far, by request. */
const received = new Map<number, DocumentEntities[]>();
/** The server has read the last part sent for a request: the next may go. */
const readByServer = new Map<number, () => void>();

/** Posts a part of the answer to request `id`, and resolves once the server has read it. */
function send(m: FromWorker): Promise<void> {
  return new Promise((resolve) => {
    readByServer.set(m.id, resolve);
    parentPort!.postMessage(m);
  });
}

parentPort?.on('message', (m: ToWorker) => {
  if ('received' in m) {
    readByServer.get(m.id)?.();
    return;
  }
  const docs = received.get(m.id) ?? [];
  received.set(m.id, docs);
  if ('docs' in m) {
    docs.push(...m.docs);
    return;
  }
  received.delete(m.id);
  void answer(m.id, docs, m.registry, m.serialized);
});

async function answer(id: number, docs: DocumentEntities[], registry: ClusteringInput['registry'], serialized: boolean): Promise<void> {
  try {
    const clustering = clusterEntities(docs, registry);
    const snapshot = snapshotOfClustering(clustering, docs.map((d) => d.uri), { lookAlikes: true });
    // As JSON too when asked (for the analysis cache): written here, not on the server's thread, and gzipped (the
    // server holds it until the cache is written: tens of megabytes at 10,000 articles, a few once compressed).
    const json = serialized ? gzipSync(JSON.stringify(snapshot), { level: 1 }) : undefined;
    for (const texts of partsOf(snapshot.texts, TEXTS_PER_PART)) await send({ id, texts });
    for (const clusters of partsOf(snapshot.clusters, CLUSTERS_PER_PART)) await send({ id, clusters });
    for (const documents of partsOf(snapshot.documents, DOCS_PER_PART)) await send({ id, documents });
    parentPort!.postMessage({ id, last: true, ...(json !== undefined ? { json } : {}) } satisfies FromWorker);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) } satisfies FromWorker);
  } finally {
    readByServer.delete(id);
  }
}
