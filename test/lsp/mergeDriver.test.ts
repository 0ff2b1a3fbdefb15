/**
 * The merge driver on real git branches (issue 10): `setup-git` installs the bundled CLI as the driver of the analyst
 * YAML files; two analysts tag, edit and remove on two branches; `git merge` ends without a conflict and loses
 * nothing. Two different edits of one tag stay in the sidecar's `conflicts:` section, which `check` and the language
 * server report as a warning on the file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIgnoreList, parseRegistry, parseSidecar, serializeSidecar, type Sidecar, type Tag } from '../../server/src/core/index';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { BUNDLED_CLI, runProcess, type ProcessRun, gitIn, initAnalystRepo } from '../support/processes';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';

const CLI = BUNDLED_CLI;
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';

const run = runProcess;
type Run = ProcessRun;

describe('merge driver on real git branches', function () {
  this.timeout(180000);
  let root: string;
  let lsp: LspHarness | undefined;

  const git = gitIn(() => root);
  const cli = (...args: string[]): Promise<Run> => run(process.execPath, [CLI, ...args], root);
  const tagText = async (label: string, quote: string, author: string): Promise<void> => {
    const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    const r = await cli('tag', '--tag', label, '--author', author, '--file', ARTICLE, '--start', String(start), '--end', String(start + quote.length));
    assert.equal(r.code, 0, r.err);
  };
  const sidecar = async (): Promise<Sidecar> => {
    const r = parseSidecar(await fs.readFile(path.join(root, SIDECAR), 'utf8'), ARTICLE);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    return r.sidecar;
  };
  const editSidecar = async (edit: (tags: Tag[]) => Tag[]): Promise<void> => {
    const file = path.join(root, SIDECAR);
    const text = await fs.readFile(file, 'utf8');
    const s = await sidecar();
    await fs.writeFile(file, serializeSidecar({ ...s, tags: edit([...s.tags]) }, text));
  };
  const commit = async (message: string): Promise<void> => {
    await git('add', '--', 'annotations');
    await git('commit', '-q', '-m', message);
  };
  const mergeClean = async (branch: string): Promise<void> => {
    const r = await run('git', ['merge', '--no-edit', branch], root);
    assert.equal(r.code, 0, `git merge failed:\n${r.out}\n${r.err}`);
    assert.equal((await git('diff', '--name-only', '--diff-filter=U')).trim(), '', 'no unmerged paths');
    assert.equal((await git('status', '--porcelain', '--', 'annotations')).trim(), '', 'the merge is committed');
    const all = (await git('ls-files', 'annotations')).trim().split('\n');
    for (const f of all) assert.ok(!(await fs.readFile(path.join(root, f), 'utf8')).includes('<<<<<<<'), `${f} has conflict markers`);
  };

  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
    await initAnalystRepo(git);
    const setup = await cli('setup-git');
    assert.equal(setup.code, 0, setup.err);
    assert.equal((await fs.readFile(path.join(root, '.gitattributes'), 'utf8')).trim(), 'annotations/**/*.yaml merge=corpus-annotator');
    assert.equal((await git('config', '--get', 'merge.corpus-annotator.driver')).trim(), `node ${CLI} merge-driver %O %A %B %P`);
    assert.equal((await cli('setup-git')).out.split('\n')[0], '.gitattributes already has: annotations/**/*.yaml merge=corpus-annotator');
    await fs.writeFile(path.join(root, 'annotations/entities.yaml'), 'entities:\n  - id: lao-army\n    canonical: Lao People\'s Army\n    type: ORG\nnotEntities:\n  - Share it\n');
    await tagText('cooperation', 'highly valued the cooperation results', 'base');
    await tagText('drugs', 'drug prevention and control', 'base');
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
  });

  it('keeps additions made on both branches at the same time (sidecar, registry, ignore list)', async () => {
    await git('checkout', '-q', '-b', 'analyst-b');
    await tagText('crime', 'high-tech crime', 'b');
    await fs.writeFile(path.join(root, 'annotations/entities.yaml'), (await fs.readFile(path.join(root, 'annotations/entities.yaml'), 'utf8')).replace('entities:\n', 'entities:\n  - id: vientiane\n    canonical: Vientiane\n    type: LOCATION\n'));
    await fs.writeFile(path.join(root, 'annotations/ignored.yaml'), 'version: 1\neverywhere:\n  - text: Related news\n    kind: chrome\n    added: 2025-05-01T00:00:00.000Z\nhere: []\n');
    await commit('b: tags and names');
    await git('checkout', '-q', 'main');
    await tagText('training', 'training collaboration', 'a');
    await fs.writeFile(path.join(root, 'annotations/entities.yaml'), (await fs.readFile(path.join(root, 'annotations/entities.yaml'), 'utf8')).replace('  - Share it\n', '  - Share it\n  - Comments\n'));
    await fs.writeFile(path.join(root, 'annotations/ignored.yaml'), 'version: 1\neverywhere:\n  - text: Share it\n    kind: chrome\n    added: 2025-05-02T00:00:00.000Z\nhere: []\n');
    await commit('a: tags and names');

    await mergeClean('analyst-b');
    assert.deepEqual((await sidecar()).tags.map((t) => t.tag).sort(), ['cooperation', 'crime', 'drugs', 'training']);
    const reg = parseRegistry(await fs.readFile(path.join(root, 'annotations/entities.yaml'), 'utf8'));
    assert.ok(reg.ok);
    assert.deepEqual(reg.registry.entities.map((e) => e.id), ['lao-army', 'vientiane']);
    assert.deepEqual(reg.registry.notEntities, ['Comments', 'Share it']);
    const ign = parseIgnoreList(await fs.readFile(path.join(root, 'annotations/ignored.yaml'), 'utf8'));
    assert.ok(ign.ok);
    assert.deepEqual(ign.list.everywhere.map((e) => e.text), ['Related news', 'Share it']);
    assert.equal((await cli('check')).code, 0);
  });

  it('honours a removal on one branch and an edit on the other; an edited tag removed elsewhere is kept', async () => {
    const [coop, drugs] = (await sidecar()).tags;
    await git('checkout', '-q', '-b', 'analyst-b');
    await editSidecar((tags) => tags.filter((t) => t.id !== coop.id).map((t) => (t.id === drugs.id ? { ...t, note: 'MoU extended to 2027' } : t)));
    await commit('b: remove cooperation, note on drugs');
    await git('checkout', '-q', 'main');
    await editSidecar((tags) => tags.map((t) => (t.id === coop.id ? { ...t, note: 'security ministries' } : t)));
    await commit('a: note on cooperation');

    await mergeClean('analyst-b');
    const merged = await sidecar();
    // b removed `cooperation`, which a edited: kept (nothing lost), with a conflict entry saying so.
    assert.deepEqual(merged.tags.map((t) => [t.tag, t.note]), [['cooperation', 'security ministries'], ['drugs', 'MoU extended to 2027']]);
    assert.equal(merged.conflicts?.length, 1);
    assert.equal(merged.conflicts![0].key, coop.id);
    assert.equal(merged.conflicts![0].theirs, undefined);
  });

  it('removes a tag removed on one branch and left alone on the other', async () => {
    const [coop, drugs] = (await sidecar()).tags;
    await git('checkout', '-q', '-b', 'analyst-b');
    await editSidecar((tags) => tags.filter((t) => t.id !== coop.id));
    await commit('b: remove cooperation');
    await git('checkout', '-q', 'main');
    await editSidecar((tags) => tags.map((t) => (t.id === drugs.id ? { ...t, note: 'checked' } : t)));
    await commit('a: note on drugs');
    await mergeClean('analyst-b');
    const merged = await sidecar();
    assert.deepEqual(merged.tags.map((t) => [t.tag, t.note]), [['drugs', 'checked']]);
    assert.equal(merged.conflicts, undefined);
  });

  it('keeps the same passage tagged differently: new tags both kept, one tag changed two ways kept as a conflict the server shows', async () => {
    const [coop] = (await sidecar()).tags;
    await git('checkout', '-q', '-b', 'analyst-b');
    await tagText('defence-cooperation', 'memorandum of understanding', 'b');
    await editSidecar((tags) => tags.map((t) => (t.id === coop.id ? { ...t, tag: 'security-cooperation' } : t)));
    await commit('b: retag');
    await git('checkout', '-q', 'main');
    await tagText('agreements', 'memorandum of understanding', 'a');
    await editSidecar((tags) => tags.map((t) => (t.id === coop.id ? { ...t, tag: 'police-cooperation' } : t)));
    await commit('a: retag');

    await mergeClean('analyst-b');
    const merged = await sidecar();
    assert.deepEqual(merged.tags.map((t) => t.tag).sort(), ['agreements', 'defence-cooperation', 'drugs', 'police-cooperation']);
    assert.equal(merged.conflicts?.length, 1);
    assert.equal((merged.conflicts![0].ours as Tag).tag, 'police-cooperation');
    assert.equal((merged.conflicts![0].theirs as Tag).tag, 'security-cooperation');

    const check = await cli('check');
    assert.equal(check.code, 1);
    assert.match(check.out, new RegExp(`${SIDECAR}:\\d+: Merge conflict on tags ${coop.id}`));

    lsp = await startLspHarness(root);
    const uri = pathToFileURL(path.join(root, SIDECAR)).href;
    const diagnostics = await lsp.waitForDiagnostics(uri, (ds) => ds.length > 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 2, 'a warning: the file is read and its tags are shown');
    assert.equal(diagnostics[0].code, 'merge-conflict');
    assert.match(String(diagnostics[0].message), /^Tags: Merge conflict on tags/);
    const text = await fs.readFile(path.join(root, SIDECAR), 'utf8');
    assert.equal(text.split('\n')[diagnostics[0].range.start.line].trim(), '- list: tags');
  });

  it('leaves a file that does not parse to git as a conflict, untouched', async () => {
    await git('checkout', '-q', '-b', 'analyst-b');
    await fs.writeFile(path.join(root, SIDECAR), 'version: 1\ntags: [unclosed\n');
    await commit('b: breaks the sidecar');
    await git('checkout', '-q', 'main');
    await tagText('training', 'training collaboration', 'a');
    await commit('a: tag');
    const ours = await fs.readFile(path.join(root, SIDECAR), 'utf8');
    const r = await run('git', ['merge', '--no-edit', 'analyst-b'], root);
    assert.notEqual(r.code, 0);
    assert.equal((await git('diff', '--name-only', '--diff-filter=U')).trim(), SIDECAR);
    assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), ours, 'ours is left as it was');
  });
});
