/**
 * A worker thread that clusters the corpus's entities (the corpus-wide step that takes seconds at 10,000 articles),
 * so that the language server's thread keeps answering hovers and diagnostics meanwhile. It gets every article's
 * recognised names and the registry, and answers with a compact snapshot (core/entities/clusteringSnapshot.ts).
 *
 * The snapshot's look-alikes (a second more at 10,000 articles) are found after it, while the server already uses the
 * clustering, by a second thread of this script (`findLookAlikes`): the first gives it the snapshot through a port
 * and is stopped as soon as it has answered, so that what it held (every article's names, the clustering) is given
 * back when the corpus is indexed, not a second later. The second answers with the look-alikes, and the snapshot with
 * them in V8's serialisation when asked (for the analysis cache).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { packApart } from './alignedSerialization';
import { namesFromColumns } from './namesColumns';
import { clusterEntitiesAsSnapshot, lookAlikeColumns, lookAlikeEntitiesOf, withLookAlikes, type ClusteringInput, type ClusteringSnapshot, type DocumentEntities } from '../core/index';
import { STRINGS_PER_PART, partsOf, type FromWorker, type ToWorker } from './clusteringMessages';
import { lowerThreadPriority } from './threadPriority';

// The server's thread answers hovers and edits first while this one clusters (threadPriority.ts).
lowerThreadPriority();

/** The names received so far, by request, with each text as one string (`namesFromColumns`). */
const received = new Map<number, { readonly docs: DocumentEntities[]; readonly strings: Map<string, string> }>();
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
  if ('findLookAlikes' in m) {
    findLookAlikes(m.id, m.findLookAlikes);
    return;
  }
  let got = received.get(m.id);
  if (!got) received.set(m.id, (got = { docs: [], strings: new Map() }));
  const { docs } = got;
  if ('names' in m) {
    for (const doc of namesFromColumns(m.names, got.strings)) docs.push(doc);
    return;
  }
  received.delete(m.id);
  void answer(m.id, docs, m.registry, m.lookAlikes, m.serialized);
});

/** Clusters `docs`, gives the snapshot to the look-alikes' thread (`lookAlikes`), then sends it to the server. */
async function answer(id: number, docs: DocumentEntities[], registry: ClusteringInput['registry'], lookAlikes: MessagePort, serialized: boolean): Promise<void> {
  try {
    // Written as columns directly: the clustering's objects were made only to be read back into them.
    const made = clusterEntitiesAsSnapshot(docs, registry);
    const snapshot: ClusteringSnapshot = { ...made, entities: { ...made.entities, lookAlikesLater: true } };
    // Before the server has the answer: it stops this thread once it has.
    lookAlikes.postMessage({ snapshot, serialized } satisfies LookAlikesWork);
    lookAlikes.close();
    const { texts, entities: { ids, ...entities }, documents: { uris, ...documents } } = snapshot;
    for (const [strings, all] of [['texts', texts], ['ids', ids], ['uris', uris]] as const) {
      for (const values of partsOf(all, STRINGS_PER_PART)) await send({ id, strings, values });
    }
    parentPort!.postMessage({ id, last: true, columns: { entities, documents } } satisfies FromWorker);
  } catch (e) {
    lookAlikes.close();
    parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) } satisfies FromWorker);
  } finally {
    readByServer.delete(id);
  }
}

/** What the clustering thread gives the look-alikes' thread. */
interface LookAlikesWork {
  readonly snapshot: ClusteringSnapshot;
  readonly serialized: boolean;
}

/** The look-alikes' thread: finds those of the snapshot that comes through `port`, and answers request `id` with them. */
function findLookAlikes(id: number, port: MessagePort): void {
  let given = false;
  port.once('message', ({ snapshot, serialized }: LookAlikesWork) => {
    given = true;
    try {
      const columns = lookAlikeColumns(lookAlikeEntitiesOf(snapshot));
      // Serialised here when asked (its columns apart: alignedSerialization.ts), not on the server's thread.
      const bytes = serialized ? packApart(withLookAlikes(snapshot, columns)) : undefined;
      parentPort!.postMessage({ id, lookAlikes: columns, ...(bytes !== undefined ? { serialized: bytes } : {}) } satisfies FromWorker);
    } catch (e) {
      parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) } satisfies FromWorker);
    } finally {
      port.close();
    }
  });
  // The clustering thread stopped before giving the snapshot (it failed, or was stopped): nothing comes.
  port.once('close', () => {
    if (!given) parentPort!.postMessage({ id, error: 'the clustering gave no snapshot' } satisfies FromWorker);
  });
}
