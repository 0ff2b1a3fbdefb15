/**
 * Fuzzed requests to a bundled server (`node dist/server.js --stdio`) on a temporary workspace: every request the
 * protocol declares, the standard LSP requests the server answers, and every server command, with random params (well
 * shaped with wrong values, or any JSON), plus didOpen/didChange with random text. Each must be answered (a result or
 * an error that is not InternalError, which a handler that threw gives) within a deadline, and the server must still
 * answer at the end. Reproducible: the same seed sends the same requests.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { Requests, ServerCommands } from '../../server/src/protocol';
import { BoilerplateCommands, BoilerplateRequests } from '../../server/src/protocolBoilerplate';
import { EntityRequests, RegistryCommands } from '../../server/src/protocolEntities';
import { TimelineRequests } from '../../server/src/protocolTimeline';
import { SERVER } from './killServer';

export interface FuzzReport {
  requests: number;
  notifications: number;
  answered: number;
  errors: number;
  /** InternalError replies (a handler threw), hangs (no reply within the deadline), a dead server: must be none. */
  failures: string[];
}

const DEADLINE_MS = 20_000;
const STANDARD = [
  'textDocument/hover', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/rename',
  'textDocument/prepareRename', 'textDocument/definition', 'workspace/symbol', 'textDocument/diagnostic', 'shutdownNot', 'unknown/method',
];
const methodsOf = (o: Record<string, unknown>): string[] => Object.values(o).map((r) => (typeof r === 'string' ? r : (r as { method: string }).method));

export async function fuzzRequests(root: string, count: number, seed = 1, batch = 16): Promise<FuzzReport> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.onError(() => undefined);
  conn.onRequest(() => null); // workspace/configuration, registerCapability, workDoneProgress/create …
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});

  const articles = ['seeds/000_87a1712161fb5682.txt', 'seeds/003_0e5bd4099b662286.txt', 'seeds/new.txt', 'annotations/entities.yaml', '../outside.txt'].map(
    (r) => pathToFileURL(path.join(root, r)).href,
  );
  const methods = [...methodsOf(Requests), ...methodsOf(BoilerplateRequests), ...methodsOf(EntityRequests), ...methodsOf(TimelineRequests), ...STANDARD];
  const commands = [...methodsOf(ServerCommands), ...methodsOf(BoilerplateCommands), ...methodsOf(RegistryCommands), 'no.such.command'];

  const num = fc.oneof(fc.nat({ max: 60 }), fc.integer(), fc.double(), fc.constantFrom(-1, 0.5, 1e300, Number.MAX_SAFE_INTEGER), fc.string({ maxLength: 3 }), fc.constant(null));
  const pos = fc.oneof(fc.record({ line: num, character: num }), fc.jsonValue({ maxDepth: 1 }));
  const range = fc.oneof(fc.record({ start: pos, end: pos }), fc.jsonValue({ maxDepth: 1 }));
  const uri = fc.oneof(fc.constantFrom(...articles), fc.string({ maxLength: 20 }), fc.constant(rootUri), fc.jsonValue({ maxDepth: 0 }));
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('Vilay Lakhamphong met Khamliang Outhakaysone on April 25, 2025.\n', ''));
  const shaped = fc.record(
    {
      uri, textDocument: fc.oneof(fc.record({ uri }), fc.jsonValue({ maxDepth: 1 })), position: pos, range, tag: fc.oneof(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })),
      id: fc.oneof(fc.string({ maxLength: 16 }), num), query: fc.oneof(fc.string({ maxLength: 10 }), num), newName: fc.oneof(text, num), kind: fc.oneof(fc.constantFrom('chrome', 'duplicate', 'near-duplicate', 'banner'), num),
      context: fc.jsonValue({ maxDepth: 2 }), offset: num, limit: num, type: fc.oneof(fc.constantFrom('PERSON', 'ORG', 'LOCATION', 'MISC', 'X'), num), note: fc.oneof(text, num),
    },
    { requiredKeys: [] },
  );
  const params = fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], 0, '') });
  const message = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...methods), params }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('command' as const), method: fc.constantFrom(...commands), params: fc.oneof(fc.array(params, { maxLength: 2 }), params) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), method: fc.constant(''), params: fc.record({ uri: fc.constantFrom(...articles), text }) }) },
  );
  const messages = fc.sample(message, { numRuns: count, seed });

  const report: FuzzReport = { requests: 0, notifications: 0, answered: 0, errors: 0, failures: [] };
  let version = 1;
  const send = async (m: (typeof messages)[number]): Promise<void> => {
    if (m.kind === 'open') {
      const p = m.params as { uri: string; text: string };
      report.notifications++;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: p.uri, languageId: 'plaintext', version: version++, text: p.text } });
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: p.uri, version: version++ }, contentChanges: [{ text: p.text + p.text }] });
      return;
    }
    report.requests++;
    const request =
      m.kind === 'command'
        ? conn.sendRequest('workspace/executeCommand', { command: m.method, ...(m.params === undefined ? {} : { arguments: Array.isArray(m.params) ? m.params : [m.params] }) })
        : m.params === undefined ? conn.sendRequest(m.method) : conn.sendRequest(m.method, m.params);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), DEADLINE_MS)));
    try {
      const r = await Promise.race([request.then(() => 'ok' as const), deadline]);
      if (r === 'hang') report.failures.push(`no answer in ${DEADLINE_MS} ms: ${m.kind} ${m.method} ${JSON.stringify(m.params)?.slice(0, 300)}`);
      else report.answered++;
    } catch (e) {
      report.answered++;
      report.errors++;
      const code = (e as { code?: number }).code;
      if (code === -32603) report.failures.push(`InternalError: ${m.kind} ${m.method} ${JSON.stringify(m.params)?.slice(0, 300)}: ${(e as Error).message.slice(0, 300)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  for (let i = 0; i < messages.length && report.failures.length < 20; i += batch) {
    await Promise.all(messages.slice(i, i + batch).map(send));
    if (child.exitCode !== null) {
      report.failures.push(`the server exited (${child.exitCode}) after ${i + batch} messages`);
      break;
    }
  }
  // Still alive and answering.
  try {
    await Promise.race([conn.sendRequest(Requests.listTags.method, {}), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), DEADLINE_MS))]);
  } catch (e) {
    report.failures.push(`the server does not answer at the end: ${(e as Error).message}`);
  }
  conn.dispose();
  child.kill('SIGKILL');
  await exited;
  return report;
}
