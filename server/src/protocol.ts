/**
 * The extension's own LSP messages, shared by the server and the VS Code client (and usable by any LSP client).
 *
 * Requests and notifications are typed `RequestType` / `NotificationType` objects, so that `sendRequest`,
 * `onRequest`, `sendNotification` and `onNotification` type-check their params and results on both sides; their
 * `method` is the wire name (`corpusAnnotator/…`), which other LSP clients (e.g. Neovim) use as is. Commands run
 * through workspace/executeCommand stay plain strings, with their argument and result types next to them.
 *
 * Plain on purpose: the only import is `vscode-languageserver-protocol` (platform-neutral; re-exported by both
 * vscode-languageclient and vscode-languageserver), never vscode, vscode-languageserver or Node built-ins.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Params of the notifications that carry nothing (`{}` on the wire). */
export type EmptyParams = Record<string, never>;

/** Argument and result types of a command run through workspace/executeCommand. */
export interface CommandSignature<Args extends unknown[], Result> {
  args: Args;
  result: Result;
}

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** One tag as shown to clients, re-anchored against the article's current text. */
export interface TagItem {
  /** The article's URI. */
  uri: string;
  /** The article's path relative to its workspace folder. */
  document: string;
  id: string;
  tag: string;
  note?: string;
  quote: string;
  /** Where the passage is now; absent when the tag is orphaned (its text is gone). */
  range?: LspRange;
  /**
   * How it was found in the current text: `anchored` (where it was), `moved` (same words and context elsewhere),
   * `fuzzy` (words changed a little; `confidence` 0–1), `orphaned` (not found; see `suggestion`).
   */
  status: TagStatus;
  confidence?: number;
  /** For an orphan: the best candidate place, to accept or not. */
  suggestion?: LspRange;
  created: string;
  updated?: string;
  author?: string;
}

export type TagStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface ListTagsResult {
  tags: TagItem[];
  /** Sidecar files that could not be read, with the reason: shown to the user, never overwritten. */
  problems: { uri: string; message: string }[];
}

export interface ListTagsParams {
  /** Only the tags of this article (its URI); every article's when absent. */
  uri?: string;
}

export interface TagsChangedParams {
  /**
   * The articles (URIs) whose tags changed. Empty when the server does not know which (e.g. settings changed):
   * clients then list every article's tags again.
   */
  uris: string[];
}

export interface IndexedParams {
  /** Articles in the corpus. */
  articles: number;
  /** Of those, articles analysed by this indexing (the others' analyses came from the persistent cache, or were current). */
  analysed?: number;
  /** Articles whose analysis came from the persistent analysis cache. */
  fromCache?: number;
  /** Whether the corpus-wide entity clustering came from the persistent cache. */
  clusteringFromCache?: boolean;
}

/**
 * `initializationOptions` of the `initialize` request. Every field is optional; other editors may send none.
 *
 * Settings: clients without `workspace/configuration` (Neovim 0.7) may give the `corpusAnnotator` settings here, as
 * `{ settings: { corpusAnnotator: {…} } }` or `{ corpusAnnotator: {…} }` (nested or dotted keys, as in VS Code's
 * settings.json), and later through `workspace/didChangeConfiguration` (`{ settings: { corpusAnnotator: {…} } }`).
 * Each folder's `.vscode/settings.json` applies on top, as in VS Code.
 */
export interface InitializationOptions {
  settings?: { corpusAnnotator?: unknown };
  corpusAnnotator?: unknown;
  /**
   * Client-side commands this client implements (e.g. `corpusAnnotator.tagRange`, the `ClientEntityCommands`). Code
   * actions use a client command only when the client lists it here; other clients get server commands.
   */
  clientCommands?: string[];
  /**
   * The client shows what the server commands run from code actions did (VS Code: in the status bar). Otherwise the
   * server says it with `window/showMessage`, since editors such as Neovim drop command results.
   */
  showsCommandResults?: boolean;
  /**
   * A folder of the client's own for the persistent analysis cache (VS Code: in the workspace storage). Without it the
   * server uses the user's cache folder (node/analysisCacheStore.ts).
   */
  analysisCacheDir?: string;
}

/** One tag of the taxonomy (`annotations/tags.yaml`). */
export interface TaxonomyItem {
  name: string;
  description?: string;
  color?: string;
}

export interface TaxonomyResult {
  tags: TaxonomyItem[];
}

/** `corpusAnnotator/exportTags` params. */
export interface ExportTagsParams {
  /** `csv` (RFC 4180) or `wadm` (W3C Web Annotation JSON-LD). */
  format: 'csv' | 'wadm';
  /** The workspace folder whose tags are exported (its URI); required when the workspace has several. */
  folderUri?: string;
}

export interface ExportTagsResult {
  /** The file's content: exactly what `corpus-annotator export --format <format>` prints in that folder. */
  content: string;
  /** How many tags it holds, and how many of them are orphaned. */
  count: number;
  orphaned: number;
  /** The folder exported (its URI). */
  folderUri: string;
}

