/**
 * Merge conflicts kept in the entity registry, the ignore list and the taxonomy, resolved from their diagnostic
 * (issue 10): two analysts change one entity, one ignored passage and one taxonomy entry differently on two real git
 * branches; `git merge` with the merge driver keeps a `conflicts:` entry in each file. The quick fixes on the
 * diagnostics keep ours, theirs or (an entity) both; comments are kept, a file that does not parse is never
 * rewritten; **Undo** (the entity-correction undo: Ctrl+Z in VS Code) puts the conflict entry back as it was.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { parseIgnoreList, parseRegistry, parseTaxonomy, type EntityRegistry, type IgnoreList, type Taxonomy } from '../../server/src/core/index';
import { AgreementCommands, type ResolveConflictResult } from '../../server/src/protocolAgreement';
import { RegistryCommands, type RegistryEditResult } from '../../server/src/protocolEntities';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { BUNDLED_CLI, runProcess, gitIn, initAnalystRepo } from '../support/processes';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';

const REGISTRY = 'annotations/entities.yaml';
const IGNORED = 'annotations/ignored.yaml';
const TAXONOMY = 'annotations/tags.yaml';

const BASE_REGISTRY = `# the team's registry: reviewed weekly
entities:
  - id: lao-army
    canonical: Lao People's Army
    type: ORG
    aliases: [LPA]
notEntities:
  - Share it
`;
const BASE_IGNORED = `# page furniture
version: 1
everywhere:
  - text: Related news
    kind: chrome
    added: 2025-05-01T00:00:00.000Z
here: []
`;
const BASE_TAXONOMY = `# our tags
version: 1
tags:
  - name: cooperation
    description: Two states working together
`;

describe('merge conflicts in the registry, the ignore list and the taxonomy: resolved by quick fixes, undone', function () {
  this.timeout(180000);
  let root: string;
  let lsp: LspHarness | undefined;

  const git = gitIn(() => root);
  const read = (rel: string) => fs.readFile(path.join(root, rel), 'utf8');
  const edit = async (rel: string, from: string, to: string) => {
    const text = await read(rel);
    assert.ok(text.includes(from), `${rel} has ${from}`);
    await fs.writeFile(path.join(root, rel), text.replace(from, to));
  };
  const registry = async (): Promise<EntityRegistry> => {
    const r = parseRegistry(await read(REGISTRY));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.registry;
  };
  const ignored = async (): Promise<IgnoreList> => {
    const r = parseIgnoreList(await read(IGNORED));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.list;
  };
  const taxonomy = async (): Promise<Taxonomy> => {
    const r = parseTaxonomy(await read(TAXONOMY));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.taxonomy;
  };
  const isConflict = (d: Diagnostic) => d.code === 'merge-conflict';
  const actionsOn = async (rel: string): Promise<{ d: Diagnostic; actions: CodeAction[] }> => {
    const uri = lsp!.uri(rel);
    const ds = await lsp!.waitForDiagnostics(uri, (x) => x.some(isConflict));
    const d = ds.find(isConflict)!;
    const actions = (await lsp!.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    return { d, actions };
  };
  const run = async (action: CodeAction): Promise<ResolveConflictResult> =>
    (await lsp!.client.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments })) as ResolveConflictResult;
  const undo = async (): Promise<RegistryEditResult> => (await lsp!.client.sendRequest('workspace/executeCommand', { command: RegistryCommands.undo, arguments: [] })) as RegistryEditResult;

  before(function () {
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
    await initAnalystRepo(git);
    assert.equal((await runProcess(process.execPath, [BUNDLED_CLI, 'setup-git'], root)).code, 0);
    await fs.writeFile(path.join(root, REGISTRY), BASE_REGISTRY);
    await fs.writeFile(path.join(root, IGNORED), BASE_IGNORED);
    await fs.writeFile(path.join(root, TAXONOMY), BASE_TAXONOMY);
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
    // Each analyst changes the same entity, ignored passage and taxonomy entry differently.
    await git('checkout', '-q', '-b', 'analyst-a');
    await edit(REGISTRY, 'aliases: [LPA]', 'aliases: [LPA, Lao Army]');
    await edit(IGNORED, '    kind: chrome\n', '    kind: chrome\n    note: links block\n');
    await edit(TAXONOMY, 'Two states working together', 'States working together on security');
    await git('commit', '-q', '-am', 'a');
    await git('checkout', '-q', 'main');
    await git('checkout', '-q', '-b', 'analyst-b');
    await edit(REGISTRY, 'aliases: [LPA]', 'aliases: [LPA, Lao PA]');
    await edit(IGNORED, '    kind: chrome\n', '    kind: chrome\n    note: sidebar\n');
    await edit(TAXONOMY, 'Two states working together', 'Joint work of two governments');
    await git('commit', '-q', '-am', 'b');
    await git('checkout', '-q', 'analyst-a');
    const merge = await runProcess('git', ['merge', '--no-edit', 'analyst-b'], root);
    assert.equal(merge.code, 0, merge.out + merge.err);
    assert.equal((await git('status', '--porcelain', '--', 'annotations')).trim(), '', 'the merge is committed');
    assert.deepEqual((await registry()).conflicts?.map((c) => [c.list, c.key]), [['entities', 'lao-army']]);
    assert.deepEqual((await ignored()).conflicts?.map((c) => c.list), ['everywhere']);
    assert.deepEqual((await taxonomy()).conflicts?.map((c) => [c.list, c.key]), [['tags', 'cooperation']]);
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
  });

  it('registry: Keep ours / theirs / both on the conflict; both keeps every name, comments kept; Undo brings the conflict entry back', async () => {
    lsp = await startLspHarness(root);
    const { d, actions } = await actionsOn(REGISTRY);
    assert.deepEqual(d.data, { list: 'entities', key: 'lao-army' });
    assert.deepEqual(actions.map((a) => a.title), [
      'Keep ours (merge conflict on entity lao-army)',
      'Keep theirs (merge conflict on entity lao-army)',
      'Keep both (merge conflict on entity lao-army)',
    ]);
    const before = await read(REGISTRY);
    const r = await run(actions[2]);
    assert.equal(r.undoable, true);
    assert.match(r.message, /Kept both versions of entity Lao People's Army/);
    const after = await registry();
    assert.deepEqual(after.entities[0].aliases.sort(), ['Lao Army', 'Lao PA', 'LPA'].sort());
    assert.equal(after.conflicts, undefined);
    const text = await read(REGISTRY);
    assert.ok(text.startsWith("# the team's registry: reviewed weekly\n"), 'comment kept');
    assert.doesNotMatch(text, /conflicts:/);
    await lsp.waitForDiagnostics(lsp.uri(REGISTRY), (ds) => !ds.some(isConflict));

    const back = await undo();
    assert.equal(back.changed, true);
    assert.match(back.message, /merge conflict on entity Lao People's Army is back/);
    assert.equal(await read(REGISTRY), before, 'the registry as the merge left it, conflict entry and all');
    await lsp.waitForDiagnostics(lsp.uri(REGISTRY), (ds) => ds.some(isConflict));

    // Theirs, this time.
    const again = await actionsOn(REGISTRY);
    await run(again.actions[1]);
    assert.deepEqual((await registry()).entities[0].aliases.sort(), ['Lao PA', 'LPA'].sort());
    assert.equal((await registry()).conflicts, undefined);
  });

  it('ignore list: Keep ours / theirs (no both); the chosen note is kept; Undo brings the conflict entry back', async () => {
    lsp = await startLspHarness(root);
    const { d, actions } = await actionsOn(IGNORED);
    assert.equal((d.data as { list: string }).list, 'everywhere');
    assert.deepEqual(actions.map((a) => a.title), ['Keep ours (merge conflict on ignored passage)', 'Keep theirs (merge conflict on ignored passage)']);
    const before = await read(IGNORED);
    await run(actions[1]);
    const after = await ignored();
    assert.deepEqual(after.everywhere.map((e) => [e.text, e.note]), [['Related news', 'sidebar']]);
    assert.equal(after.conflicts, undefined);
    assert.ok((await read(IGNORED)).startsWith('# page furniture\n'));
    await lsp.waitForDiagnostics(lsp.uri(IGNORED), (ds) => !ds.some(isConflict));

    await undo();
    assert.equal(await read(IGNORED), before);
    await lsp.waitForDiagnostics(lsp.uri(IGNORED), (ds) => ds.some(isConflict));
  });

  it('taxonomy: Keep theirs replaces the description; Undo brings the conflict entry back; a record changed since is left as it is', async () => {
    lsp = await startLspHarness(root);
    const { actions } = await actionsOn(TAXONOMY);
    assert.deepEqual(actions.map((a) => a.title), ['Keep ours (merge conflict on tag cooperation)', 'Keep theirs (merge conflict on tag cooperation)']);
    const before = await read(TAXONOMY);
    await run(actions[1]);
    assert.deepEqual((await taxonomy()).tags.map((t) => [t.name, t.description]), [['cooperation', 'Joint work of two governments']]);
    assert.equal((await taxonomy()).conflicts, undefined);
    assert.ok((await read(TAXONOMY)).startsWith('# our tags\n'));
    const undone = await undo();
    assert.equal(undone.changed, true);
    assert.equal(await read(TAXONOMY), before);

    // Resolved again, then the entry edited by hand before Undo: the edit stays, the conflict entry comes back.
    const again = await actionsOn(TAXONOMY);
    await run(again.actions[0]);
    await edit(TAXONOMY, 'States working together on security', 'Edited by hand');
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri(TAXONOMY), type: 2 }] });
    const late = await undo();
    assert.match(late.message, /changed since and was left as it is/);
    const now = await taxonomy();
    assert.deepEqual(now.tags.map((t) => t.description), ['Edited by hand']);
    assert.deepEqual(now.conflicts?.map((c) => c.key), ['cooperation']);
  });

  it('registry: a name marked as not an entity on one branch and given to an entity on the other; both answers, each undone', async () => {
    await git('checkout', '-q', 'main');
    await git('checkout', '-q', '-b', 'analyst-c');
    await edit(REGISTRY, '  - Share it\n', '  - Share it\n  - LPA\n');
    await edit(REGISTRY, 'aliases: [LPA]', 'aliases: []');
    await git('commit', '-q', '-am', 'c: LPA is not an entity');
    await git('checkout', '-q', 'main');
    await edit(REGISTRY, 'aliases: [LPA]', 'aliases: [LPA, Lao Army]');
    await git('commit', '-q', '-am', 'main: another name');
    // main keeps LPA as a name and adds one; c removed it and marked it as not an entity.
    const merge = await runProcess('git', ['merge', '--no-edit', 'analyst-c'], root);
    assert.equal(merge.code, 0, merge.out + merge.err);
    const merged = await read(REGISTRY);
    const conflicts = (await registry()).conflicts ?? [];
    assert.ok(conflicts.some((c) => c.list === 'notEntities' && c.key === 'LPA'), JSON.stringify(conflicts));

    lsp = await startLspHarness(root);
    const uri = lsp.uri(REGISTRY);
    const ds = await lsp.waitForDiagnostics(uri, (x) => x.some((d) => isConflict(d) && (d.data as { list: string }).list === 'notEntities'));
    const d = ds.find((x) => isConflict(x) && (x.data as { list: string }).list === 'notEntities')!;
    const actions = (await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Keep “LPA” as a name of Lao People\'s Army (merge conflict)', '“LPA” is not an entity (merge conflict)']);

    await run(actions[1]);
    let now = await registry();
    assert.ok(now.notEntities.includes('LPA'));
    assert.ok(!now.entities.some((e) => e.aliases.includes('LPA')));
    assert.ok(!now.conflicts?.some((c) => c.list === 'notEntities'));
    await undo();
    assert.equal(await read(REGISTRY), merged, 'Undo: the registry as the merge left it');

    await lsp.waitForDiagnostics(uri, (x) => x.some((y) => isConflict(y) && (y.data as { list: string }).list === 'notEntities'));
    await run(actions[0]);
    now = await registry();
    assert.ok(now.entities.some((e) => e.aliases.includes('LPA')));
    assert.ok(!now.notEntities.includes('LPA'));
    assert.ok(!now.conflicts?.some((c) => c.list === 'notEntities'));
    await undo();
    assert.equal(await read(REGISTRY), merged);
  });

  it('never rewrites a registry that does not parse', async () => {
    const broken = `${await read(REGISTRY)}\n  bad: [unclosed\n`;
    await fs.writeFile(path.join(root, REGISTRY), broken);
    lsp = await startLspHarness(root);
    const e = await lsp.client
      .sendRequest('workspace/executeCommand', { command: AgreementCommands.resolveConflict, arguments: [{ uri: lsp.uri(REGISTRY), list: 'entities', key: 'lao-army', choice: 'ours' }] })
      .then(() => undefined, (err: Error) => err.message);
    assert.match(String(e), /left untouched/);
    assert.equal(await read(REGISTRY), broken);
  });
});
