/**
 * A worker thread that clusters the corpus's entities (the corpus-wide step that takes seconds at 10,000 articles),
 * so that the language server's thread keeps answering hovers and diagnostics meanwhile. It gets every article's
 * recognised names and the registry, and answers with a compact snapshot (core/entities/clusteringSnapshot.ts), and
 * that snapshot as JSON when asked.
 */
import { parentPort } from 'node:worker_threads';
import { clusterEntities, snapshotOfClustering, type ClusteringInput } from '../core/index';

parentPort?.on('message', (input: Omit<ClusteringInput, 'generation'> & { id: number; serialized?: boolean }) => {
  try {
    const clustering = clusterEntities(input.docs, input.registry);
    const snapshot = snapshotOfClustering(clustering, input.docs.map((d) => d.uri), { lookAlikes: true });
    // As JSON too when asked (for the analysis cache): written here, not on the server's thread.
    parentPort!.postMessage({ id: input.id, snapshot, ...(input.serialized ? { json: JSON.stringify(snapshot) } : {}) });
  } catch (e) {
    parentPort!.postMessage({ id: input.id, error: (e as Error).stack ?? String(e) });
  }
});
