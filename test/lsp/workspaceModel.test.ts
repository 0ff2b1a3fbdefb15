/**
 * The server and the CLI on one workspace model: same findings on a workspace with subfolders, a registry and an
 * ignore list; and one sidecar read per tag command, however many refreshes the command sets off.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { parse } from 'yaml';
import { runCli } from '../support/cli';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { Requests, ServerCommands, type ListTagsResult } from '../../server/src/protocol';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { lspWorkspaceEachTest } from '../support/lspHarness';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { makeTempWorkspace, removeTempWorkspace, REPO_ROOT, waitFor } from '../support/workspace';

/** Moves the seeds into two subfolders, with two articles of the same name. */
async function spreadIntoFolders(root: string): Promise<string[]> {
  const names = (await fs.readdir(path.join(root, 'seeds'))).sort();
  const moved: string[] = [];
  for (const [i, name] of names.entries()) {
    const rel = `seeds/${i % 2 ? 'wire' : 'site'}/${name}`;
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.rename(path.join(root, 'seeds', name), path.join(root, rel));
    moved.push(rel);
  }
  // The same file name in both folders.
  await fs.copyFile(path.join(root, moved[0]), path.join(root, 'seeds/wire', path.basename(moved[0])));
  moved.push(`seeds/wire/${path.basename(moved[0])}`);
  return moved.sort();
}

const cli = runCli;

