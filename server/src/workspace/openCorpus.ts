/** The one way to get the world of a workspace folder, for the language server and the CLI alike. */
import { CorpusFolder } from './corpusFolder';
import type { WorkspaceFileSystem } from './fileSystem';
import type { Settings } from './settings';

export interface OpenCorpusOptions {
  /** The workspace folder (absolute). */
  readonly root: string;
  /** Its settings: from the editor, or from its `.vscode/settings.json` (settingsFile.ts). */
  readonly settings: Settings;
  readonly fs: WorkspaceFileSystem;
}

/** Finds the folder's articles and reads its analyst files; resolves when the folder is ready to use. */
export async function openCorpus(options: OpenCorpusOptions): Promise<CorpusFolder> {
  const folder = new CorpusFolder(options.root, options.settings, options.fs);
  await folder.load();
  return folder;
}
