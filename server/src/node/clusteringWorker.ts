/**
 * A worker thread that clusters the corpus's entities (the corpus-wide step that takes seconds at 10,000 articles),
 * so that the language server's thread keeps answering hovers and diagnostics meanwhile. It gets every article's
 * recognised names and the registry, and answers with a compact snapshot (core/entities/clusteringSnapshot.ts), and
 * that snapshot as JSON when asked; with `lookAlikesLater`, the snapshot without look-alikes first, then the
 * look-alikes (and the JSON with them).
 */
import { parentPort } from 'node:worker_threads';
import { clusterEntities, lookAlikeEntity, lookAlikeLists, snapshotOfClustering, withLookAlikes, type ClusteringInput, type ClusteringSnapshot, type LookAlikeEntity } from '../core/index';

type Request = Omit<ClusteringInput, 'generation'> & { id: number; serialized?: boolean; lookAlikesLater?: boolean };

/**
 * Clusters and posts the clustering; with `lookAlikesLater`, answers what finding the look-alikes needs, so that the
 * articles' names and the clustering (most of this worker's memory) can go before that.
 */
function clusterAndPost(input: Request): { entities: LookAlikeEntity[]; snapshot?: ClusteringSnapshot } | undefined {
  const clustering = clusterEntities(input.docs, input.registry);
  const uris = input.docs.map((d) => d.uri);
  if (!input.lookAlikesLater) {
    const snapshot = snapshotOfClustering(clustering, uris, { lookAlikes: true });
    // As JSON too when asked (for the analysis cache): written here, not on the server's thread.
    parentPort!.postMessage({ id: input.id, snapshot, ...(input.serialized ? { json: JSON.stringify(snapshot) } : {}) });
    return undefined;
  }
  // The clustering first, so the server uses it while the look-alikes (the slower part) are found.
  const snapshot = snapshotOfClustering(clustering, uris);
  parentPort!.postMessage({ id: input.id, snapshot });
  return { entities: clustering.clusters().map(lookAlikeEntity), ...(input.serialized ? { snapshot } : {}) };
}

parentPort?.on('message', (message: Request) => {
  const { id, serialized } = message;
  try {
    const rest = clusterAndPost(message);
    if (!rest) return;
    (message as { docs?: unknown }).docs = undefined; // the names of every article, no longer needed
    const lookAlikes = lookAlikeLists(rest.entities);
    parentPort!.postMessage({ id, lookAlikes, ...(serialized && rest.snapshot ? { json: JSON.stringify(withLookAlikes(rest.snapshot, lookAlikes)) } : {}) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) });
  }
});