describe('one workspace model behind the server and the CLI', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  it('gives the same findings in the CLI as in the editor (subfolders, registry, ignores, settings)', async () => {
    const articles = await spreadIntoFolders(w.root);
    await fs.writeFile(
      path.join(w.root, 'annotations/entities.yaml'),
      '# the team registry\nentities:\n  - id: vilay\n    canonical: Vilay Lakhamphong\n    type: PERSON\n    aliases: [Lakhamfong]\nnotEntities:\n  - KPL\n',
    );
    await fs.writeFile(
      path.join(w.root, 'annotations/ignored.yaml'),
      'version: 1\neverywhere:\n  - text: Share it\n    kind: chrome\n    added: 2026-11-23T09:00:00.000Z\n',
    );
    await fs.mkdir(path.join(w.root, '.vscode'));
    await fs.writeFile(path.join(w.root, '.vscode/settings.json'), '{\n  // durations too\n  "corpusAnnotator.dates.showDurations": true,\n}\n');
    const settings = { dates: { showDurations: true } };

    const run = await cli(['analyze', '--format', 'json', 'seeds'], w.root);
    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out) as { documents: { path: string; entities: { start: number; end: number }[]; dates: { start: number; end: number }[]; boilerplate: { start: number; end: number }[] }[] };
    assert.deepEqual(json.documents.map((d) => d.path), articles);
    assert.ok(!json.documents.some((d) => d.entities.some((e) => /^KPL$/.test((e as unknown as { text: string }).text))), 'the registry is applied');

    const lsp = await w.start(settings);
    await lsp.indexed(); // the corpus-wide findings, as the CLI's
    for (const doc of json.documents) {
      const uri = await lsp.open(doc.path);
      const diagnostics: Diagnostic[] = await lsp.waitForDiagnostics(uri, () => true);
      const text = await fs.readFile(path.join(w.root, doc.path), 'utf8');
      const offsets = (d: Diagnostic) => {
        const lines = text.split('\n');
        const at = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        return `${at(d.range.start)}-${at(d.range.end)}`;
      };
      const kind = (d: Diagnostic) => (d.data as { kind?: string } | undefined)?.kind;
      const fromServer = (k: string): string[] => diagnostics.filter((d) => kind(d) === k).map(offsets).sort();
      const fromCli = (list: { start: number; end: number }[]) => list.map((f) => `${f.start}-${f.end}`).sort();
      assert.deepEqual(fromServer('entity'), fromCli(doc.entities), `entities of ${doc.path}`);
      assert.deepEqual(fromServer('date'), fromCli(doc.dates), `dates of ${doc.path}`);
      assert.deepEqual(fromServer('boilerplate'), fromCli(doc.boilerplate), `boilerplate of ${doc.path}`);
    }
  });

  it('runs as the bundled CLI (dist/cli.js) on a workspace with a settings file', async () => {
    await spreadIntoFolders(w.root);
    await fs.mkdir(path.join(w.root, '.vscode'));
    await fs.writeFile(path.join(w.root, '.vscode/settings.json'), '{ "corpusAnnotator.corpus": ["seeds/wire/**/*.txt"] }\n');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'analyze', '--format', 'json', 'seeds/wire'], { cwd: w.root });
    const json = JSON.parse(stdout) as { documents: { path: string }[] };
    assert.ok(json.documents.length >= 2);
    assert.ok(json.documents.every((d) => d.path.startsWith('seeds/wire/')));
  });

  it('reads the sidecar once per tag command, with no refresh storm', async () => {
    const reads: string[] = [];
    const counting: WorkspaceFileSystem = {
      ...nodeFileSystem,
      readText: (file) => {
        reads.push(file);
        return nodeFileSystem.readText(file);
      },
    };
    const lsp = await w.start(undefined, counting);
    await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const uri = await lsp.open('seeds/003_0e5bd4099b662286.txt');
    await lsp.waitForDiagnostics(uri);
    const annotations = path.join(w.root, 'annotations') + path.sep;
    const sidecarReads = () => reads.filter((f) => f.startsWith(annotations));
    reads.length = 0;
    lsp.notifications.length = 0;

    const item = await lsp.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.addTag,
      arguments: [{ uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } }, tag: 'cooperation', note: 'n' }],
    });
    assert.ok(item);
    const changed = await waitFor('tagsChanged', () => lsp!.notifications.find((n) => n.method === 'corpusAnnotator/tagsChanged'));
    assert.deepEqual(changed.params, { uris: [uri] });
    // What a client does next: the watcher reports the sidecar, and the tree lists the tags.
    const sidecar = path.join(w.root, 'annotations/seeds/003_0e5bd4099b662286.yaml');
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sidecar).href, type: 1 }] });
    const listed = (await lsp.client.sendRequest(Requests.listTags.method, {})) as ListTagsResult;
    assert.deepEqual(listed.tags.map((t) => t.tag), ['cooperation']);
    assert.deepEqual(sidecarReads(), [sidecar], 'one read of the sidecar, by the command itself');
    assert.equal(lsp.notifications.filter((n) => n.method === 'corpusAnnotator/tagsChanged').length, 1, 'one notification');
  });
  it('writes a registry correction into the registry of the folder the entity is mentioned in', async () => {
    const second = await makeTempWorkspace();
    try {
      // Folder two has its own corpus: one article with a name the first folder never mentions.
      for (const n of await fs.readdir(path.join(second, 'seeds'))) await fs.rm(path.join(second, 'seeds', n));
      await fs.writeFile(path.join(second, 'seeds/only-here.txt'), 'VIENTIANE — Colonel Bounthavy Sisouphanh met reporters on Monday.\n');
      const lsp = await w.start(undefined, nodeFileSystem, { moreFolders: [second] });
      await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
      const entities = (await lsp.client.sendRequest('corpusAnnotator/entities', { query: 'Bounthavy', limit: 5 })) as { entities: { id: string; canonical: string }[] };
      const target = entities.entities.find((e) => /Bounthavy/.test(e.canonical));
      assert.ok(target, 'the entity of folder two is listed');
      await lsp.client.sendRequest('workspace/executeCommand', { command: 'corpusAnnotator.server.registry.rename', arguments: [{ entityId: target.id, name: 'Col. Bounthavy Sisouphanh' }] });
      const written = parse(await fs.readFile(path.join(second, 'annotations/entities.yaml'), 'utf8'));
      assert.equal(written.entities[0].canonical, 'Col. Bounthavy Sisouphanh');
      await assert.rejects(fs.access(path.join(w.root, 'annotations/entities.yaml')), 'folder one’s registry untouched');
    } finally {
      await removeTempWorkspace(second);
    }
  });
});
