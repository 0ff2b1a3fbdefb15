/**
 * **Corpus: Export Tags…** (issue 9): a workspace folder's tags, re-anchored against its saved articles, written as
 * RFC 4180 CSV or W3C Web Annotation JSON-LD where the analyst chooses: the file `corpus-annotator export` prints in
 * that folder (the server's `corpusAnnotator/exportTags`). Unsaved articles are named first, with the choice to save
 * them. Called with arguments (`{ format, target, folder }`), it asks nothing and returns what it wrote (tests, other
 * extensions, keybindings).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type ExportTagsParams, type ExportTagsResult } from '../../server/src/protocol';
import type { ClientFeature } from './clientContext';

type Format = ExportTagsParams['format'];

export interface ExportTagsArgs {
  readonly format?: Format;
  /** Where to write the file (a URI or its string); asked for when absent. */
  readonly target?: vscode.Uri | string;
  /** Which workspace folder's tags (a URI or its string); asked for when the workspace has several. */
  readonly folder?: vscode.Uri | string;
}

export interface ExportTagsOutcome {
  readonly target: vscode.Uri;
  readonly count: number;
  readonly orphaned: number;
}

const FORMATS: readonly (vscode.QuickPickItem & { format: Format; extension: string; filter: string })[] = [
  { label: 'CSV', description: 'RFC 4180: one row a tag, for spreadsheets', format: 'csv', extension: 'csv', filter: 'CSV' },
  { label: 'Web Annotation (JSON-LD)', description: 'W3C Web Annotation Data Model: `corpus-annotator import` reads it back', format: 'wadm', extension: 'jsonld', filter: 'JSON-LD' },
];

const asUri = (u: vscode.Uri | string): vscode.Uri => (typeof u === 'string' ? vscode.Uri.parse(u) : u);

async function pickFolder(given: vscode.Uri | string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (given !== undefined) {
    const uri = asUri(given);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) throw new Error(`${uri.fsPath} is not in a folder of this workspace.`);
    return folder;
  }
  if (folders.length === 0) throw new Error('Open the corpus folder first: there are no tags to export.');
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Export the tags of which folder?' });
}

/**
 * Whether to go on with articles of `folder` unsaved: the export reads the saved files. Asked only when some are
 * unsaved and the analyst runs the command (not when called with a target); they may be saved first.
 */
async function unsavedAccepted(folder: vscode.WorkspaceFolder, asking: boolean): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && vscode.workspace.getWorkspaceFolder(d.uri)?.uri.toString() === folder.uri.toString());
  if (!dirty.length || !asking) return true;
  const names = dirty.slice(0, 3).map((d) => vscode.workspace.asRelativePath(d.uri, false)).join(', ') + (dirty.length > 3 ? ` and ${dirty.length - 3} more` : '');
  const save = 'Save All and Export';
  const saved = 'Export Saved Versions';
  const choice = await vscode.window.showWarningMessage(
    `${dirty.length} file${dirty.length === 1 ? ' has' : 's have'} unsaved changes (${names}). The export reads the saved articles, and tags move with unsaved edits only once saved.`,
    { modal: true },
    save,
    saved,
  );
  if (choice === save) return vscode.workspace.saveAll(false);
  return choice === saved;
}

async function exportTags(client: LanguageClient, args: ExportTagsArgs = {}): Promise<ExportTagsOutcome | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const choice = args.format ? FORMATS.find((f) => f.format === args.format) : await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export the tags as…' });
  if (!choice) {
    if (args.format) throw new Error(`Unknown export format ${JSON.stringify(args.format)}: use csv or wadm.`);
    return undefined;
  }
  if (!(await unsavedAccepted(folder, args.target === undefined))) return undefined;
  const target =
    args.target !== undefined
      ? asUri(args.target)
      : await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(folder.uri, `${folder.name}-tags.${choice.extension}`),
          filters: { [choice.filter]: [choice.extension] },
          saveLabel: 'Export Tags',
          title: `Export the tags of ${folder.name} as ${choice.label}`,
        });
  if (!target) return undefined;
  // Cancelled (the progress notification's Cancel): nothing written, and nothing said.
  const result: ExportTagsResult | undefined = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting the tags of ${folder.name}…`, cancellable: true },
    async (_progress, token) => {
      try {
        const answer = await client.sendRequest(Requests.exportTags, { format: choice.format, folderUri: folder.uri.toString() }, token);
        return token.isCancellationRequested ? undefined : answer;
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      }
    },
  );
  if (!result) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  return { target, count: result.count, orphaned: result.orphaned };
}

export const tagExportFeature: ClientFeature = {
  register(ctx) {
    return [
      vscode.commands.registerCommand('corpusAnnotator.exportTags', async (args?: ExportTagsArgs) => {
        const asked = args === undefined || args.target === undefined;
        try {
          const done = await exportTags(ctx.client, args ?? {});
          if (done && asked) {
            const orphans = done.orphaned ? ` (${done.orphaned} orphaned: exported with their quote and no position)` : '';
            const open = 'Open';
            void vscode.window
              .showInformationMessage(`Exported ${done.count} tag${done.count === 1 ? '' : 's'}${orphans} to ${vscode.workspace.asRelativePath(done.target)}.`, open)
              .then((c) => (c === open ? vscode.window.showTextDocument(done.target) : undefined));
          }
          return done;
        } catch (e) {
          const message = `Corpus Annotator: the tags were not exported: ${(e as Error).message}`;
          // Asked from the palette or a menu: said here (VS Code would add a vaguer "command failed"); else thrown.
          if (!asked) throw new Error(message);
          void vscode.window.showErrorMessage(message);
          return undefined;
        }
      }),
    ];
  },
};
