import * as assert from 'node:assert/strict';
import { main } from '../../../server/src/cli/main';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { timelineCsv, type JsonTimelineEntry } from '../../../server/src/cli/timelineOutput';
import { csvField } from '../../../server/src/core/text/csv';
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

/** A small RFC 4180 reader, to check what the writer produces. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('CLI corpus-annotator timeline', () => {
  it('parses the timeline command and its formats', () => {
    assert.deepEqual(parseArgs(['timeline', 'seeds']), { command: 'timeline', format: 'text', paths: ['seeds'] });
    assert.deepEqual(parseArgs(['timeline', '--format=csv', 'a.txt']), { command: 'timeline', format: 'csv', paths: ['a.txt'] });
    assert.deepEqual(parseArgs(['timeline', '--format', 'json', 'a.txt']), { command: 'timeline', format: 'json', paths: ['a.txt'] });
    assert.throws(() => parseArgs(['timeline', '--format', 'xml', 'a']), /--format must be json, csv or text/);
    assert.throws(() => parseArgs(['analyze', '--format', 'csv', 'a']), /--format must be json, jsonl or text/);
    assert.throws(() => parseArgs(['timeline']), UsageError);
  });

  it('prints {"version":1,"entries":[...]} in time order', async () => {
    const { code, out } = await run(['timeline', '--format', 'json', 'seeds/']);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.ok(json.entries.length > 10);
    for (const e of json.entries) {
      assert.deepEqual(Object.keys(e).slice(0, 10), ['value', 'kind', 'start', 'end', 'path', 'line', 'column', 'text', 'sentence', 'group']);
      assert.ok(['DATE', 'TIME'].includes(e.kind), `${e.text}: no durations`);
      assert.match(e.path, /^seeds\/\d{3}_[0-9a-f]+\.txt$/);
    }
    const dated = json.entries.filter((e: JsonTimelineEntry) => e.group === 'dated');
    for (let i = 1; i < dated.length; i++) assert.ok(dated[i - 1].start <= dated[i].start);
    const april25 = json.entries.find((e: JsonTimelineEntry) => e.text === 'April 25');
    assert.equal(april25.start, '2025-04-25');
    assert.equal(april25.line, 1);
    const june2 = json.entries.find((e: JsonTimelineEntry) => e.text === 'June 2');
    assert.equal(june2.group, 'unknown-year');
    assert.equal(june2.start, 'XXXX-06-02');
  });

  it('prints RFC 4180 CSV with a header row', async () => {
    const { code, out } = await run(['timeline', '--format', 'csv', 'seeds/004_f85d18add8346542.txt']);
    assert.equal(code, 0);
    assert.ok(out.endsWith('\r\n'));
    const rows = parseCsv(out);
    assert.deepEqual(rows[0], ['value', 'kind', 'start', 'end', 'path', 'line', 'column', 'text', 'sentence', 'group', 'inBoilerplate']);
    assert.ok(rows.length > 2);
    for (const r of rows.slice(1)) assert.equal(r.length, 11);
    const dateline = rows.find((r) => r[7] === 'Jun 30, 2021');
    assert.ok(dateline, 'a field with a comma survives quoting');
    assert.equal(dateline![0], '2021-06-30');
  });

  it('quotes commas, double quotes and line breaks', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(3), '3');
    const entry: JsonTimelineEntry = {
      value: '2025', kind: 'DATE', start: '2025-01-01', end: '2025-12-31', path: 'a,b.txt', line: 1, column: 2,
      text: '2025', sentence: 'He said "in 2025", then left.', group: 'dated', resolution: 'explicit year',
      documentDate: null, isDocumentDate: false, inBoilerplate: false, entities: [],
    };
    const rows = parseCsv(timelineCsv([entry]));
    assert.deepEqual(rows[1], ['2025', 'DATE', '2025-01-01', '2025-12-31', 'a,b.txt', '1', '2', '2025', 'He said "in 2025", then left.', 'dated', 'false']);
  });

  it('prints one mention a line as text', async () => {
    const { code, out } = await run(['timeline', 'seeds/003_0e5bd4099b662286.txt']);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    for (const l of lines) assert.match(l, /^(\S+)\s+seeds\/003_0e5bd4099b662286\.txt:\d+:\d+: .+ — /);
  });
});
