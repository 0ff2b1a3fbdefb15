/**
 * The workspace boundary, over LSP with the real server: a temporary workspace whose files lead outside it
 * (an article linked to /dev/zero, FIFOs, an article linked to a file outside, a sidecar whose `document:` names a file
 * outside, a registry linked outside, a sidecar that is a folder, an `annotations` folder linked outside, an
 * `annotationsFolder` setting of `../…`). A file system that watches every path the server touches shows that nothing
 * outside the workspace is read or written, the folder outside is left byte-identical, and the server answers.
 * Also: articles over corpusAnnotator.maxDocumentSize stay out of the corpus, indexed or open in the editor.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Requests, ServerCommands, type TagItem } from '../../server/src/protocol';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SECRET = 'The secret outside the workspace: Vilay Lakhamphong met nobody.\n';

/**
 * Every path given to the file system, by operation, with its links resolved (where it really leads); realPath itself
 * only resolves links and is not counted.
 */
function watchingFileSystem(touched: Promise<{ op: string; file: string }>[]): WorkspaceFileSystem {
  const note = (op: string, file: string) => void touched.push(nodeFileSystem.realPath(file).then((real) => ({ op, file: real })));
  return {
    readText: (file, o) => (note('read', file), nodeFileSystem.readText(file, o)),
    realPath: (file) => nodeFileSystem.realPath(file),
    writeAtomic: (file, text) => (note('write', file), nodeFileSystem.writeAtomic(file, text)),
    remove: (file) => (note('remove', file), nodeFileSystem.remove(file)),
    stamp: (file) => (note('stamp', file), nodeFileSystem.stamp(file)),
    listFiles: (dir, enter) => (note('list', dir), nodeFileSystem.listFiles(dir, enter)),
    withLock: (file, work) => (note('lock', file), nodeFileSystem.withLock(file, work)),
    removeLeftovers: (dir) => (note('leftovers', dir), nodeFileSystem.removeLeftovers(dir)),
  };
}

