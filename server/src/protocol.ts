/**
 * The extension's own LSP messages, shared by the server and the VS Code client (and usable by any LSP client).
 * Plain types and names only: no imports of vscode or vscode-languageserver.
 */

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
  created: string;
}

export interface ListTagsResult {
  tags: TagItem[];
  /** Sidecar files that could not be read, with the reason: shown to the user, never overwritten. */
  problems: { uri: string; message: string }[];
}

export const Requests = {
  /** params: {} or { uri } to restrict to one article; result: ListTagsResult */
  listTags: 'corpusAnnotator/listTags',
} as const;

export const Notifications = {
  /** Sent by the server when tags changed (by a command or on disk). params: {} */
  tagsChanged: 'corpusAnnotator/tagsChanged',
  /** Sent by the server each time it has finished indexing the corpus. params: { articles: number } */
  indexed: 'corpusAnnotator/indexed',
} as const;

/** Commands the server executes through workspace/executeCommand. */
export const ServerCommands = {
  /** args: [AddTagArgs]; result: TagItem */
  addTag: 'corpusAnnotator.server.addTag',
  /** args: [RemoveTagArgs]; result: boolean (true when removed) */
  removeTag: 'corpusAnnotator.server.removeTag',
} as const;

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
