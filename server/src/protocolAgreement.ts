/**
 * Agreement between two analysts and adjudication of their disagreements (issue 10), over LSP: typed requests and a
 * server command, shared by the server and the VS Code client and usable by any LSP client.
 *
 * A side (`a`, `b`) is a git ref of the workspace folder's repository (a branch, a tag, a commit) or an annotations
 * folder inside the workspace folder (its path relative to the folder).
 *
 * Plain on purpose: the only import is `vscode-languageserver-protocol` (see protocol.ts).
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { CommandSignature, LspRange } from './protocol';

export interface AgreementSourcesParams {
  /** A file (an article) of the workspace folder to look in; the first folder when absent. */
  uri?: string;
}

export interface AgreementSourceItem {
  /** What to pass as `a` or `b`. */
  name: string;
  kind: 'branch' | 'tag' | 'remote' | 'folder';
  /** The branch checked out. */
  current?: boolean;
  /** For people: the last commit's subject and author, or the folder's number of files. */
  detail?: string;
}

export interface AgreementSourcesResult {
  /** The workspace folder (URI) the sources belong to. */
  folder: string;
  sources: AgreementSourceItem[];
}

export interface AgreementParams {
  a: string;
  b: string;
  /** A file of the workspace folder whose repository and annotations to compare; the first folder when absent. */
  uri?: string;
  /** A client-created work-done progress token (`window/workDoneProgress/create`). */
  workDoneToken?: string | number;
}

export interface PrfItem {
  countA: number;
  countB: number;
  matchedA: number;
  matchedB: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface AgreementResult {
  folder: string;
  a: AgreementSide;
  b: AgreementSide;
  /** Per tag, sorted by name, and every tag together (micro-averaged). */
  spans: { tags: { tag: string; exact: PrfItem; overlap: PrfItem }[]; all: { exact: PrfItem; overlap: PrfItem } };
  /** Token labels: Cohen's kappa and Gwet's AC1 (null when undefined). */
  tokens: { items: number; documents: number; observed: number | null; cohenKappa: number | null; gwetAC1: number | null };
  /** Krippendorff's unitized alpha per tag. */
  unitizedAlpha: { tag: string; alpha: number | null }[];
  /** The entity registry's disagreements, one line each, for people (`type of Vientiane: A LOCATION, B ORG`). */
  registry: string[];
  /** Articles tagged by a side whose text is not in the workspace (spans only). */
  missingArticles: string[];
  /** Files of a side that do not parse (left out). */
  problems: string[];
  /** Every disagreement on a passage, article by article. */
  disagreements: DisagreementItem[];
}

export interface AgreementSide {
  source: string;
  kind: 'folder' | 'git';
  articles: number;
  tags: number;
  entities: number;
}

/** One analyst's tag in a disagreement. */
export interface SideTag {
  id: string;
  tag: string;
  quote: string;
  range: LspRange;
  author?: string;
  note?: string;
}

/** A passage where the two analysts' tags differ. */
export interface DisagreementItem {
  /** The article (URI) and its path relative to its workspace folder. */
  uri: string;
  document: string;
  /** What to pass to `adjudicate` (stable while the two sides do not change). */
  key: string;
  /** The passage the disagreement covers, and its text. */
  range: LspRange;
  text: string;
  a: SideTag[];
  b: SideTag[];
  /** The article's tags there now (its sidecar in the workspace), and which choice they amount to. */
  now: SideTag[];
  state: DisagreementState;
}

/**
 * What the article holds now at a disagreement: A's tags, B's, both, neither, or something else (edited since). A
 * merge of the two branches holds `both` until adjudicated.
 */
export type DisagreementState = 'a' | 'b' | 'both' | 'neither' | 'other';

export interface DisagreementsParams {
  /** The article. */
  uri: string;
  a: string;
  b: string;
}

export interface DisagreementsResult {
  items: DisagreementItem[];
}

export const AgreementRequests = {
  /** `corpusAnnotator/agreementSources` — params: AgreementSourcesParams; result: AgreementSourcesResult (git refs, then annotation folders) */
  sources: new RequestType<AgreementSourcesParams, AgreementSourcesResult, void>('corpusAnnotator/agreementSources'),
  /** `corpusAnnotator/agreement` — params: AgreementParams; result: AgreementResult. Honours cancellation; reports progress. */
  agreement: new RequestType<AgreementParams, AgreementResult, void>('corpusAnnotator/agreement'),
  /** `corpusAnnotator/disagreements` — params: DisagreementsParams; result: DisagreementsResult (one article's) */
  disagreements: new RequestType<DisagreementsParams, DisagreementsResult, void>('corpusAnnotator/disagreements'),
} as const;

export const AgreementCommands = {
  /**
   * Adjudicates one disagreement of an article: keeps A's tags, B's, both or neither, written to the article's
   * sidecar (the other tags are left as they are). args: [AdjudicateArgs]; result: AdjudicateResult
   */
  adjudicate: 'corpusAnnotator.server.adjudicate',
  /**
   * Resolves a merge conflict kept in an analyst file (a `conflicts:` entry, shown as a `merge-conflict` diagnostic
   * whose `data` is `{ list, key }`): keeps our version of the record, theirs or both, and removes the entry. In a tag
   * sidecar (list `tags`), both keeps theirs under a new id; in the registry (`entities`) both is ours with their names
   * added; in the ignore list (`everywhere`, `here`) and the taxonomy (`tags`) only ours or theirs. Offered as quick
   * fixes on that diagnostic. Undone by `ServerCommands.undoTag` for a sidecar, by `RegistryCommands.undo` for the
   * other files; either way the conflict entry comes back. args: [ResolveConflictArgs]; result: ResolveConflictResult
   */
  resolveConflict: 'corpusAnnotator.server.resolveConflict',
} as const;

/** `name` and `notEntity`: for a `notEntities` conflict of the registry (the name stays its entity's, or is not an entity). */
export type ConflictChoiceName = 'ours' | 'theirs' | 'both' | 'name' | 'notEntity';

export interface ResolveConflictArgs {
  /** The file's URI: a tag sidecar, `entities.yaml`, `ignored.yaml` or `tags.yaml` of the annotations folder. */
  uri: string;
  /** The conflict's list (default `tags`) and key (a tag's id, an entity's id, an ignore entry's key, a tag name). */
  list?: string;
  key: string;
  choice: ConflictChoiceName;
}

export interface ResolveConflictResult {
  /** For people: what was kept. */
  message: string;
  /** Records removed from and added to the file (a record replaced counts once each). */
  removed: number;
  added: number;
  /** Registry, ignore list or taxonomy: the file was changed, `RegistryCommands.undo` takes it back; the file's label. */
  changed?: boolean;
  undoable?: boolean;
  registry?: string;
}

export type AdjudicationChoiceName = 'a' | 'b' | 'both' | 'neither';

export interface AdjudicateArgs {
  uri: string;
  a: string;
  b: string;
  /** The disagreement's `key`. */
  key: string;
  choice: AdjudicationChoiceName;
}

export interface AdjudicateResult {
  /** Tags removed from and added to the article's sidecar. */
  removed: number;
  added: number;
  /** The disagreement as it is now. */
  item: DisagreementItem;
}

export interface AgreementCommandTypes {
  [AgreementCommands.adjudicate]: CommandSignature<[AdjudicateArgs], AdjudicateResult>;
  [AgreementCommands.resolveConflict]: CommandSignature<[ResolveConflictArgs], ResolveConflictResult>;
}
