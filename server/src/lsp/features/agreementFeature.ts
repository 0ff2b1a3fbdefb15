/**
 * Agreement between two analysts and adjudication over LSP (issue 10): `corpusAnnotator/agreementSources` (the git
 * refs one may compare), `corpusAnnotator/agreement` (the figures and every disagreement; work-done progress,
 * cancellation), `corpusAnnotator/disagreements` (one article's) and the `adjudicate` command. The work is done by
 * lsp/agreementService.ts.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { CancelledError, type CancellationToken as CoreToken } from '../../core/index';
import {
  AgreementCommands,
  AgreementRequests,
  type AgreementParams,
  type AgreementSourcesParams,
  type DisagreementsParams,
} from '../../protocolAgreement';
import { AgreementService } from '../agreementService';
import type { Feature } from '../context';
import { describe, handleRequest, optionalString, requiredString } from '../params';
import { UserError } from '../tagService';

export const agreementFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: [AgreementCommands.adjudicate] } },
  register(ctx) {
    const service = new AgreementService(ctx.workspace, ctx.texts, ctx.tags, ctx.git);
    handleRequest(ctx.connection, AgreementRequests.sources, parseSourcesParams, (params) => service.sources(params.uri));
    handleRequest(ctx.connection, AgreementRequests.agreement, parseAgreementParams, async (params, token) => {
      let progress: WorkDoneProgressReporter | undefined;
      if (params.workDoneToken !== undefined) {
        progress = ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
        progress.begin('Agreement', 0, `${params.a} and ${params.b}`, true);
      }
      const cancel = progress && 'token' in progress ? (progress as { token?: CancellationToken }).token : undefined;
      const cancelled: CoreToken = {
        get isCancellationRequested() {
          return token.isCancellationRequested || !!cancel?.isCancellationRequested;
        },
      };
      try {
        return await service.agreement(params, cancelled, progress && { report: (message, percentage) => progress!.report(percentage ?? 0, message) });
      } catch (e) {
        if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Agreement cancelled');
        if (e instanceof UserError) return new ResponseError(LSPErrorCodes.RequestFailed, e.message);
        throw e;
      } finally {
        progress?.done();
      }
    });
    handleRequest(ctx.connection, AgreementRequests.disagreements, parseDisagreementsParams, async (params) => {
      try {
        return { items: await service.disagreements(params.uri, params.a, params.b) };
      } catch (e) {
        if (e instanceof UserError) return new ResponseError(LSPErrorCodes.RequestFailed, e.message);
        throw e;
      }
    });
    ctx.commands.registerCommand(AgreementCommands.adjudicate, async (args) => {
      const r = await service.adjudicate(args[0]);
      ctx.client.showResult(`kept ${r.item.state === 'a' ? 'A’s tags' : r.item.state === 'b' ? 'B’s tags' : r.item.state === 'both' ? 'both sides’ tags' : r.item.state === 'neither' ? 'no tag' : 'the tags'} on “${r.item.text.length > 50 ? `${r.item.text.slice(0, 47)}…` : r.item.text}” (${r.removed} removed, ${r.added} added).`);
      return r;
    });
  },
};

function parseSourcesParams(raw: Record<string, unknown>, what: string): AgreementSourcesParams {
  const uri = optionalString(raw, 'uri', what);
  return uri !== undefined ? { uri } : {};
}

function parseAgreementParams(raw: Record<string, unknown>, what: string): AgreementParams {
  const t = raw.workDoneToken;
  if (t !== undefined && t !== null && typeof t !== 'string' && !(typeof t === 'number' && Number.isInteger(t))) {
    throw new UserError(`${what}: \`workDoneToken\` must be a string or a whole number, got ${describe(t)}.`);
  }
  const uri = optionalString(raw, 'uri', what);
  return {
    a: requiredString(raw, 'a', what),
    b: requiredString(raw, 'b', what),
    ...(uri !== undefined ? { uri } : {}),
    ...(t !== undefined && t !== null ? { workDoneToken: t as string | number } : {}),
  };
}

function parseDisagreementsParams(raw: Record<string, unknown>, what: string): DisagreementsParams {
  return { uri: requiredString(raw, 'uri', what), a: requiredString(raw, 'a', what), b: requiredString(raw, 'b', what) };
}
