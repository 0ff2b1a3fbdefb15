/**
 * workspace/executeCommand and textDocument/codeAction each take one handler per connection; features add their
 * commands and code-action providers here instead, and the registry dispatches.
 */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
} from 'vscode-languageserver';
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
        throw e;
      }
    });
    connection.onCodeAction(async (params, token) => {
      const all: (CodeAction | Command)[] = [];
      for (const p of this.codeActionProviders) all.push(...(await p(params, token)));
      return all;
    });
  }
}
