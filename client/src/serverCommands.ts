/**
 * Runs the server's commands (workspace/executeCommand) with their argument and result types checked: the command
 * names stay plain strings on the wire, their types come from the protocol files (`…CommandTypes`).
 */
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { ServerCommandTypes } from '../../server/src/protocol';
import type { BoilerplateCommandTypes } from '../../server/src/protocolBoilerplate';
import type { RegistryCommandTypes } from '../../server/src/protocolEntities';
import type { AgreementCommandTypes } from '../../server/src/protocolAgreement';

/** Every server command, by name, with its arguments and result. */
export type AllServerCommandTypes = ServerCommandTypes & BoilerplateCommandTypes & RegistryCommandTypes & AgreementCommandTypes;
export type ServerCommandName = keyof AllServerCommandTypes;

/** Sends workspace/executeCommand for `command`; rejects with the server's message when it fails. */
export function executeServerCommand<C extends ServerCommandName>(
  client: LanguageClient,
  command: C,
  ...args: AllServerCommandTypes[C]['args']
): Promise<AllServerCommandTypes[C]['result']> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<AllServerCommandTypes[C]['result']>;
}
