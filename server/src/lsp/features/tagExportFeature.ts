/**
 * Export of a folder's tags through LSP (`corpusAnnotator/exportTags`): the file `corpus-annotator export` prints for
 * that folder (workspace/tagExport.ts), which the client saves where the analyst chooses. Tags are re-anchored against
 * the saved articles, as the CLI reads them.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { Requests, type ExportTagsParams } from '../../protocol';
import { exportedTags, folderTags, TAG_EXPORT_FORMATS } from '../../workspace/tagExport';
import type { Feature } from '../context';
import { handleRequest, oneOf, optionalString } from '../params';
import { UserError } from '../tagService';
import { untilIndexed } from '../untilIndexed';
import { uriToPath } from '../workspace';

function parseExportTagsParams(raw: Record<string, unknown>, what: string): ExportTagsParams {
  const format = oneOf(raw, 'format', TAG_EXPORT_FORMATS, what);
  if (!format) throw new UserError(`${what}: \`format\` is required: one of ${TAG_EXPORT_FORMATS.join(', ')}.`);
  const folderUri = optionalString(raw, 'folderUri', what);
  if (folderUri !== undefined && !uriToPath(folderUri)) throw new UserError(`${what}: \`folderUri\` must be the file: URI of a workspace folder, got ${JSON.stringify(folderUri)}.`);
  return folderUri !== undefined ? { format, folderUri } : { format };
}

export const tagExportFeature: Feature = {
  register(ctx) {
    handleRequest(ctx.connection, Requests.exportTags, parseExportTagsParams, async (params, token) => {
      await untilIndexed(ctx.workspace.ready, token); // cancelled while the folders open: RequestCancelled (params.ts)
      const folders = ctx.workspace.allFolders();
      const wanted = params.folderUri === undefined ? undefined : uriToPath(params.folderUri);
      const folder = wanted === undefined ? (folders.length === 1 ? folders[0] : undefined) : folders.find((f) => f.root === wanted);
      if (!folder) {
        const message =
          wanted !== undefined
            ? `${params.folderUri} is not a folder of this workspace.`
            : folders.length
              ? `The workspace has ${folders.length} folders: say which one's tags to export (folderUri).`
              : 'No folder is open: there are no tags to export.';
        return new ResponseError(ErrorCodes.InvalidParams, message);
      }
      const corpus = ctx.workspace.corpusOf(folder.root);
      if (!corpus) return new ResponseError(ErrorCodes.InvalidParams, `${folder.uri} is not open yet.`);
      const tags = await folderTags(corpus, undefined, token); // cancelled: RequestCancelled (params.ts)
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Export cancelled.');
      return {
        content: exportedTags(tags, params.format),
        count: tags.length,
        orphaned: tags.filter((t) => t.anchored.status === 'orphaned').length,
        folderUri: folder.uri,
      };
    });
  },
};
