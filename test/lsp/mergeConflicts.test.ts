/**
 * Merge conflicts kept in a sidecar, resolved (issue 10): two analysts change one tag differently on two branches;
 * `git merge` with the merge driver keeps a `conflicts:` entry in the sidecar, shown as a diagnostic. Adjudicating the
 * passage resolves the entry; so do the quick fixes on the diagnostic (keep ours, theirs, both), through the server's
 * command; comments are kept and a sidecar that does not parse is never rewritten.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { parseSidecar, type Sidecar } from '../../server/src/core/index';
import { ServerCommands } from '../../server/src/protocol';
import { AgreementCommands, AgreementRequests, type AdjudicateResult, type ResolveConflictResult } from '../../server/src/protocolAgreement';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { BUNDLED_CLI, runProcess, gitIn, initAnalystRepo } from '../support/processes';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';

const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';
const QUOTE = 'highly valued the cooperation results';

describe('merge conflicts in a sidecar: resolved by adjudication or by a quick fix', function () {
  this.timeout(180000);
  let root: string;
  let lsp: LspHarness | undefined;

  const git = gitIn(() => root);
  const sidecarText = () => fs.readFile(path.join(root, SIDECAR), 'utf8');
  const sidecar = async (): Promise<Sidecar> => {
    const r = parseSidecar(await sidecarText(), ARTICLE);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.sidecar;
  };
  const relabel = async (label: string) => {
    const text = await sidecarText();
    assert.match(text, /tag: cooperation\n/);
    await fs.writeFile(path.join(root, SIDECAR), text.replace('tag: cooperation\n', `tag: ${label}\n`));
  };
  const isConflict = (d: Diagnostic) => d.code === 'merge-conflict';

  before(function () {
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
    const articleText = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    await initAnalystRepo(git);
    assert.equal((await runProcess(process.execPath, [BUNDLED_CLI, 'setup-git'], root)).code, 0);
    const start = articleText.indexOf(QUOTE);
    const tagged = await runProcess(process.execPath, [BUNDLED_CLI, 'tag', '--tag', 'cooperation', '--author', 'lead', '--file', ARTICLE, '--start', String(start), '--end', String(start + QUOTE.length)], root);
    assert.equal(tagged.code, 0, tagged.err);
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
    // The same tag changed differently on each branch.
    await git('checkout', '-q', '-b', 'analyst-a');
    await relabel('security-cooperation');
    await git('commit', '-q', '-am', 'a');
    await git('checkout', '-q', 'main');
    await git('checkout', '-q', '-b', 'analyst-b');
    await relabel('diplomacy');
    await git('commit', '-q', '-am', 'b');
    await git('checkout', '-q', 'main');
    await git('merge', '-q', '--no-edit', 'analyst-a');
    const merge = await runProcess('git', ['merge', '--no-edit', 'analyst-b'], root);
    assert.equal(merge.code, 0, merge.out + merge.err);
    const merged = await sidecar();
    assert.equal(merged.conflicts?.length, 1, 'the merge kept a conflict entry');
    assert.deepEqual(merged.tags.map((t) => t.tag), ['security-cooperation']);
    await fs.writeFile(path.join(root, SIDECAR), `# checked by the lead analyst\n${await sidecarText()}`);
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
  });

  it('adjudicating the passage writes the chosen side and resolves the conflict entry, keeping comments; Undo brings both back', async () => {
    lsp = await startLspHarness(root);
    const sidecarUri = lsp.uri(SIDECAR);
    await lsp.waitForDiagnostics(sidecarUri, (ds) => ds.some(isConflict));
    const merged = await sidecarText();
    const uri = lsp.uri(ARTICLE);
    const { items } = await lsp.client.sendRequest(AgreementRequests.disagreements, { uri, a: 'analyst-a', b: 'analyst-b' });
    assert.deepEqual(items.map((d) => [d.a.map((t) => t.tag).join(), d.b.map((t) => t.tag).join()]), [['security-cooperation', 'diplomacy']]);
    const r = (await lsp.client.sendRequest('workspace/executeCommand', {
      command: AgreementCommands.adjudicate,
      arguments: [{ uri, a: 'analyst-a', b: 'analyst-b', key: items[0].key, choice: 'b' }],
    })) as AdjudicateResult;
    assert.deepEqual([r.removed, r.added, r.item.state], [1, 1, 'b']);
    const after = await sidecar();
    assert.deepEqual(after.tags.map((t) => t.tag), ['diplomacy']);
    assert.equal(after.conflicts, undefined, 'the conflict entry is resolved');
    const text = await sidecarText();
    assert.ok(text.startsWith('# checked by the lead analyst\n'), 'comment kept');
    assert.doesNotMatch(text, /conflicts:/);
    await lsp.waitForDiagnostics(sidecarUri, (ds) => !ds.some(isConflict));

    // Undo Last Tag Operation takes the choice back, and the conflict entry it resolved.
    const undo = (await lsp.client.sendRequest('workspace/executeCommand', { command: ServerCommands.undoTag, arguments: [] })) as { undone: string };
    assert.match(undo.undone, /adjudication/);
    assert.equal(await sidecarText(), merged, 'the sidecar as the merge left it');
    await lsp.waitForDiagnostics(sidecarUri, (ds) => ds.some(isConflict));
  });

  it('offers Keep ours / theirs / both on the conflict diagnostic; Keep both keeps two tags and clears it; Undo takes the tags and the conflict entry back', async () => {
    lsp = await startLspHarness(root);
    const sidecarUri = lsp.uri(SIDECAR);
    const diagnostics = await lsp.waitForDiagnostics(sidecarUri, (ds) => ds.some(isConflict));
    const d = diagnostics.find(isConflict)!;
    const id = (await sidecar()).tags[0].id;
    const merged = await sidecarText();
    assert.deepEqual(d.data, { list: 'tags', key: id });
    const actions = (await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: sidecarUri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [`Keep ours (merge conflict on tag ${id})`, `Keep theirs (merge conflict on tag ${id})`, `Keep both (merge conflict on tag ${id})`]);
    const both = actions[2].command!;
    const r = (await lsp.client.sendRequest('workspace/executeCommand', { command: both.command, arguments: both.arguments })) as ResolveConflictResult;
    assert.deepEqual([r.removed, r.added], [0, 1]);
    const after = await sidecar();
    assert.deepEqual(after.tags.map((t) => t.tag).sort(), ['diplomacy', 'security-cooperation']);
    assert.equal(new Set(after.tags.map((t) => t.id)).size, 2, 'theirs gets an id of its own');
    assert.equal(after.conflicts, undefined);
    assert.ok((await sidecarText()).startsWith('# checked by the lead analyst\n'));
    await lsp.waitForDiagnostics(sidecarUri, (ds) => !ds.some(isConflict));

    // Resolving it again: it is gone.
    const again = await lsp.client.sendRequest('workspace/executeCommand', { command: both.command, arguments: both.arguments }).then(() => undefined, (e: Error) => e.message);
    assert.match(String(again), /no merge conflict on tag/);
    // Undo takes the added tag back and the conflict entry with it, as the merge left it.
    const undo = (await lsp.client.sendRequest('workspace/executeCommand', { command: ServerCommands.undoTag, arguments: [] })) as { undone: string };
    assert.match(undo.undone, /merge conflict/);
    assert.deepEqual((await sidecar()).tags.map((t) => t.tag), ['security-cooperation']);
    assert.equal(await sidecarText(), merged, 'the sidecar as it was before Keep both, conflict entry and comment');
    await lsp.waitForDiagnostics(sidecarUri, (ds) => ds.some(isConflict));
  });

  it('Keep theirs replaces the tag by their version', async () => {
    lsp = await startLspHarness(root);
    const id = (await sidecar()).tags[0].id;
    await lsp.waitForDiagnostics(lsp.uri(SIDECAR), (ds) => ds.some(isConflict));
    await lsp.client.sendRequest('workspace/executeCommand', { command: AgreementCommands.resolveConflict, arguments: [{ uri: lsp.uri(SIDECAR), key: id, choice: 'theirs' }] });
    const after = await sidecar();
    assert.deepEqual(after.tags.map((t) => [t.id, t.tag, t.quote]), [[id, 'diplomacy', QUOTE]]);
    assert.equal(after.conflicts, undefined);
  });

  it('the CLI adjudicates after the merge as the server does: the chosen side written, the conflict resolved', async () => {
    const list = await runProcess(process.execPath, [BUNDLED_CLI, 'adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', ARTICLE], root);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /#1 A: security-cooperation “highly valued the cooperation results” \(lead\) \| B: diplomacy “highly valued the cooperation results” \(lead\) \| now: a/);
    const r = await runProcess(process.execPath, [BUNDLED_CLI, 'adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', ARTICLE, '--choose', '1=b'], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /#1 kept B \(1 removed, 1 added\)/);
    const after = await sidecar();
    assert.deepEqual(after.tags.map((t) => t.tag), ['diplomacy']);
    assert.equal(after.conflicts, undefined);
    assert.ok((await sidecarText()).startsWith('# checked by the lead analyst\n'));
    const check = await runProcess(process.execPath, [BUNDLED_CLI, 'check'], root);
    assert.equal(check.code, 0, check.out + check.err);
  });

  it('never rewrites a sidecar that does not parse', async () => {
    const id = (await sidecar()).tags[0].id;
    const broken = `${await sidecarText()}\n  bad: [unclosed\n`;
    await fs.writeFile(path.join(root, SIDECAR), broken);
    lsp = await startLspHarness(root);
    const e = await lsp.client
      .sendRequest('workspace/executeCommand', { command: AgreementCommands.resolveConflict, arguments: [{ uri: lsp.uri(SIDECAR), key: id, choice: 'ours' }] })
      .then(() => undefined, (err: Error) => err.message);
    assert.match(String(e), /left untouched/);
    assert.equal(await sidecarText(), broken);
  });
});
