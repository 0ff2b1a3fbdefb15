/**
 * Agreement and adjudication through the language server (issue 10), on a real git repository: two analysts tag one
 * article on two branches, the branches are merged with the merge driver, then `corpusAnnotator/agreement` gives the
 * figures (checked against counts worked out by hand below) and the disagreements, and the `adjudicate` command keeps
 * one side, the other, both or neither in the article's sidecar (comments kept; a sidecar that does not parse left
 * untouched).
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseSidecar, type Sidecar } from '../../server/src/core/index';
import { ServerCommands } from '../../server/src/protocol';
import { AgreementCommands, AgreementRequests, type AdjudicateArgs, type AdjudicateResult, type DisagreementItem } from '../../server/src/protocolAgreement';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { BUNDLED_CLI, runProcess, gitIn, initAnalystRepo } from '../support/processes';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';

const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';

describe('agreement and adjudication over LSP, on two git branches', function () {
  this.timeout(180000);
  let root: string;
  let lsp: LspHarness | undefined;
  let articleText: string;

  const git = gitIn(() => root);
  const tag = async (label: string, quote: string, author: string): Promise<void> => {
    const start = articleText.indexOf(quote);
    assert.ok(start >= 0, quote);
    const r = await runProcess(process.execPath, [BUNDLED_CLI, 'tag', '--tag', label, '--author', author, '--file', ARTICLE, '--start', String(start), '--end', String(start + quote.length)], root);
    assert.equal(r.code, 0, r.err);
  };
  const sidecar = async (): Promise<Sidecar> => {
    const r = parseSidecar(await fs.readFile(path.join(root, SIDECAR), 'utf8'), ARTICLE);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.sidecar;
  };
  const adjudicate = (args: AdjudicateArgs) => lsp!.client.sendRequest('workspace/executeCommand', { command: AgreementCommands.adjudicate, arguments: [args] }) as Promise<AdjudicateResult>;
  const disagreements = async (): Promise<DisagreementItem[]> => (await lsp!.client.sendRequest(AgreementRequests.disagreements, { uri: lsp!.uri(ARTICLE), a: 'analyst-a', b: 'analyst-b' })).items;
  const labels = (s: Sidecar) => s.tags.map((t) => `${t.tag}:${t.quote}:${t.author}`).sort();

  before(function () {
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
    articleText = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    await initAnalystRepo(git);
    const setup = await runProcess(process.execPath, [BUNDLED_CLI, 'setup-git'], root);
    assert.equal(setup.code, 0, setup.err);
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
    // Analyst A: cooperation, drugs (the whole phrase), crime.
    await git('checkout', '-q', '-b', 'analyst-a');
    await tag('cooperation', 'highly valued the cooperation results', 'ana');
    await tag('drugs', 'drug prevention and control', 'ana');
    await tag('crime', 'high-tech crime', 'ana');
    await git('add', 'annotations');
    await git('commit', '-q', '-m', 'a');
    // Analyst B: the same cooperation passage, drugs on part of the phrase, training.
    await git('checkout', '-q', 'main');
    await git('checkout', '-q', '-b', 'analyst-b');
    await tag('cooperation', 'highly valued the cooperation results', 'bo');
    await tag('drugs', 'drug prevention', 'bo');
    await tag('training', 'training collaboration', 'bo');
    await git('add', 'annotations');
    await git('commit', '-q', '-m', 'b');
    // Both merged into main with the merge driver: no conflict, every tag kept.
    await git('checkout', '-q', 'main');
    await git('merge', '-q', '--no-edit', 'analyst-a');
    const merge = await runProcess('git', ['merge', '--no-edit', 'analyst-b'], root);
    assert.equal(merge.code, 0, merge.out + merge.err);
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
  });

  it('lists the branches, and gives the figures and the disagreements with progress', async () => {
    lsp = await startLspHarness(root);
    const sources = await lsp.client.sendRequest(AgreementRequests.sources, {});
    assert.deepEqual(sources.sources.filter((s) => s.kind === 'branch').map((s) => s.name).sort(), ['analyst-a', 'analyst-b', 'main']);
    assert.equal(sources.sources[0].name, 'main');
    assert.equal(sources.sources[0].current, true);

    const token = 'agreement-progress';
    const kinds: string[] = [];
    lsp.client.onProgress(WorkDoneProgress.type, token, (value) => void kinds.push(value.kind));
    const r = await lsp.client.sendRequest(AgreementRequests.agreement, { a: 'analyst-a', b: 'analyst-b', workDoneToken: token });
    assert.deepEqual([r.a.tags, r.b.tags, r.a.kind], [3, 3, 'git']);
    // By hand: cooperation agrees exactly; drugs only by overlap; crime only A; training only B.
    const byTag = new Map(r.spans.tags.map((t) => [t.tag, t]));
    assert.deepEqual([...byTag.keys()], ['cooperation', 'crime', 'drugs', 'training']);
    assert.deepEqual([byTag.get('cooperation')!.exact.f1, byTag.get('cooperation')!.overlap.f1], [1, 1]);
    assert.deepEqual([byTag.get('drugs')!.exact.f1, byTag.get('drugs')!.overlap.f1], [0, 1]);
    assert.deepEqual([byTag.get('crime')!.exact.precision, byTag.get('crime')!.exact.recall], [null, 0]);
    assert.deepEqual([byTag.get('training')!.exact.precision, byTag.get('training')!.exact.recall], [0, null]);
    // All tags: exact 1 of 3 on each side, overlap 2 of 3.
    assert.ok(Math.abs(r.spans.all.exact.f1! - 1 / 3) < 1e-9);
    assert.ok(Math.abs(r.spans.all.overlap.f1! - 2 / 3) < 1e-9);
    assert.ok(r.tokens.cohenKappa !== null && r.tokens.cohenKappa < 1 && r.tokens.gwetAC1 !== null);
    assert.deepEqual(r.unitizedAlpha.map((u) => u.tag), ['cooperation', 'crime', 'drugs', 'training']);
    assert.equal(r.unitizedAlpha[0].alpha, 1);
    // Three disagreements, in text order, each with a link target (the article and the passage).
    assert.deepEqual(
      r.disagreements.map((d) => [d.a.map((t) => t.tag).join(), d.b.map((t) => t.tag).join()]).sort(),
      [['', 'training'], ['crime', ''], ['drugs', 'drugs']],
    );
    const drugs = r.disagreements.find((d) => d.a[0]?.tag === 'drugs')!;
    assert.equal(drugs.uri, lsp.uri(ARTICLE));
    assert.equal(drugs.text, 'drug prevention and control');
    assert.equal(drugs.state, 'both', 'the merge holds both sides’ tags');
    assert.equal(drugs.a[0].author, 'ana');
    // Progress was reported on the client's token, begun and ended.
    await waitFor('progress begin and end', () => kinds[0] === 'begin' && kinds[kinds.length - 1] === 'end');

    // The same figures as the CLI's.
    const cli = await runProcess(process.execPath, [BUNDLED_CLI, 'agree', '--a', 'analyst-a', '--b', 'analyst-b', '--format', 'json'], root);
    const json = JSON.parse(cli.out) as { tokens: { cohenKappa: number } };
    assert.equal(json.tokens.cohenKappa, Math.round(r.tokens.cohenKappa! * 10000) / 10000);

    const bad = await lsp.client.sendRequest(AgreementRequests.agreement, { a: 'no-such-branch', b: 'analyst-b' }).then(() => undefined, (e: Error) => e.message);
    assert.match(String(bad), /'no-such-branch' is neither a folder nor a git ref/);
  });

  it('adjudicates: one side, the other, neither and both, written to the sidecar with its comments; Undo takes one back', async () => {
    await fs.writeFile(path.join(root, SIDECAR), `# reviewed by the lead analyst\n${await fs.readFile(path.join(root, SIDECAR), 'utf8')}`);
    lsp = await startLspHarness(root);
    const uri = lsp.uri(ARTICLE);
    const before = await disagreements();
    assert.equal(before.length, 3);
    const find = (items: DisagreementItem[], label: string) => items.find((d) => [...d.a, ...d.b].some((t) => t.tag === label))!;

    // drugs: keep A's whole phrase.
    const r1 = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: find(before, 'drugs').key, choice: 'a' });
    assert.deepEqual([r1.removed, r1.added, r1.item.state], [1, 0, 'a']);
    // crime (only A tagged it): neither.
    const r2 = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: find(before, 'crime').key, choice: 'neither' });
    assert.deepEqual([r2.removed, r2.added, r2.item.state], [1, 0, 'neither']);
    // training (only B): B's, which the merge holds already: nothing to write.
    const r3 = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: find(before, 'training').key, choice: 'b' });
    assert.deepEqual([r3.removed, r3.added, r3.item.state], [0, 0, 'b']);

    const text = await fs.readFile(path.join(root, SIDECAR), 'utf8');
    assert.ok(text.startsWith('# reviewed by the lead analyst\n'), 'the analyst’s comment is kept');
    assert.deepEqual(labels(await sidecar()), [
      'cooperation:highly valued the cooperation results:ana',
      'cooperation:highly valued the cooperation results:bo',
      'drugs:drug prevention and control:ana',
      'training:training collaboration:bo',
    ]);
    const after = await disagreements();
    assert.deepEqual(after.map((d) => d.state).sort(), ['a', 'b', 'neither']);

    // Undo takes back the last change that wrote (crime removed), then "both" puts A's and B's drugs tags back.
    const undo = (await lsp.client.sendRequest('workspace/executeCommand', { command: ServerCommands.undoTag, arguments: [] })) as { undone: string };
    assert.match(undo.undone, /adjudication \(neither\)/);
    assert.ok(labels(await sidecar()).includes('crime:high-tech crime:ana'));
    const r4 = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: find(after, 'drugs').key, choice: 'both' });
    assert.deepEqual([r4.removed, r4.added, r4.item.state], [0, 1, 'both']);
    assert.deepEqual((await sidecar()).tags.filter((t) => t.tag === 'drugs').map((t) => t.quote).sort(), ['drug prevention', 'drug prevention and control']);

    const stale = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: 'no-such-key', choice: 'a' }).then(() => undefined, (e: Error) => e.message);
    assert.match(String(stale), /no longer between analyst-a and analyst-b/);
  });

  it('never rewrites a sidecar that does not parse', async () => {
    const broken = 'version: 1\ntags: [unclosed\n';
    await fs.writeFile(path.join(root, SIDECAR), broken);
    lsp = await startLspHarness(root);
    const uri = lsp.uri(ARTICLE);
    const items = await disagreements();
    assert.equal(items.length, 3, 'the two branches are read from git');
    const e = await adjudicate({ uri, a: 'analyst-a', b: 'analyst-b', key: items[0].key, choice: 'a' }).then(() => undefined, (err: Error) => err.message);
    assert.ok(e, 'refused');
    assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);
  });
});