/** Every file under `dir` with its size and modification time, to show nothing there changed. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const s = await fs.lstat(full);
      out.push(`${path.relative(dir, full)} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`);
      if (e.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}

const isInside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

describe('the workspace boundary', function () {
  this.timeout(60000);
  let root: string;
  let outside: string;
  let lsp: LspHarness | undefined;
  const touched: Promise<{ op: string; file: string }>[] = [];

  beforeEach(async () => {
    root = await fs.realpath(await makeTempWorkspace());
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-outside-'));
    touched.length = 0;
    await fs.writeFile(path.join(outside, 'secret.txt'), SECRET);
    await fs.mkdir(path.join(outside, 'annotations'));
    await fs.writeFile(path.join(outside, 'entities.yaml'), 'version: 1\nentities: []\n');
    execFileSync('mkfifo', [path.join(outside, 'pipe')]);
  });
  afterEach(async () => {
    lsp?.dispose();
    lsp = undefined;
    await removeTempWorkspace(root);
    await fs.rm(outside, { recursive: true, force: true });
  });

  const start = async (settings?: unknown) => {
    lsp = await startLspHarness(root, settings, watchingFileSystem(touched));
    await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'), 30000);
    return lsp;
  };
  const addTag = (l: LspHarness, relative: string, tag: string) =>
    l.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.addTag,
      arguments: [{ uri: l.uri(relative), range: { start: { line: 0, character: 2 }, end: { line: 0, character: 10 } }, tag }],
    }) as Promise<TagItem>;
  const outsideTouches = async () => (await Promise.all(touched)).filter((t) => !isInside(root, t.file));

  it('reads and writes nothing outside, whatever links, FIFOs and sidecars say, and keeps answering', async () => {
    // Articles that are no articles: a link to /dev/zero, a FIFO, a link to a FIFO outside, a link to a file outside.
    await fs.symlink('/dev/zero', path.join(root, 'seeds/zero.txt'));
    execFileSync('mkfifo', [path.join(root, 'seeds/fifo.txt')]);
    for (let i = 0; i < 4; i++) await fs.symlink(path.join(outside, 'pipe'), path.join(root, `seeds/pipe-${i}.txt`));
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'seeds/secret.txt'));
    // A sidecar (old-style place) naming a document outside, with a quote that occurs there.
    await fs.writeFile(
      path.join(root, 'annotations/secret.yaml'),
      'version: 1\ndocument: ../' + path.basename(outside) + '/secret.txt\ntags:\n  - id: t1\n    tag: leak\n    quote: Vilay Lakhamphong\n    start: 34\n    end: 51\n    created: 2026-01-01T00:00:00.000Z\n',
    );
    // The registry linked to a file outside; a sidecar that is a folder.
    await fs.symlink(path.join(outside, 'entities.yaml'), path.join(root, 'annotations/entities.yaml'));
    await fs.mkdir(path.join(root, 'annotations/seeds/000_87a1712161fb5682.yaml'), { recursive: true });
    const before = await snapshot(outside);

    const l = await start();
    const uri = await l.open(ARTICLE);
    await l.waitForDiagnostics(uri);
    const listed = await l.client.sendRequest(Requests.listTags, {});
    assert.ok(!listed.tags.some((t) => t.tag === 'leak'), 'the tags of a sidecar naming a file outside are not shown');
    const hover = await l.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 60 } });
    assert.ok(hover === null || typeof hover === 'object', 'hover answers');

    // Tagging works inside; refused on the article linked outside and on the registry linked outside.
    const tag = await addTag(l, ARTICLE, 'inside');
    assert.ok(tag.id);
    await assert.rejects(addTag(l, 'seeds/secret.txt', 'outside'));
    await assert.rejects(
      l.client.sendRequest('workspace/executeCommand', { command: ServerCommands.addTag, arguments: [{ uri: l.uri('seeds/000_87a1712161fb5682.txt'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, tag: 'x' }] }),
      'the sidecar that is a folder is not written',
    );

    assert.deepEqual(await outsideTouches(), [], 'no path outside the workspace was read, listed, locked or written');
    assert.deepEqual(await snapshot(outside), before, 'the folder outside is byte-identical');
    assert.equal(await fs.readFile(path.join(outside, 'entities.yaml'), 'utf8'), 'version: 1\nentities: []\n');
  });

  it('writes nothing through an annotations folder linked outside, or an annotationsFolder setting outside', async () => {
    await fs.rm(path.join(root, 'annotations'), { recursive: true });
    await fs.symlink(path.join(outside, 'annotations'), path.join(root, 'annotations'));
    const before = await snapshot(outside);
    let l = await start();
    await assert.rejects(addTag(l, ARTICLE, 'linked'), /outside the workspace folder/);
    assert.deepEqual(await snapshot(outside), before);
    l.dispose();

    lsp = l = await startLspHarness(root, { annotationsFolder: `../${path.basename(outside)}/annotations` }, watchingFileSystem(touched));
    await waitFor('indexing', () => l.notifications.some((n) => n.method === 'corpusAnnotator/indexed'), 30000);
    await assert.rejects(addTag(l, ARTICLE, 'setting'), /outside the workspace folder/);
    assert.deepEqual(await snapshot(outside), before);
    assert.deepEqual(await outsideTouches(), []);
  });

  it('leaves articles larger than maxDocumentSize out of the corpus the indexer builds', async () => {
    const big = 'seeds/002_69392594dcc70311.txt'; // 24,945 bytes
    const l = await start({ maxDocumentSize: 20000 });
    const symbols = (await l.client.sendRequest('workspace/symbol', { query: '' })) as { location: { uri: string } }[];
    assert.ok(symbols.length > 0, 'the other articles are indexed');
    assert.ok(!symbols.some((s) => s.location.uri === l.uri(big)), 'nothing of the large article');
    assert.ok(existsSync(path.join(root, big)));

    // Opened and edited in the editor, it is still shown as not analysed and stays out of the corpus.
    const notAnalysed = (d: { message: string | { value: string } }) => /Not analysed/.test(typeof d.message === 'string' ? d.message : d.message.value);
    await l.open(big);
    await l.waitForDiagnostics(l.uri(big), (d) => d.some((x) => notAnalysed(x)));
    await l.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: l.uri(big), version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Hanoi. ' }],
    });
    const diagnostics = await l.waitForDiagnostics(l.uri(big), (d) => d.some((x) => notAnalysed(x)));
    assert.ok(diagnostics.every((d) => notAnalysed(d)), 'no findings on it');
    const after = (await l.client.sendRequest('workspace/symbol', { query: '' })) as { location: { uri: string } }[];
    assert.ok(!after.some((s) => s.location.uri === l.uri(big)), 'still nothing of the large article once open and edited');
  });
});
