import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WorkDoneProgress } from 'vscode-languageserver';
import { LineIndex } from '../../server/src/core/index';
import { TimelineNotifications, TimelineRequests, type TimelineItem, type TimelineResult } from '../../server/src/protocolTimeline';
import { runCli } from '../support/cli';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const S000 = 'seeds/000_87a1712161fb5682.txt';
const S001 = 'seeds/001_1f87558668262b9a.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';

describe('corpus timeline over LSP', function () {
  let root: string;
  let lsp: LspHarness;

  beforeEach(async () => {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
  });
  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  const send = (params: object = {}): Promise<TimelineResult> => lsp.client.sendRequest(TimelineRequests.timeline, params);
  /** The timeline once the server has indexed the five seeds (a request sent before indexing starts sees fewer). */
  const request = async (params: object = {}) => {
    await waitFor('the corpus indexed', async () => (await send()).articles === 5);
    return send(params);
  };
  const find = (items: TimelineItem[], document: string, text: string) => {
    const i = items.findIndex((x) => x.document === document && x.text === text);
    assert.ok(i >= 0, `${text} of ${document} is on the timeline`);
    return i;
  };

  it('returns the whole corpus in time order, with ranges that point at the expressions', async () => {
    const { items, articles } = await request();
    assert.equal(articles, 5);
    assert.ok(items.length > 10);
    const groups = items.map((x) => x.group);
    assert.deepEqual([...groups].sort((a, b) => order(a) - order(b)), groups, 'dated, then unknown-year, then undated');
    const dated = items.filter((x) => x.group === 'dated');
    for (let i = 1; i < dated.length; i++) assert.ok(dated[i - 1].start! <= dated[i].start!, `${dated[i - 1].start} before ${dated[i].start}`);
    for (const x of items) {
      assert.ok(x.kind === 'DATE' || x.kind === 'TIME', `${x.text}: no durations or sets`);
      const text = await fs.readFile(path.join(root, x.document), 'utf8');
      const lines = new LineIndex(text);
      assert.equal(text.slice(lines.offsetAt(x.range.start), lines.offsetAt(x.range.end)), x.text);
      assert.ok(x.sentence.includes(x.text.replace(/\s+/g, ' ')) || x.sentence.includes('…'), `${x.text} is in its sentence`);
      assert.match(x.uri, /^file:/);
    }
  });

  it('places April 25 of seed 003 on 2025-04-25, after April 24–25 and before the 2026 article', async () => {
    const { items } = await request();
    const i = find(items, S003, 'April 25');
    const april25 = items[i];
    assert.equal(april25.value, '2025-04-25');
    assert.equal(april25.start, '2025-04-25');
    assert.equal(april25.group, 'dated');
    assert.equal(april25.documentDate, '2025-04-25');
    assert.match(april25.sentence, /Vilay Lakhamphong on April 25 highly valued/);
    assert.ok(april25.entities.some((e) => /Vilay Lakhamphong/.test(e.name)), 'the minister is named in the sentence');
    assert.ok(find(items, S003, 'April 24–25') < i, 'the two-day visit starts earlier');
    assert.ok(find(items, S000, '14/01/2026 11:29') > i, 'the 2026 article comes later');
    assert.ok(items.slice(0, i).every((x) => x.group === 'dated' && x.start! <= '2025-04-25'));
  });

  it('puts June 2 of seed 001 (no article date) in the unknown-year group', async () => {
    const { items } = await request();
    const june2 = items[find(items, S001, 'June 2')];
    assert.equal(june2.group, 'unknown-year');
    assert.equal(june2.start, 'XXXX-06-02');
    assert.equal(june2.documentDate, undefined);
  });

  it('reports work-done progress on the client’s token and shows tags over the sentence', async () => {
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const lines = new LineIndex(text);
    const at = text.indexOf('highly valued');
    await lsp.client.sendRequest('workspace/executeCommand', {
      command: 'corpusAnnotator.server.addTag',
      arguments: [{ uri, range: { start: lines.positionAt(at), end: lines.positionAt(at + 13) }, tag: 'praise' }],
    });
    const kinds: string[] = [];
    lsp.client.onProgress(WorkDoneProgress.type, 'timeline-1', (value) => {
      kinds.push(value.kind);
    });
    const { items } = await request({ workDoneToken: 'timeline-1' });
    assert.deepEqual(items[find(items, S003, 'April 25')].tags, ['praise']);
    await waitFor('progress begin and end', () => kinds[0] === 'begin' && kinds[kinds.length - 1] === 'end');
  });

  it('the CLI timeline marks the same dates inside boilerplate as the server’s', async () => {
    const { items } = await request();
    const server = items.filter((i) => i.inBoilerplate).map((i) => `${i.document}:${i.range.start.line + 1}: ${i.text}`).sort();
    assert.ok(server.includes('seeds/004_f85d18add8346542.txt:3: 4 November 2019'), server.join('\n'));
    const json = await runCli(['timeline', '--format', 'json', 'seeds/'], root);
    assert.equal(json.code, 0, json.err);
    const entries = (JSON.parse(json.out) as { entries: { path: string; line: number; text: string; inBoilerplate: boolean }[] }).entries;
    assert.deepEqual(entries.filter((e) => e.inBoilerplate).map((e) => `${e.path}:${e.line}: ${e.text}`).sort(), server);
    const text = await runCli(['timeline', 'seeds/004_f85d18add8346542.txt'], root);
    assert.match(text.out, /seeds\/004_f85d18add8346542\.txt:3:\d+: 4 November 2019 \[boilerplate\] — /);
    assert.match(text.out, /: Jun 30, 2021 — /, 'the article’s own date is not marked');
  });

  it('marks dates inside boilerplate, and lists a tagged passage whose sentence has no date with its article’s date', async () => {
    const { items } = await request();
    const caption = items[find(items, 'seeds/004_f85d18add8346542.txt', '4 November 2019')];
    assert.equal(caption.inBoilerplate, true, 'the photo caption repeated across the corpus is boilerplate');
    const april25 = items[find(items, S003, 'April 25')];
    assert.equal(april25.inBoilerplate, undefined);
    const stamp = items[find(items, S000, '14/01/2026 11:29')];
    assert.equal(stamp.isDocumentDate, true);
    assert.equal(stamp.inBoilerplate, undefined, 'the article’s own date is kept');

    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const lines = new LineIndex(text);
    const undated = text.split(/(?<=\.)\s+/).find((s) => s.length > 40 && !items.some((i) => i.document === S003 && s.includes(i.text)))!;
    assert.ok(undated, 'a sentence of seed 003 without a date');
    const at = text.indexOf(undated);
    const range = { start: lines.positionAt(at), end: lines.positionAt(at + undated.length) };
    for (const tag of ['no-date-here', 'praise']) {
      await lsp.client.sendRequest('workspace/executeCommand', { command: 'corpusAnnotator.server.addTag', arguments: [{ uri, range, tag }] });
    }
    const datedAt = text.indexOf('highly valued');
    await lsp.client.sendRequest('workspace/executeCommand', {
      command: 'corpusAnnotator.server.addTag',
      arguments: [{ uri, range: { start: lines.positionAt(datedAt), end: lines.positionAt(datedAt + 13) }, tag: 'praise' }],
    });
    const result = await send();
    assert.deepEqual(
      result.tagsWithoutDate?.map((t) => [t.document, t.tag, t.documentDate, t.range]),
      [[S003, 'no-date-here', '2025-04-25', range], [S003, 'praise', '2025-04-25', range]],
      'both tags of the undated sentence, none for the dated one',
    );
    assert.ok(result.tagsWithoutDate![0].text.startsWith(undated.replace(/\s+/g, ' ').slice(0, 40)), 'with the passage’s words');
    assert.deepEqual(result.items[find(result.items, S003, 'April 25')].tags, ['praise']);
  });

  it('tells clients the timeline changed: after indexing, after edits, after a tag', async () => {
    const changes = (since: number) => lsp.notifications.slice(since).filter((n) => n.method === TimelineNotifications.changed.method);
    await waitFor('timelineChanged once the corpus is indexed', () => changes(0).length > 0);
    assert.deepEqual(changes(0)[0].params, {});

    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    let seen = lsp.notifications.length;
    for (let version = 2; version <= 6; version++) {
      await lsp.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
    }
    await waitFor('timelineChanged after the edits', () => changes(seen).length > 0);

    seen = lsp.notifications.length;
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const at = `xxxxx${text}`.indexOf('highly valued');
    const lines = new LineIndex(`xxxxx${text}`);
    await lsp.client.sendRequest('workspace/executeCommand', {
      command: 'corpusAnnotator.server.addTag',
      arguments: [{ uri, range: { start: lines.positionAt(at), end: lines.positionAt(at + 13) }, tag: 'praise' }],
    });
    await waitFor('timelineChanged after the tag', () => changes(seen).length > 0);
  });
});

function order(group: string): number {
  return group === 'dated' ? 0 : group === 'unknown-year' ? 1 : 2;
}