export const Requests = {
  /** `corpusAnnotator/taxonomy` — params: {}; result: TaxonomyResult (every workspace folder's, merged by name) */
  taxonomy: new RequestType<Record<string, never>, TaxonomyResult, void>('corpusAnnotator/taxonomy'),
  /** `corpusAnnotator/listTags` — params: ListTagsParams (`{}` for every article, `{ uri }` for one); result: ListTagsResult */
  listTags: new RequestType<ListTagsParams, ListTagsResult, void>('corpusAnnotator/listTags'),
  /**
   * `corpusAnnotator/exportTags` — params: ExportTagsParams; result: ExportTagsResult. The folder's tags re-anchored
   * against the saved articles (unsaved edits are not in it), as the CLI's `export` gives them.
   */
  exportTags: new RequestType<ExportTagsParams, ExportTagsResult, void>('corpusAnnotator/exportTags'),
} as const;

export const Notifications = {
  /**
   * `corpusAnnotator/tagsChanged`, server → client: tags changed (by a command, or their sidecar files on disk).
   * params: TagsChangedParams. Sent after every successful add or remove.
   */
  tagsChanged: new NotificationType<TagsChangedParams>('corpusAnnotator/tagsChanged'),
  /** `corpusAnnotator/taxonomyChanged`, server → client: the tag taxonomy changed. params: {} */
  taxonomyChanged: new NotificationType<EmptyParams>('corpusAnnotator/taxonomyChanged'),
  /** `corpusAnnotator/indexed`, server → client: the server has finished (re)indexing the corpus. params: IndexedParams */
  indexed: new NotificationType<IndexedParams>('corpusAnnotator/indexed'),
} as const;

/** Commands the server executes through workspace/executeCommand (types in `ServerCommandTypes`). */
export const ServerCommands = {
  /** args: [AddTagArgs]; result: TagItem */
  addTag: 'corpusAnnotator.server.addTag',
  /** args: [RemoveTagArgs]; result: boolean (true when removed) */
  removeTag: 'corpusAnnotator.server.removeTag',
  /** Attaches a tag to a new place (a suggestion accepted, a fuzzy place confirmed, or a selection). args: [ReanchorTagArgs]; result: TagItem */
  reanchorTag: 'corpusAnnotator.server.reanchorTag',
  /** Sets or clears a tag's note. args: [EditNoteArgs]; result: TagItem */
  editNote: 'corpusAnnotator.server.editNote',
  /** Tags every occurrence of a passage's text, in its article or the whole corpus. args: [TagOccurrencesArgs]; result: TagOccurrencesResult */
  tagOccurrences: 'corpusAnnotator.server.tagOccurrences',
  /** Renames, moves (`a` → `b/a`) or merges a tag in every sidecar and the taxonomy. args: [RenameTagArgs]; result: RenameTagResult */
  renameTag: 'corpusAnnotator.server.renameTag',
  /** Undoes the last tag operation of this session (add, remove, re-attach, note, tag all). args: []; result: UndoResult */
  undoTag: 'corpusAnnotator.server.undoTag',
} as const;

/**
 * Client-side tag commands a client may declare in `initializationOptions.clientCommands`. The hover on a tagged
 * passage links to them (`command:` links, args `[{ uri, id }]`) only for clients that declare them; other editors
 * get the tag and its note without links.
 */
export const ClientTagCommands = {
  /** args: [{ uri, id }]: asks for the new note, then ServerCommands.editNote. */
  editNote: 'corpusAnnotator.editTagNote',
  /** args: [{ uri, id }]: ServerCommands.removeTag. */
  removeTag: 'corpusAnnotator.removeTag',
} as const;

/** Arguments and result of each of `ServerCommands`, by command name. */
export interface ServerCommandTypes {
  [ServerCommands.addTag]: CommandSignature<[AddTagArgs], TagItem>;
  [ServerCommands.reanchorTag]: CommandSignature<[ReanchorTagArgs], TagItem>;
  [ServerCommands.editNote]: CommandSignature<[EditNoteArgs], TagItem>;
  [ServerCommands.tagOccurrences]: CommandSignature<[TagOccurrencesArgs], TagOccurrencesResult>;
  [ServerCommands.renameTag]: CommandSignature<[RenameTagArgs], RenameTagResult>;
  [ServerCommands.undoTag]: CommandSignature<[], UndoResult>;
  [ServerCommands.removeTag]: CommandSignature<[RemoveTagArgs], boolean>;
}

export interface AddTagArgs {
  uri: string;
  range: LspRange;
  tag: string;
  note?: string;
}

export interface RemoveTagArgs {
  uri: string;
  id: string;
}

export interface ReanchorTagArgs {
  uri: string;
  id: string;
  /** The passage the tag should hold from now on. */
  range: LspRange;
}

export interface EditNoteArgs {
  uri: string;
  id: string;
  /** The new note; empty or absent to clear it. */
  note?: string;
}

export interface TagOccurrencesArgs {
  /** The article and passage whose text is to be tagged wherever it occurs. */
  uri: string;
  range: LspRange;
  tag: string;
  note?: string;
  /** `article` (default) or `corpus`. */
  scope?: 'article' | 'corpus';
}

export interface TagOccurrencesResult {
  /** Passages tagged (those that had the tag already are not counted), and the articles they are in. */
  added: number;
  articles: number;
}

export interface RenameTagArgs {
  from: string;
  to: string;
}

export interface RenameTagResult {
  tags: number;
  articles: number;
  /** Sidecars left untouched because they do not parse. */
  skipped: string[];
}

export interface UndoResult {
  /** What was undone, for people ("removed tag “cooperation”"); empty when there was nothing to undo. */
  undone: string;
}
