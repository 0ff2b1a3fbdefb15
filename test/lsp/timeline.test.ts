import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WorkDoneProgress } from 'vscode-languageserver';
import { LineIndex } from '../../server/src/core/index';
import { TimelineNotifications, TimelineRequests, type TimelineChangedParams, type TimelineItem, type TimelineResult } from '../../server/src/protocolTimeline';
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

  const changes = (since: number) =>
    lsp.notifications.slice(since).filter((n) => n.method === TimelineNotifications.changed.method).map((n) => n.params as TimelineChangedParams);
  const outline = () => lsp.client.sendRequest(TimelineRequests.outline, {});
  const bucketItems = (bucket: string) => lsp.client.sendRequest(TimelineRequests.items, { bucket });

  it('gives the outline of buckets with their counts, and each bucket’s mentions as the whole timeline has them', async () => {
    const whole = await request();
    const { buckets, version, articles } = await outline();
    assert.equal(articles, 5);
    assert.equal(whole.version, version);
    assert.ok(buckets.some((b) => b.key === '2025-04') && buckets.some((b) => b.key === 'unknown-year'), JSON.stringify(buckets));
    assert.equal(buckets.reduce((n, b) => n + b.count, 0), whole.items.length, 'every mention in one bucket');
    const listed: TimelineItem[] = [];
    for (const b of buckets) {
      const { items } = await bucketItems(b.key);
      assert.equal(items.length, b.count, b.key);
      assert.deepEqual(items, whole.items.filter((i) => bucketOfItem(i) === b.key), `${b.key}: the whole timeline’s mentions, in its order`);
      listed.push(...items);
    }
    assert.equal(listed.length, whole.items.length);
    assert.deepEqual((await bucketItems('1850-01')).items, [], 'an empty bucket has no mentions');
  });

  it("names the entities of other articles' entries as the corpus does after an edit renamed one (the clustering kept up to date article by article)", async function () {
    this.timeout(90_000);
    const before = await request();
    const named = (items: TimelineItem[]) => items[find(items, S003, 'April 25')].entities.map((e) => e.name);
    assert.ok(named(before.items).includes('Vilay Lakhamphong'), named(before.items).join(', '));
    // Another article writes the minister's name another way, more often than the corpus wrote it: the entity's name
    // becomes that spelling, in seed 003's entries too.
    const uri = await lsp.open(S000);
    await lsp.waitForDiagnostics(uri);
    const said = Array.from({ length: 8 }, () => 'General Vilay Lakhamfong spoke.').join(' ');
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${said}\n\n` }],
    });
    let last: string[] = [];
    await waitFor(`seed 003's entry naming the minister as now written (last: ${last.join(', ')})`, async () => (last = named((await send()).items)).includes('Vilay Lakhamfong'), 60_000).catch((e) => {
      const log = lsp.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      throw new Error(`${(e as Error).message}; last seen: ${last.join(', ')}\n${log.join('\n')}`);
    });
    // Taken out again (the next pause updates the clustering by the articles it changed): the name it had.
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }],
    });
    await waitFor("seed 003's entry naming the minister as first written", async () => named((await send()).items).includes('Vilay Lakhamphong'), 60_000);
  });

  it('tells clients which buckets changed once they asked for the timeline: after edits, after a tag', async () => {
    const { version } = await (async () => {
      await request();
      return outline();
    })();
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    let seen = lsp.notifications.length;
    for (let v = 2; v <= 6; v++) {
      await lsp.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
    }
    const afterEdits = await waitFor('timelineChanged after the edits', () => changes(seen).find((c) => c.buckets?.includes('2025-04')));
    assert.ok(afterEdits.version! > version, 'a newer version');
    assert.ok(afterEdits.buckets!.every((b) => /^\d{4}(-\d{2})?$|^unknown-year$|^undated$/.test(b)), afterEdits.buckets!.join(', '));

    seen = lsp.notifications.length;
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const at = `xxxxx${text}`.indexOf('highly valued');
    const lines = new LineIndex(`xxxxx${text}`);
    await lsp.client.sendRequest('workspace/executeCommand', {
      command: 'corpusAnnotator.server.addTag',
      arguments: [{ uri, range: { start: lines.positionAt(at), end: lines.positionAt(at + 13) }, tag: 'praise' }],
    });
    await waitFor('timelineChanged after the tag', () => changes(seen).find((c) => c.buckets?.includes('2025-04')));
    const april = (await bucketItems('2025-04')).items;
    assert.deepEqual(april[find(april, S003, 'April 25')].tags, ['praise']);
  });

  it('sends nothing for an edit of an article without dates, and keeps its version', async () => {
    await request();
    await fs.writeFile(path.join(root, 'seeds/zz-no-dates.txt'), 'A note on the ministry of public security.\n\nIt says nothing of when.\n');
    const uri = await lsp.open('seeds/zz-no-dates.txt');
    await lsp.waitForDiagnostics(uri, () => true);
    const before = await outline(); // the opened article is read (a request brings the timeline up to date first)
    const seen = lsp.notifications.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Still, ' }],
    });
    const after = await outline(); // again: the edit has been read when this answers
    assert.equal(after.version, before.version, 'the same version');
    assert.deepEqual(after.buckets, before.buckets);
    assert.deepEqual(changes(seen), [], 'no timelineChanged');
    // An edit of a dated article after it: the one notification that follows names its buckets alone.
    const dated = await lsp.open(S003);
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: dated, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    await waitFor('timelineChanged after the dated article’s edit', () => changes(seen).length > 0);
    assert.equal(changes(seen).length, 1);
    assert.ok(changes(seen)[0].buckets?.includes('2025-04'), JSON.stringify(changes(seen)));
  });

  it('names an entity again on its mentions’ entries when the registry renames it, and says which buckets changed', async () => {
    const { items } = await request();
    const april25 = items[find(items, S003, 'April 25')];
    const vilay = april25.entities.find((e) => /Vilay Lakhamphong/.test(e.name));
    assert.ok(vilay, JSON.stringify(april25.entities));
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const position = new LineIndex(text).positionAt(text.indexOf('Lakhamphong') + 2);
    await outline(); // the opened article has been read again (a request brings the timeline up to date first)
    const seen = lsp.notifications.length;
    await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: 'Gen. Vilay Lakhamphong' });
    const change = await waitFor('timelineChanged after the rename', () => changes(seen).find((c) => c.buckets?.includes('2025-04')));
    assert.ok(change.buckets!.every((b) => b !== 'unknown-year'), `only buckets with his mentions: ${change.buckets!.join(', ')}`);
    const april = (await bucketItems('2025-04')).items;
    const renamed = april[find(april, S003, 'April 25')].entities.find((e) => e.id === vilay.id);
    assert.equal(renamed?.name, 'Gen. Vilay Lakhamphong');
  });

  it('marks the dates of a passage boilerplate in the other article too, once an edited article copies it, and unmarks them when the copy goes', async () => {
    const S000 = 'seeds/000_87a1712161fb5682.txt';
    const april25 = async () => {
      const { items } = await send();
      return items[find(items, S003, 'April 25')].inBoilerplate ?? false;
    };
    await request();
    assert.equal(await april25(), false);
    const lead = (await fs.readFile(path.join(root, S003), 'utf8')).split('\n')[0];
    const uri = await lsp.open(S000);
    await lsp.waitForDiagnostics(uri);
    const end = (await fs.readFile(path.join(root, S000), 'utf8')).split('\n').length;
    const at = { line: end, character: 0 };
    await lsp.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: `\n\n${lead}\n` }] });
    // Only seed 000 changed; seed 003's lead is now a passage of two articles (as a fresh build of both says).
    await waitFor('April 25 of seed 003 marked boilerplate', april25);
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: at, end: { line: end + 3, character: 0 } }, text: '' }],
    });
    await waitFor('April 25 of seed 003 no longer boilerplate', async () => !(await april25()));
  });

  it('after edits that add, move and remove dates, the timeline equals a fresh build of the same text', async () => {
    await request();
    const uri = await lsp.open(S003);
    await lsp.waitForDiagnostics(uri);
    const seen = lsp.notifications.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'On 3 March 2024 the ministers first met.\n\n' },
      ],
    });
    const edited = await waitFor('timelineChanged naming March 2024', () => changes(seen).find((c) => c.buckets?.includes('2024-03')));
    assert.ok(edited);
    const text = (await fs.readFile(path.join(root, S003), 'utf8')).replace(/^/, 'On 3 March 2024 the ministers first met.\n\n');
    const incremental = await send();
    assert.ok(incremental.items.some((i) => i.document === S003 && i.text === '3 March 2024' && i.start === '2024-03-03'));
    // The same text on disk, read by a new server from scratch.
    await fs.writeFile(path.join(root, S003), text);
    const fresh = await startLspHarness(root);
    try {
      await waitFor('the fresh server indexed', async () => (await fresh.client.sendRequest(TimelineRequests.timeline, {})).articles === 5);
      const rebuilt = await fresh.client.sendRequest(TimelineRequests.timeline, {});
      assert.deepEqual(incremental.items, rebuilt.items);
      assert.deepEqual(incremental.tagsWithoutDate, rebuilt.tagsWithoutDate);
    } finally {
      fresh.dispose();
    }
  });
});

/** The bucket a tree shows an item in (as the server's bucketOf). */
function bucketOfItem(i: TimelineItem): string {
  if (i.group === 'dated' && i.start) return i.end && i.end.slice(0, 7) === i.start.slice(0, 7) ? i.start.slice(0, 7) : i.start.slice(0, 4);
  return i.group;
}

function order(group: string): number {
  return group === 'dated' ? 0 : group === 'unknown-year' ? 1 : 2;
}
