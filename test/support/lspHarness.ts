/** Runs the real language server in-process over a pair of streams and talks LSP to it, as an editor would. */
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import {
  createConnection,
  createMessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../server/src/server';
import { loadNerModel } from '../../server/src/node/nerModelFile';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { watchFolders } from '../../server/src/node/folderWatcher';
import { gitAnnotations } from '../../server/src/node/gitAnnotations';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from './workspace';

export interface LspHarness {
  readonly client: MessageConnection;
  readonly root: string;
  uri(relative: string): string;
  open(relative: string): Promise<string>;
  diagnostics(uri: string): Diagnostic[] | undefined;
  waitForDiagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Resolves once the server has said the corpus is indexed (open articles get corpus-wide diagnostics from then). */
  indexed(): Promise<void>;
  notifications: { method: string; params: unknown }[];
  /** Every publishDiagnostics, in the order received (they are not in `notifications`). */
  publishedInOrder: PublishDiagnosticsParams[];
  /** `client/registerCapability` requests the server sent. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  /**
   * Sends a request with exactly these params on the wire (`undefined`: no params at all), which the typed
   * `sendRequest` cannot do: `[]`, `null`, a bare number.
   */
  requestRaw(method: string, params: unknown): Promise<unknown>;
  dispose(): void;
}

export interface HarnessOptions {
  /**
   * Who watches files: `client` (default; the client supports dynamic registration of file watchers, and tests send
   * workspace/didChangeWatchedFiles themselves) or `server` (a client that cannot watch, like Neovim 0.7).
   */
  readonly watch?: 'client' | 'server';
  readonly initializationOptions?: unknown;
  /** More workspace folders after `root`. */
  readonly moreFolders?: readonly string[];
  /** The client answers `client/registerCapability` only once this resolves (its watchers start late). */
  readonly registrationGate?: Promise<void>;
}

const RAW = '__rawParams';
const NO_PARAMS = '__none';

/** A writer that replaces the params of requests marked by `requestRaw` with the raw value. */
class RawParamsWriter extends StreamMessageWriter {
  override write(msg: Parameters<StreamMessageWriter['write']>[0]): Promise<void> {
    const params = (msg as { params?: unknown }).params as Record<string, unknown> | undefined;
    if (params && typeof params === 'object' && RAW in params) {
      const copy = { ...msg } as Record<string, unknown>;
      if (params[RAW] === NO_PARAMS) delete copy.params;
      else copy.params = params[RAW];
      return super.write(copy as unknown as typeof msg);
    }
    return super.write(msg);
  }
}

let cachedModel: ReturnType<typeof loadNerModel> | undefined;

export async function startLspHarness(root: string, settings?: unknown, fs: WorkspaceFileSystem = nodeFileSystem, options: HarnessOptions = {}): Promise<LspHarness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  cachedModel ??= loadNerModel();
  const model = cachedModel;
  startServer(serverConnection, { loadNerModel: () => model, fs, watchFolders, git: gitAnnotations });
  const client = createMessageConnection(new StreamMessageReader(toClient), new RawParamsWriter(toServer));
  const registrations: LspHarness['registrations'] = [];
  const published = new Map<string, Diagnostic[]>();
  const notifications: { method: string; params: unknown }[] = [];
  const publishedInOrder: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    publishedInOrder.push(p);
  });
  client.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
  });
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings ?? null));
  client.onRequest('client/registerCapability', async (p: { registrations: LspHarness['registrations'] }) => {
    registrations.push(...p.registrations);
    await options.registrationGate;
    return null;
  });
  client.onRequest('window/workDoneProgress/create', () => null);
  client.listen();
  const rootUri = pathToFileURL(root).href;
  await client.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }, ...(options.moreFolders ?? []).map((f, i) => ({ uri: pathToFileURL(f).href, name: `corpus${i + 2}` }))],
    capabilities: {
      workspace: {
        configuration: settings !== undefined,
        ...(options.watch === 'server' ? {} : { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } }),
      },
      window: { workDoneProgress: true },
    },
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  await client.sendNotification('initialized', {});
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  return {
    client,
    root,
    uri,
    notifications,
    publishedInOrder,
    registrations,
    requestRaw: (method, params) => client.sendRequest(method, { [RAW]: params === undefined ? NO_PARAMS : params }),
    async open(relative) {
      const u = uri(relative);
      const text = await nodeFs.readFile(path.join(root, relative), 'utf8');
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text } });
      return u;
    },
    diagnostics: (u) => published.get(u),
    indexed: async () => {
      await waitFor('the corpus indexed', () => notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    },
    waitForDiagnostics: (u, predicate = (d) => d.length > 0) =>
      waitFor(`diagnostics for ${u}`, () => {
        const d = published.get(u);
        return d && predicate(d) ? d : undefined;
      }),
    dispose() {
      client.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** A test's fresh copy of the seeds, and the server started on it (`lspWorkspaceEachTest`). */
export interface LspTestWorkspace {
  readonly root: string;
  /** Starts the server on `root` (at most once a test); it is disposed after the test. */
  start(settings?: unknown, fs?: WorkspaceFileSystem, options?: HarnessOptions): Promise<LspHarness>;
}

/** Mocha hooks for a `describe` whose tests each start a server on a fresh copy of the seeds, removed afterwards. */
export function lspWorkspaceEachTest(): LspTestWorkspace {
  let root: string | undefined;
  let lsp: LspHarness | undefined;
  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    if (root) await removeTempWorkspace(root);
    root = undefined;
  });
  return {
    get root() {
      if (!root) throw new Error('the workspace exists only during a test');
      return root;
    },
    async start(settings, fs = nodeFileSystem, options = {}) {
      lsp = await startLspHarness(this.root, settings, fs, options);
      return lsp;
    },
  };
}
