import * as assert from 'node:assert/strict';
import { main } from '../../../server/src/cli/main';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { REPO_ROOT } from '../../support/workspace';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    const code = await main(args, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  } finally {
    process.chdir(cwd);
  }
}

describe('CLI corpus-annotator', () => {
  it('parses arguments and rejects bad ones', () => {
    assert.deepEqual(parseArgs(['analyze', '--format', 'json', 'a.txt']), { command: 'analyze', format: 'json', paths: ['a.txt'] });
    assert.deepEqual(parseArgs(['analyze', '--format=text', 'x']), { command: 'analyze', format: 'text', paths: ['x'] });
    assert.throws(() => parseArgs(['analyze']), UsageError);
    assert.throws(() => parseArgs(['analyze', '--format', 'xml', 'a']), UsageError);
    assert.throws(() => parseArgs(['frobnicate']), UsageError);
  });

  it('prints the JSON shape for every article of a folder', async () => {
    const { code, out } = await run(['analyze', '--format', 'json', 'seeds/']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.equal(json.documents.length, 5);
    for (const doc of json.documents) {
      assert.match(doc.path, /^seeds\/\d{3}_[0-9a-f]+\.txt$/);
      for (const e of doc.entities) {
        assert.deepEqual(Object.keys(e), ['start', 'end', 'text', 'type', 'entityId', 'canonical']);
        assert.ok(['PERSON', 'ORG', 'LOCATION', 'MISC'].includes(e.type));
      }
      for (const d of doc.dates) assert.deepEqual(Object.keys(d), ['start', 'end', 'text', 'value', 'kind']);
      for (const b of doc.boilerplate) {
        assert.deepEqual(Object.keys(b), ['start', 'end', 'text', 'kind', 'copies']);
        for (const c of b.copies) assert.deepEqual(Object.keys(c), ['path', 'start', 'end']);
      }
    }
    const d003 = json.documents.find((d: { path: string }) => d.path.endsWith('003_0e5bd4099b662286.txt'));
    const vilay = d003.entities.find((e: { text: string }) => e.text === 'Vilay Lakhamphong');
    assert.ok(vilay, 'Vilay Lakhamphong found');
    assert.equal(vilay.type, 'PERSON');
    const d004 = json.documents.find((d: { path: string }) => d.path.endsWith('004_f85d18add8346542.txt'));
    const lakhamfong = d004.entities.find((e: { text: string }) => /Lakhamfong/.test(e.text));
    assert.equal(lakhamfong?.entityId, vilay.entityId, 'one entity across spellings and articles');
  });

  it('prints the next article only once the output has taken the last (a slow reader holds no backlog in memory)', async () => {
    const events: string[] = [];
    const cwd = process.cwd();
    process.chdir(REPO_ROOT);
    try {
      const drained = () => {
        events.push('wait');
        return new Promise<void>((resolve) => setTimeout(() => (events.push('drained'), resolve()), 5));
      };
      const code = await main(['analyze', '--format', 'jsonl', 'seeds/'], (s) => events.push(`out ${JSON.parse(s).path}`), () => undefined, drained);
      assert.equal(code, 0);
    } finally {
      process.chdir(cwd);
    }
    const printed = events.filter((e) => e.startsWith('out '));
    assert.equal(printed.length, 5);
    // Each article is followed by a wait that ends before the next is printed.
    assert.deepEqual(events, printed.flatMap((e) => [e, 'wait', 'drained']));
  });

  it('prints one JSON document a line with --format jsonl, the same findings as json', async () => {
    const jsonl = await run(['analyze', '--format', 'jsonl', 'seeds/']);
    assert.equal(jsonl.code, 0);
    const lines = jsonl.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 5);
    const json = JSON.parse((await run(['analyze', '--format', 'json', 'seeds/'])).out);
    assert.deepEqual(lines.map(({ version, ...doc }) => (assert.equal(version, 1), doc)), json.documents);
  });

  it('prints one finding a line as path:line:col: kind: message', async () => {
    const { code, out } = await run(['analyze', 'seeds/003_0e5bd4099b662286.txt']);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    assert.ok(lines.length > 5);
    for (const l of lines) assert.match(l, /^seeds\/003_0e5bd4099b662286\.txt:\d+:\d+: (entity|date|boilerplate): /);
  });

  it('exits 2 with a clear message on bad arguments or unreadable input', async () => {
    const bad = await run(['analyze', '--format', 'xml', 'seeds']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be json, jsonl or text/);
    const missing = await run(['analyze', 'no/such/file.txt']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read 'no\/such\/file.txt': no such file or folder/);
  });
});
