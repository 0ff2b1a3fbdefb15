import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticTag, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver';
import { parse } from 'yaml';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';
import {
  BoilerplateCommands,
  BoilerplateNotifications,
  BoilerplateRequests,
  PLACES_LISTED,
  type BoilerplateClustersResult,
  type BoilerplatePlace,
} from '../../server/src/protocolBoilerplate';

const S000 = 'seeds/000_87a1712161fb5682.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';
/** An article of our own that reprints 000's lead, so the passage is in two articles. */
const REPRINT = 'seeds/005_reprint.txt';

const isBoilerplate = (d: Diagnostic) => String(d.code).startsWith('boilerplate.');
const startsWith = (prefix: string) => (d: Diagnostic, text: string) => lineText(text, d.range.start.line).startsWith(prefix);
const lineText = (text: string, line: number) => text.split('\n')[line].trim();
const LEAD = startsWith('(KPL) Over the past five years');

describe('boilerplate over LSP', function () {
  let root: string;
  let lsp: LspHarness;

  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  /** As the VS Code client does, the harness declares the client command behind "Tag this passage…". */
  async function start(extra?: boolean): Promise<void> {
    root = await makeTempWorkspace();
    if (extra) {
      const seed = await fs.readFile(path.join(root, S000), 'utf8');
      const lead = seed.split('\n').find((l) => l.startsWith('(KPL) Over the past five years'))!;
      await fs.writeFile(path.join(root, REPRINT), [
        'Laos reviews readiness of its border militia units',
        '',
        '15/02/2026 09:10',
        lead,
        '',
        'Officials from three northern provinces met in Oudomxay on Friday to review the training of village militia units and the supply of radios to remote posts along the border.',
        '',
        'The meeting agreed to hold joint drills before the rainy season and to report on progress to the provincial authorities by the end of the year.',
        '',
      ].join('\n'));
    }
    lsp = await startLspHarness(root, undefined, undefined, { initializationOptions: { clientCommands: ['corpusAnnotator.tagRange'] } });
  }

  const read = (relative: string) => fs.readFile(path.join(root, relative), 'utf8');
  const ignoredFile = () => path.join(root, 'annotations', 'ignored.yaml');

  async function codeActions(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return (await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
  }

  async function run(action: CodeAction): Promise<unknown> {
    return lsp.client.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
  }

  it('flags the repeated lead of seed 000 as a near-duplicate, faded, pointing at its first copy', async () => {
    await start();
    const uri = await lsp.open(S000);
    const text = await read(S000);
    const d = await lsp.waitForDiagnostics(uri, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text)));
    const lead = d.find((x) => isBoilerplate(x) && LEAD(x, text))!;
    assert.equal(lead.code, 'boilerplate.near-duplicate');
    assert.equal(lead.severity, 4, 'a hint by default');
    assert.ok(lead.tags?.includes(DiagnosticTag.Unnecessary));
    const related = lead.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, uri);
    assert.ok(lineText(text, related[0].location.range.start.line).startsWith('KPL Over the past five years'), 'the first copy');
    assert.ok(related[0].location.range.start.line < lead.range.start.line);

    const hover = (await lsp.client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: lead.range.start.line, character: 10 },
    })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /Boilerplate\*\* \(near-duplicate\)/);
    assert.match(md, /1 other copy — in seeds\/000\\?_87a1712161fb5682\.txt/);

    const clusters = (await lsp.client.sendRequest(BoilerplateRequests.clusters, {})) as BoilerplateClustersResult;
    const kpl = clusters.clusters.find((c) => c.text.startsWith('KPL Over the past five years'));
    assert.ok(kpl, 'the lead is a cluster');
    assert.equal(kpl.kind, 'near-duplicate');
    assert.equal(kpl.count, 2);
    assert.deepEqual(kpl.places.map((p) => [p.document, p.range.start.line]), [[S000, 3], [S000, 5]]);
  });

  it('on a page of 120 near-identical lines, lists 20 copies as related information and says the count is a lower bound', async () => {
    root = await makeTempWorkspace();
    const page = 'seeds/zz_templated.txt';
    const body = Array.from({ length: 120 }, (_, i) => `Later that day Mr. Name${i.toString(36)}x said the talks between the two ministries went well.`);
    await fs.writeFile(path.join(root, page), ['Ministry briefing: who met whom this week', '', ...body.flatMap((l) => [l, ''])].join('\n'));
    lsp = await startLspHarness(root);
    const uri = await lsp.open(page);
    const last = 2 + 2 * 119;
    const ds = await lsp.waitForDiagnostics(uri, (xs) => xs.some((x) => isBoilerplate(x) && x.range.start.line === last));
    const d = ds.find((x) => isBoilerplate(x) && x.range.start.line === last)!;
    assert.equal(d.code, 'boilerplate.near-duplicate');
    assert.equal(d.relatedInformation?.length, 20);
    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: last, character: 2 } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /nearly the same as line \d+ of this article/);
    assert.match(md, /at least \d+ other copies — in seeds\/zz\\?_templated\.txt/);
  });

  it('names five of the articles a passage is copied in, and counts the others', async () => {
    root = await makeTempWorkspace();
    const shared = 'The ministries of public security of Laos and Vietnam signed a memorandum on training cooperation, agreeing to exchange delegations and to share experience in fighting transnational crime.';
    for (let i = 0; i < 9; i++) {
      await fs.writeFile(path.join(root, `seeds/zz_wire_${i}.txt`), [`Wire copy ${i}: security cooperation story number ${i}`, '', `Reporter ${i} wrote this paragraph about the local angle of story number ${i}.`, '', shared, ''].join('\n'));
    }
    lsp = await startLspHarness(root);
    const uri = await lsp.open('seeds/zz_wire_0.txt');
    await lsp.waitForDiagnostics(uri, (xs) => xs.some((x) => isBoilerplate(x) && x.range.start.line === 4));
    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /also in 8 other articles/);
    assert.match(md, /8 other copies — in (seeds\/zz\\?_wire\\?_[1-8]\.txt, ){4}seeds\/zz\\?_wire\\?_[1-8]\.txt and 3 other articles/);
  });

  it('lists a passage copied into 25 articles with its first 20 places and its counts, and all 25 when asked by id', async () => {
    root = await makeTempWorkspace();
    const shared = 'The ministries of public security of Laos and Vietnam signed a memorandum on training cooperation, agreeing to exchange delegations and to share experience in fighting transnational crime.';
    for (let i = 0; i < 25; i++) {
      const n = String(i).padStart(2, '0');
      await fs.writeFile(path.join(root, `seeds/zz_copy_${n}.txt`), [`Wire copy ${n}: security cooperation story number ${n}`, '', `Reporter ${n} wrote this paragraph about the local angle of story number ${n}.`, '', shared, ''].join('\n'));
    }
    lsp = await startLspHarness(root);
    await lsp.indexed();
    const { clusters } = (await lsp.client.sendRequest(BoilerplateRequests.clusters, {})) as BoilerplateClustersResult;
    const c = clusters.find((x) => x.text.startsWith('The ministries of public security'));
    assert.ok(c, 'the passage is a cluster');
    assert.equal(c.kind, 'duplicate');
    assert.deepEqual([c.count, c.articles, c.places.length], [25, 25, PLACES_LISTED]);
    const all = (await lsp.client.sendRequest(BoilerplateRequests.clusterPlaces, { id: c.id })) as BoilerplatePlace[];
    assert.equal(all.length, 25);
    assert.deepEqual(all.slice(0, PLACES_LISTED), c.places);
    assert.deepEqual(all.at(-1)!.document, 'seeds/zz_copy_24.txt');
    assert.equal(all.at(-1)!.range.start.line, 4);
    assert.equal(await lsp.client.sendRequest(BoilerplateRequests.clusterPlaces, { id: 'passage:nowhere#0' }), null);
    // Listed again by a client that holds this listing: nothing changed, only the order is sent.
    const whole = (await lsp.client.sendRequest(BoilerplateRequests.clusters, {})) as BoilerplateClustersResult;
    const again = (await lsp.client.sendRequest(BoilerplateRequests.clusters, { since: whole.version })) as BoilerplateClustersResult;
    assert.equal(again.since, whole.version);
    assert.deepEqual([again.clusters, again.removed], [[], []]);
    assert.deepEqual(again.order, whole.clusters.map((x) => x.id));
    await assert.rejects(lsp.client.sendRequest(BoilerplateRequests.clusters.method, { since: 'x' }), /since/);
    await assert.rejects(lsp.client.sendRequest(BoilerplateRequests.clusterPlaces.method, {}), /id/);
  });

  it('offers ignore here, ignore everywhere and tag on boilerplate, and not on other diagnostics', async () => {
    await start();
    const uri = await lsp.open(S000);
    const text = await read(S000);
    const d = await lsp.waitForDiagnostics(uri, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text)));
    const actions = await codeActions(uri, d.find((x) => isBoilerplate(x) && LEAD(x, text))!);
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this passage here', 'Ignore this passage everywhere', 'Tag this passage…']);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(actions.map((a) => a.command?.command), [
      BoilerplateCommands.ignoreHere, BoilerplateCommands.ignoreEverywhere, 'corpusAnnotator.tagRange',
    ]);
    assert.equal((actions[0].command!.arguments![0] as { uri: string }).uri, uri);
    const entity = d.find((x) => String(x.code).startsWith('entity.'))!;
    const mine = new Set<string>([BoilerplateCommands.ignoreHere, BoilerplateCommands.ignoreEverywhere, 'corpusAnnotator.tagRange']);
    assert.ok(!(await codeActions(uri, entity)).some((a) => mine.has(a.command?.command ?? '')), 'no boilerplate actions on a name');
  });

  it('ignores a passage here (only in that article, surviving edits), then everywhere, in annotations/ignored.yaml', async () => {
    await start(true);
    const uri000 = await lsp.open(S000);
    const uri005 = await lsp.open(REPRINT);
    const text000 = await read(S000);
    const text005 = await read(REPRINT);
    const d000 = await lsp.waitForDiagnostics(uri000, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text000)));
    await lsp.waitForDiagnostics(uri005, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text005)));
    const lead000 = d000.find((x) => isBoilerplate(x) && LEAD(x, text000))!;
    const seen = lsp.notifications.length;

    const [here] = await codeActions(uri000, lead000);
    assert.equal(await run(here), true);
    await lsp.waitForDiagnostics(uri000, (ds) => !ds.some((x) => isBoilerplate(x) && LEAD(x, text000)));
    const yaml = parse(await fs.readFile(ignoredFile(), 'utf8'));
    assert.equal(yaml.version, 1);
    assert.deepEqual(yaml.everywhere, []);
    assert.equal(yaml.here.length, 1);
    assert.equal(yaml.here[0].document, S000);
    assert.ok(yaml.here[0].quote.startsWith('(KPL) Over the past five years'));
    assert.equal(yaml.here[0].start, text000.indexOf('(KPL) Over'));
    assert.ok(yaml.here[0].prefix.length > 0 && yaml.here[0].suffix.length > 0);
    assert.ok(lsp.diagnostics(uri005)!.some((x) => isBoilerplate(x) && LEAD(x, text005)), 'the reprint is still flagged');
    await waitFor('boilerplateChanged', () => lsp.notifications.slice(seen).some((n) => n.method === BoilerplateNotifications.changed.method));

    // The entry is anchored like a tag: text inserted above the passage does not bring the finding back.
    const edited = `Editor's note: republished.\n\n${text000}`;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri000, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Editor's note: republished.\n\n" }],
    });
    const after = await lsp.waitForDiagnostics(uri000, (ds) => ds.some((x) => isBoilerplate(x) && x.range.start.line === 4));
    assert.ok(!after.some((x) => isBoilerplate(x) && LEAD(x, edited)), 'still ignored after the edit');

    const lead005 = lsp.diagnostics(uri005)!.find((x) => isBoilerplate(x) && LEAD(x, text005))!;
    const [, everywhere] = await codeActions(uri005, lead005);
    assert.equal(await run(everywhere), true);
    await lsp.waitForDiagnostics(uri005, (ds) => !ds.some((x) => isBoilerplate(x) && LEAD(x, text005)));
    // Its other spelling in 000 ("KPL Over…", same words) is ignored too.
    await lsp.waitForDiagnostics(uri000, (ds) => !ds.some((x) => isBoilerplate(x) && startsWith('KPL Over the past')(x, edited)));
    const yaml2 = parse(await fs.readFile(ignoredFile(), 'utf8'));
    assert.equal(yaml2.everywhere.length, 1);
    assert.ok(yaml2.everywhere[0].text.startsWith('(KPL) Over the past five years'));
    assert.equal(yaml2.here.length, 1, 'the here entry is kept');
    assert.equal(await run(everywhere), false, 'ignoring twice changes nothing');

    const clusters = (await lsp.client.sendRequest(BoilerplateRequests.clusters, {})) as BoilerplateClustersResult;
    assert.ok(!clusters.clusters.some((c) => /Over the past five years/.test(c.text)), 'ignored clusters are not listed');
  });

  it('reports a malformed ignored.yaml and never overwrites it', async () => {
    await start();
    const uri = await lsp.open(S000);
    const text = await read(S000);
    const d = await lsp.waitForDiagnostics(uri, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text)));
    const broken = 'version: 1\neverywhere:\n  - text: [unclosed\n';
    await fs.writeFile(ignoredFile(), broken);
    const fileUri = pathToFileURL(ignoredFile()).href;
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const problems = await lsp.waitForDiagnostics(fileUri);
    assert.equal(problems[0].severity, 1);
    assert.match(String(problems[0].message), /Ignore list not applied/);

    const [here] = await codeActions(uri, d.find((x) => isBoilerplate(x) && LEAD(x, text))!);
    await assert.rejects(run(here), /left untouched/);
    assert.equal(await fs.readFile(ignoredFile(), 'utf8'), broken);
    const clusters = (await lsp.client.sendRequest(BoilerplateRequests.clusters, {})) as BoilerplateClustersResult;
    assert.equal(clusters.problems.length, 1);

    // Fixed on disk: the problem goes away.
    await fs.writeFile(ignoredFile(), 'version: 1\neverywhere: []\nhere: []\n');
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    await lsp.waitForDiagnostics(fileUri, (ds) => ds.length === 0);
  });

  it('applies an ignore list written by a colleague when it changes on disk', async () => {
    await start();
    const uri = await lsp.open(S003);
    const uri000 = await lsp.open(S000);
    const text = await read(S000);
    await lsp.waitForDiagnostics(uri000, (ds) => ds.some((x) => isBoilerplate(x) && LEAD(x, text)));
    await lsp.waitForDiagnostics(uri);
    await fs.writeFile(ignoredFile(), [
      'version: 1',
      'everywhere:',
      '  - text: "KPL over the past five years, the National Defense and Security Central Commission has focused on strengthening political foundations and ensuring national stability, particularly in remote, border, and strategically important areas"',
      '    kind: near-duplicate',
      '    note: agency lead, printed twice by the scraper',
      'here: []',
      '',
    ].join('\n'));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ignoredFile()).href, type: 1 }] });
    await lsp.waitForDiagnostics(uri000, (ds) => !ds.some((x) => isBoilerplate(x) && LEAD(x, text)));
    assert.ok(lsp.diagnostics(uri000)!.some((x) => String(x.code).startsWith('entity.')), 'other findings stay');
  });
});
