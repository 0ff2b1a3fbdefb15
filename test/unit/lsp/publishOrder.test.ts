import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCorpusService, NEVER_CANCELLED, type CorpusService } from '../../../server/src/core/index';
import type { ServerContext } from '../../../server/src/lsp/context';
import { EditsPrepared } from '../../../server/src/lsp/editsPrepared';
import { ANALYSE_AHEAD_MS, createValidator } from '../../../server/src/lsp/features/publishDiagnostics';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { DEFAULT_SETTINGS } from '../../../server/src/workspace/settings';
import { SEEDS_DIR, waitFor } from '../../support/workspace';

const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().slice(0, 3);
const fileOf = (name: string) => path.join(SEEDS_DIR, name);

const model = loadNerModel();
const [A, B, C] = seeds;

/**
 * A validator over the first seeds, all open, once the corpus is clustered, with a connection that writes a message in
 * a later turn of the event loop than the one it was sent in (as the LSP connection does). `events`: what happened, in
 * order (a pass began, an article analysed, its diagnostics written); `written`: the last diagnostics written per
 * article. `onStamp` is called when the validator reads the corpus's analysis stamp, after that is read.
 */
function openSeeds() {
  const service = createCorpusService({ nerModel: model });
  for (const n of seeds) service.setDocument(fileOf(n), readFileSync(fileOf(n), 'utf8'));
  service.entityClustering(NEVER_CANCELLED); // as once indexed: edits are seen through it
  const docs = seeds.map((n, i) => TextDocument.create(pathToFileURL(fileOf(n)).href, 'plaintext', i + 1, readFileSync(fileOf(n), 'utf8')));
  const events: string[] = [];
  const written = new Map<string, unknown>();
  /** The params each article's last diagnostics were sent with, and those the validator encoded ahead. */
  const sentParams = new Map<string, object>();
  const encoded = new Set<object>();
  const editsPrepared = new EditsPrepared();
  const hooks = { onStamp: () => {} };
  const observed: CorpusService = {
    ...service,
    analyze(uri, options, token) {
      events.push(`analyse ${path.basename(uri)}`);
      return service.analyze(uri, options, token);
    },
    analysisStamp() {
      const stamp = service.analysisStamp();
      hooks.onStamp();
      return stamp;
    },
  };
  const ctx = {
    connection: {
      sendDiagnostics: (params: { uri: string; diagnostics: unknown }) =>
        void setImmediate(() => {
          const name = path.basename(new URL(params.uri).pathname);
          events.push(`write ${name}`);
          written.set(name, params.diagnostics);
          sentParams.set(name, params);
        }),
      console: { error: (m: string) => assert.fail(m) },
    },
    documents: {
      all: () => {
        events.push('pass');
        return [...docs];
      },
      get: (uri: string) => docs.find((d) => d.uri === uri),
    },
    workspace: { ready: Promise.resolve(), isInCorpus: () => true, uriOf: (f: string) => pathToFileURL(f).href, corpusOf: () => undefined },
    indexer: { indexingProgress: undefined, ready: Promise.resolve() },
    service: observed,
    settingsOf: async () => DEFAULT_SETTINGS,
    analysisOptions: () => ({}),
    tags: { anchoredTags: () => [] },
    encodeAhead: (_method: string, params: object) => encoded.add(params),
    editsPrepared,
    validateSoon: (delayMs?: number, edited?: string) => validateSoon(delayMs, edited),
  } as unknown as ServerContext;
  const validateSoon = createValidator(() => ctx);
  /** Types a name into the second article (the editor's document and the core's copy), as documentSync does. */
  const type = () => {
    const doc = docs[1];
    TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'General Somsavath Inthavong said. ' }], 2);
    service.setDocument(fileOf(B), doc.getText());
  };
  /** The third article (changed on disk, say) copies the second's longest line: a repeated passage for both. */
  const another = () => {
    const copied = readFileSync(fileOf(B), 'utf8').split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    service.setDocument(fileOf(C), `${readFileSync(fileOf(C), 'utf8')}\n${copied}\n`);
  };
  return { service, docs, events, written, sentParams, encoded, hooks, type, another, editsPrepared, validateSoon };
}

const allWritten = (o: ReturnType<typeof openSeeds>) => waitFor('every article written', () => o.written.size === seeds.length);

