/**
 * The extension's LSP messages about boilerplate: the clusters request for a tree view, the change notification, and
 * the ignore commands. Shared by the server and the VS Code client; plain like `protocol.ts` (typed message objects
 * from vscode-languageserver-protocol, no vscode, no Node built-ins).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CommandSignature, EmptyParams, LspRange } from './protocol';

export type BoilerplateKindName = 'duplicate' | 'near-duplicate' | 'chrome';

export interface BoilerplatePlace {
  /** The article's URI. */
  uri: string;
  /** The article's path relative to its workspace folder, for people. */
  document: string;
  range: LspRange;
}

export interface BoilerplateClusterItem {
  /** Stable while the corpus does not change. */
  id: string;
  kind: BoilerplateKindName;
  /** The passage (its first copy), at most 200 characters. */
  text: string;
  /** Number of places (copies) of the passage. */
  count: number;
  /** Number of articles they are in. */
  articles: number;
  /**
   * Its first places (by article, then line), at most `PLACES_LISTED`: all `count` of them come with
   * `corpusAnnotator/boilerplateClusterPlaces`. A line of page chrome has thousands of copies in a large corpus, and
   * listing every one of them made each listing megabytes long.
   */
  places: BoilerplatePlace[];
}

/** The most places a cluster comes with in a listing. */
export const PLACES_LISTED = 20;

export interface BoilerplateClusterPlacesParams {
  /** The cluster's `id`, as listed. */
  id: string;
}

export interface BoilerplateClustersParams {
  /**
   * The `version` of the listing the client holds: when it is the server's last, the answer holds only what changed
   * since (`since` set). A listing of 10,000 articles is megabytes, and the view lists again after every pause in typing.
   */
  since?: number;
}

export interface BoilerplateClustersResult {
  /** This listing's version, for `since` in the next request. */
  version: number;
  /**
   * Set when the answer holds the changes since listing `since`: `clusters` are then only the clusters that are new or
   * changed, `removed` the ids of those gone, and `order` every listed cluster's id in the view's order.
   */
  since?: number;
  removed?: string[];
  order?: string[];
  clusters: BoilerplateClusterItem[];
  /** Clusters left out because there were too many to list (those with the fewest copies of their kind). */
  omitted: number;
  /** `omitted`, by kind: each kind is listed up to the same number of clusters, so none is crowded out by another. */
  omittedByKind: Partial<Record<BoilerplateKindName, number>>;
  /** Ignore lists that could not be read, with the reason (shown, never overwritten). */
  problems: { uri: string; message: string }[];
}

/** Arguments of both ignore commands: the passage's article and range (as in the diagnostic). */
export interface IgnoreBoilerplateArgs {
  uri: string;
  range: LspRange;
  /** The kind it was flagged as; looked up when absent. */
  kind?: BoilerplateKindName;
  note?: string;
}

/** Arguments of the client command that selects a range and runs Tag Selection. */
export interface TagRangeArgs {
  uri: string;
  range: LspRange;
}

export const BoilerplateRequests = {
  /**
   * `corpusAnnotator/boilerplateClusters` — params: BoilerplateClustersParams ({} for a whole listing); result:
   * BoilerplateClustersResult (ignored passages left out).
   */
  clusters: new RequestType<BoilerplateClustersParams, BoilerplateClustersResult, void>('corpusAnnotator/boilerplateClusters'),
  /**
   * `corpusAnnotator/boilerplateClusterPlaces` — params: BoilerplateClusterPlacesParams; result: every place of the
   * cluster, in the listing's order, or null when the corpus has no such cluster now (list again).
   */
  clusterPlaces: new RequestType<BoilerplateClusterPlacesParams, BoilerplatePlace[] | null, void>('corpusAnnotator/boilerplateClusterPlaces'),
} as const;

export const BoilerplateNotifications = {
  /**
   * `corpusAnnotator/boilerplateChanged`, server → client: boilerplate findings may have changed (ignore list, corpus,
   * indexing). params: {}
   */
  changed: new NotificationType<EmptyParams>('corpusAnnotator/boilerplateChanged'),
} as const;

/** Commands the server executes through workspace/executeCommand (types in `BoilerplateCommandTypes`). */
export const BoilerplateCommands = {
  /** args: [IgnoreBoilerplateArgs]; result: boolean (false when it was ignored already) */
  ignoreHere: 'corpusAnnotator.server.boilerplate.ignoreHere',
  /** args: [IgnoreBoilerplateArgs]; result: boolean (false when it was ignored already) */
  ignoreEverywhere: 'corpusAnnotator.server.boilerplate.ignoreEverywhere',
} as const;

/** Arguments and result of each of `BoilerplateCommands`, by command name. */
export interface BoilerplateCommandTypes {
  [BoilerplateCommands.ignoreHere]: CommandSignature<[IgnoreBoilerplateArgs], boolean>;
  [BoilerplateCommands.ignoreEverywhere]: CommandSignature<[IgnoreBoilerplateArgs], boolean>;
}

/** Commands of the VS Code client that code actions refer to (other editors may not have them). */
export const BoilerplateClientCommands = {
  /** args: [TagRangeArgs] */
  tagRange: 'corpusAnnotator.tagRange',
} as const;
