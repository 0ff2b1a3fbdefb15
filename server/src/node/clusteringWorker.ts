/**
 * A worker thread that clusters the corpus's entities (the corpus-wide step that takes seconds at 10,000 articles),
 * so that the language server's thread keeps answering hovers and diagnostics meanwhile. It gets every article's
 * recognised names and the registry, and answers with a compact snapshot (core/entities/clusteringSnapshot.ts), and
 * that snapshot in V8's serialisation when asked.
 */
import { parentPort } from 'node:worker_threads';
import { packApart } from './alignedSerialization';
import { clusterEntities, snapshotOfClustering, type ClusteringInput, type DocumentEntities } from '../core/index';
import { STRINGS_PER_PART, partsOf, type FromWorker, type ToWorker } from './clusteringMessages';

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
    // Serialised too when asked (for the analysis cache, its columns apart: alignedSerialization.ts): here, not on
    // the server's thread.
    const bytes = serialized ? packApart(snapshot) : undefined;
    const { texts, entities: { ids, ...entities }, documents: { uris, ...documents } } = snapshot;
    for (const [strings, all] of [['texts', texts], ['ids', ids], ['uris', uris]] as const) {
      for (const values of partsOf(all, STRINGS_PER_PART)) await send({ id, strings, values });
    }
    parentPort!.postMessage({ id, last: true, columns: { entities, documents }, ...(bytes !== undefined ? { serialized: bytes } : {}) } satisfies FromWorker);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) } satisfies FromWorker);
  } finally {
    readByServer.delete(id);
  }
}