describe('publishing the diagnostics of open articles', () => {
  it("writes each article's diagnostics before the next article is analysed (the edited one's first)", async () => {
    const o = openSeeds();
    o.validateSoon(0, o.docs[1].uri);
    await allWritten(o);
    assert.deepEqual(o.events, ['pass', `analyse ${B}`, `write ${B}`, `analyse ${A}`, `write ${A}`, `analyse ${C}`, `write ${C}`]);
  });

  it('writes the diagnostics of an article just opened once it is ready for edits (editsPrepared), the others meanwhile', async () => {
    const o = openSeeds();
    let ready!: () => void;
    o.editsPrepared.start(o.docs[1], () => new Promise<void>((r) => (ready = r)));
    o.validateSoon(0, o.docs[1].uri);
    await waitFor('the other articles written', () => o.written.size === seeds.length - 1);
    assert.ok(!o.written.has(B), 'not before it is ready');
    ready();
    await allWritten(o);
    // In a pass of its own once ready, where it comes first.
    const second = o.events.lastIndexOf('pass');
    assert.deepEqual(o.events.slice(second, second + 3), ['pass', `analyse ${B}`, `write ${B}`]);
    assert.equal(o.editsPrepared.of(o.docs[1]), undefined);
  });

  it('analyses the article being typed in and words its diagnostics once typing pauses, ahead of the end of the debounce; the same diagnostics', async () => {
    const typed = openSeeds();
    typed.type();
    typed.validateSoon(ANALYSE_AHEAD_MS + 150, typed.docs[1].uri);
    await allWritten(typed);
    // Analysed before the pass, and not again in it: what was worded ahead is sent.
    assert.deepEqual(typed.events, [`analyse ${B}`, 'pass', `write ${B}`, `analyse ${A}`, `write ${A}`, `analyse ${C}`, `write ${C}`]);
    // Sent as encoded ahead: the very params encoded while the debounce ran, and only those.
    assert.ok(typed.encoded.has(typed.sentParams.get(B)!), 'the typed article is sent what was encoded ahead');
    assert.equal(typed.encoded.size, 1);
    // Without the analysis ahead (no debounce to wait in), the same diagnostics.
    const fresh = openSeeds();
    fresh.type();
    fresh.validateSoon(0, fresh.docs[1].uri);
    await allWritten(fresh);
    assert.equal(fresh.events.indexOf(`analyse ${B}`), 1);
    assert.deepEqual(typed.written, fresh.written);
  });

  it('holds the pass for a keystroke that reached the server while it was busy: one pass, of the last version', async () => {
    // A socket pair: a message written to one end is read by the other in a poll phase of the event loop, and handled
    // in an immediate set then, as the LSP connection handles each message it has queued.
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    await new Promise<void>((r) => client.once('connect', r));
    const end = await accepted;
    try {
      const o = openSeeds();
      // The keystroke, when its message is handled: the document and the core's copy updated, then a pass asked for.
      end.on('data', () => setImmediate(() => {
        o.type();
        o.validateSoon(0, o.docs[1].uri);
      }));
      // Due with the pass's timer, just before it: the message arrives while the server is busy, then the timer fires.
      setTimeout(() => {
        client.write('keystroke');
        const until = Date.now() + 30;
        while (Date.now() < until); // busy: the message waits in the socket
      }, 0);
      o.validateSoon(0, o.docs[1].uri);
      await allWritten(o);
      assert.deepEqual(o.events.filter((e) => e === 'pass'), ['pass'], 'one pass');
      const fresh = openSeeds();
      fresh.type();
      fresh.validateSoon(0, fresh.docs[1].uri);
      await allWritten(fresh);
      assert.deepEqual(o.written.get(B), fresh.written.get(B), 'the typed version');
    } finally {
      client.destroy();
      end.destroy();
      server.close();
    }
  });

  it('words them again at the end of the debounce when the corpus changed after they were worded ahead', async () => {
    const typed = openSeeds();
    typed.type();
    // Changed just after the diagnostics were worded ahead (once the stamp they keep is read), by a host that asks
    // for no pass (the one waiting will do).
    typed.hooks.onStamp = () => {
      typed.hooks.onStamp = () => {};
      typed.another();
    };
    typed.validateSoon(ANALYSE_AHEAD_MS + 150, typed.docs[1].uri);
    await allWritten(typed);
    assert.deepEqual(typed.events, [`analyse ${B}`, 'pass', `analyse ${B}`, `write ${B}`, `analyse ${A}`, `write ${A}`, `analyse ${C}`, `write ${C}`]);
    // What was encoded ahead is not what is sent.
    assert.equal(typed.encoded.size, 1);
    assert.ok(!typed.encoded.has(typed.sentParams.get(B)!), 'the stale encoding is not sent');
    const fresh = openSeeds();
    fresh.type();
    fresh.another();
    fresh.validateSoon(0, fresh.docs[1].uri);
    await allWritten(fresh);
    assert.deepEqual(typed.written, fresh.written);
    // The other article's mention shows in the edited one's diagnostics (else this would test nothing).
    const unchanged = openSeeds();
    unchanged.type();
    unchanged.validateSoon(0, unchanged.docs[1].uri);
    await allWritten(unchanged);
    assert.notDeepEqual(typed.written.get(B), unchanged.written.get(B));
  });
});
