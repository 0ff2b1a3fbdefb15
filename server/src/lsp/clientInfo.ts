/**
 * What the server knows of its client, from `initialize`: its capabilities, the client-side commands it declares
 * (`initializationOptions.clientCommands`; the older `corpusAnnotator/clientEntityPickers` notification declares the
 * entity pickers), and whether it shows command results itself. Features ask here instead of assuming VS Code:
 * a code action names a client command only when the client has it, and results reach every client.
 */
import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../protocol';
import { ClientEntityCommands, EntityNotifications } from '../protocolEntities';

export class ClientInfo {
  capabilities: ClientCapabilities = {};
  /** The raw initializationOptions (settings are read from them by the workspace). */
  initializationOptions: InitializationOptions = {};
  private readonly commands = new Set<string>();
  private showsResults = false;

  constructor(private readonly connection: Connection) {
    connection.onNotification(EntityNotifications.clientPickers, (p) => {
      if (p && typeof p === 'object' && (p as { pickers?: unknown }).pickers === true) {
        for (const c of Object.values(ClientEntityCommands)) this.commands.add(c);
      }
    });
  }

  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities ?? {};
    const raw: unknown = params.initializationOptions;
    this.initializationOptions = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as InitializationOptions) : {};
    const declared = this.initializationOptions.clientCommands;
    if (Array.isArray(declared)) for (const c of declared) if (typeof c === 'string') this.commands.add(c);
    this.showsResults = this.initializationOptions.showsCommandResults === true;
  }

  /** Whether the client implements this client-side command. */
  hasCommand(name: string): boolean {
    return this.commands.has(name);
  }

  /** Whether the client can be asked to watch files (`client/registerCapability` for workspace/didChangeWatchedFiles). */
  get watchesFilesOnRequest(): boolean {
    return this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** Whether file watchers may be given as patterns relative to a folder. */
  get relativePatterns(): boolean {
    return this.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  }

  /** Tells the user what a command did, unless the client shows command results itself. */
  showResult(message: string): void {
    if (this.showsResults || !message) return;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Corpus Annotator: ${message}` });
  }
}
