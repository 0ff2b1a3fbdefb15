import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCorpusService, type CorpusService } from '../../../server/src/core/index';
import type { ServerContext } from '../../../server/src/lsp/context';
import { createValidator } from '../../../server/src/lsp/features/publishDiagnostics';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { DEFAULT_SETTINGS } from '../../../server/src/workspace/settings';
import { SEEDS_DIR, waitFor } from '../../support/workspace';

const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().slice(0, 3);
const fileOf = (name: string) => path.join(SEEDS_DIR, name);

const model = loadNerModel();

/**
 * A validator over the first seeds, all open, with a connection that writes a message in a later turn of the event
 * loop than the one it was sent in (as the LSP connection does). `events`: what happened, in order (an article analysed,
 * its diagnostics written); `written`: the last diagnostics written per article.
 */
function openSeeds() {
  const service = createCorpusService({ nerModel: model });
  for (const n of seeds) service.setDocument(fileOf(n), readFileSync(fileOf(n), 'utf8'));
  const docs = seeds.map((n, i) => TextDocument.create(pathToFileURL(fileOf(n)).href, 'plaintext', i + 1, readFileSync(fileOf(n), 'utf8')));
  const events: string[] = [];
  const written = new Map<string, unknown>();
  const analysing: CorpusService = {
    ...service,
    analyze(uri, options, token) {
      events.push(`analyse ${path.basename(uri)}`);
      return service.analyze(uri, options, token);
    },
  };
  const ctx = {
    connection: {
      sendDiagnostics: ({ uri, diagnostics }: { uri: string; diagnostics: unknown }) =>
        void setImmediate(() => {
          const name = path.basename(new URL(uri).pathname);
          events.push(`write ${name}`);
          written.set(name, diagnostics);
        }),
      console: { error: (m: string) => assert.fail(m) },
    },
    documents: { all: () => [...docs], get: (uri: string) => docs.find((d) => d.uri === uri) },
    workspace: { ready: Promise.resolve(), isInCorpus: () => true, uriOf: (f: string) => pathToFileURL(f).href, corpusOf: () => undefined },
    indexer: { indexingProgress: undefined, ready: Promise.resolve() },
    service: analysing,
    settingsOf: async () => DEFAULT_SETTINGS,
    analysisOptions: () => ({}),
    tags: { anchoredTags: () => [] },
  } as unknown as ServerContext;
  return { service, docs, events, written, validateSoon: createValidator(() => ctx) };
}

describe('publishing the diagnostics of open articles', () => {
  it("writes each article's diagnostics before the next article is analysed (the edited one's first)", async () => {
    const { docs, events, validateSoon } = openSeeds();
    validateSoon(0, docs[1].uri);
    await waitFor('every article written', () => events.filter((e) => e.startsWith('write')).length === docs.length);
    const [a, b, c] = seeds;
    assert.deepEqual(events, [`analyse ${b}`, `write ${b}`, `analyse ${a}`, `write ${a}`, `analyse ${c}`, `write ${c}`]);
  });

  it('analyses the article being typed in once typing pauses, ahead of the end of the debounce, with the same diagnostics', async () => {
    const typed = openSeeds();
    const fresh = openSeeds();
    const edit = (o: ReturnType<typeof openSeeds>) => {
      const doc = o.docs[1];
      TextDocument.update(doc, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'General Somsavath Inthavong said. ' }], 2);
      o.service.setDocument(fileOf(seeds[1]), doc.getText());
    };
    edit(typed);
    edit(fresh);
    // A debounce longer than the test: the article is analysed ahead of it, and nothing is written until it ends.
    typed.validateSoon(600_000, typed.docs[1].uri);
    await waitFor('the edited article analysed ahead', () => typed.events.includes(`analyse ${seeds[1]}`));
    assert.deepEqual(typed.events, [`analyse ${seeds[1]}`]);
    typed.validateSoon(0); // the debounce ends
    await waitFor('every article written', () => typed.written.size === seeds.length);
    // Without the analysis ahead (no debounce to wait in), the same diagnostics.
    fresh.validateSoon(0, fresh.docs[1].uri);
    await waitFor('every article written', () => fresh.written.size === seeds.length);
    assert.deepEqual(typed.written, fresh.written);
  });
});
