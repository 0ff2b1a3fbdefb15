/**
 * A Boilerplate listing brought up to date by the changes the server gives since it (`since`): the clients' side of
 * `corpusAnnotator/boilerplateClusters` (server/src/protocolBoilerplate.ts). No vscode: tested on its own.
 */
import type { BoilerplateClusterItem, BoilerplateClustersResult } from '../../server/src/protocolBoilerplate';

/** The listing `held` with the changes `reply` gives since it applied; undefined when they do not fit it. */
export function changesApplied(held: BoilerplateClustersResult, reply: BoilerplateClustersResult): BoilerplateClustersResult | undefined {
  if (reply.since !== held.version || !reply.order) return undefined;
  const byId = new Map(held.clusters.map((c) => [c.id, c]));
  for (const id of reply.removed ?? []) byId.delete(id);
  for (const c of reply.clusters) byId.set(c.id, c);
  const clusters: BoilerplateClusterItem[] = [];
  for (const id of reply.order) {
    const c = byId.get(id);
    if (!c) return undefined;
    clusters.push(c);
  }
  const { since: _since, removed: _removed, order: _order, ...rest } = reply;
  return { ...rest, clusters };
}

