/**
 * workspace/executeCommand and textDocument/codeAction each take one handler per connection; features add their
 * commands and code-action providers here instead, and the registry dispatches.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
} from 'vscode-languageserver';
import { CancelledError } from '../core/index';
import { UserError } from './tagService';

export type CommandHandler = (args: unknown[], token: CancellationToken) => Promise<unknown> | unknown;
export type CodeActionProvider = (params: CodeActionParams, token: CancellationToken) => Promise<(CodeAction | Command)[]> | (CodeAction | Command)[];

export class CommandRegistry {
  private readonly commands = new Map<string, CommandHandler>();
  private readonly codeActionProviders: CodeActionProvider[] = [];

  /** Adds a command; its name must also be listed in a feature's `executeCommandProvider` capability. */
  registerCommand(name: string, handler: CommandHandler): void {
    if (this.commands.has(name)) throw new Error(`Command ${name} registered twice`);
    this.commands.set(name, handler);
  }

  registerCodeActions(provider: CodeActionProvider): void {
    this.codeActionProviders.push(provider);
  }

  listen(connection: Connection): void {
    connection.onExecuteCommand(async (params, token) => {
      const handler = this.commands.get(params.command);
      if (!handler) return new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${params.command}`);
      try {
        return await handler(params.arguments ?? [], token);
      } catch (e) {
        if (e instanceof UserError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
        if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, `${params.command} cancelled`);
        throw e;
      }
    });
    connection.onCodeAction((params, token) => this.codeActions(params, token));
  }

  /**
   * Every provider's actions. A request the client cancelled (as VS Code does with the quick fixes of a line being
   * typed in) is answered RequestCancelled, which clients drop silently; a provider that stopped for it threw the
   * core's CancelledError, which answered as an internal error showed an error notification while typing.
   */
  async codeActions(params: CodeActionParams, token: CancellationToken): Promise<(CodeAction | Command)[] | ResponseError<void>> {
    const all: (CodeAction | Command)[] = [];
    try {
      for (const p of this.codeActionProviders) all.push(...(await p(params, token)));
    } catch (e) {
      if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Code actions cancelled');
      throw e;
    }
    return all;
  }
}
