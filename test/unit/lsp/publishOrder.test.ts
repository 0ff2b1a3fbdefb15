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

describe('publishing the diagnostics of open articles', () => {
  it("writes each article's diagnostics before the next article is analysed (the edited one's first)", async () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    for (const n of seeds) service.setDocument(fileOf(n), readFileSync(fileOf(n), 'utf8'));
    const docs = seeds.map((n, i) => TextDocument.create(pathToFileURL(fileOf(n)).href, 'plaintext', i + 1, readFileSync(fileOf(n), 'utf8')));
    // What happened, in order: an article analysed, or its diagnostics written. Like the LSP connection, the
    // connection here writes a message in a later turn of the event loop than the one it was sent in.
    const events: string[] = [];
    const analysing: CorpusService = {
      ...service,
      analyze(uri, options, token) {
        events.push(`analyse ${path.basename(uri)}`);
        return service.analyze(uri, options, token);
      },
    };
    const ctx = {
      connection: {
        sendDiagnostics: ({ uri }: { uri: string }) => void setImmediate(() => events.push(`write ${path.basename(new URL(uri).pathname)}`)),
        console: { error: (m: string) => assert.fail(m) },
      },
      documents: { all: () => [...docs] },
      workspace: { ready: Promise.resolve(), isInCorpus: () => true, uriOf: (f: string) => pathToFileURL(f).href, corpusOf: () => undefined },
      indexer: { indexingProgress: undefined, ready: Promise.resolve() },
      service: analysing,
      settingsOf: async () => DEFAULT_SETTINGS,
      analysisOptions: () => ({}),
      tags: { anchoredTags: () => [] },
    } as unknown as ServerContext;
    const validateSoon = createValidator(() => ctx);

    validateSoon(0, docs[1].uri);
    await waitFor('every article written', () => events.filter((e) => e.startsWith('write')).length === docs.length);
    const [a, b, c] = seeds;
    assert.deepEqual(events, [`analyse ${b}`, `write ${b}`, `analyse ${a}`, `write ${a}`, `analyse ${c}`, `write ${c}`]);
  });
});
