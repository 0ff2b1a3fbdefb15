/**
 * Editors other than VS Code (Neovim 0.7 is the model): no workspace/configuration, no file watchers, params sent as
 * `[]` or not at all, no client-side commands, command results dropped. The server must still get its settings,
 * notice changes on disk, refuse bad params clearly, offer only actions the client can run, and say what they did.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { lspWorkspaceEachTest, type HarnessOptions, type LspHarness } from '../support/lspHarness';
import { waitFor } from '../support/workspace';
import { Requests, ServerCommands, type ListTagsResult, type TagItem } from '../../server/src/protocol';
import { BoilerplateCommands, BoilerplateRequests } from '../../server/src/protocolBoilerplate';
import { ClientEntityCommands, EntityRequests, RegistryCommands, type EntitiesResult, type RegistryEditResult } from '../../server/src/protocolEntities';
import { TimelineRequests, type TimelineOutline, type TimelineResult } from '../../server/src/protocolTimeline';
import { LineIndex } from '../../server/src/core/index';

const S000 = 'seeds/000_87a1712161fb5682.txt';
const S003 = 'seeds/003_0e5bd4099b662286.txt';
const INVALID_PARAMS = -32602;

const isDate = (d: Diagnostic) => String(d.code).startsWith('date.');
const isEntity = (d: Diagnostic) => String(d.code).startsWith('entity.');
const isBoilerplate = (d: Diagnostic) => String(d.code).startsWith('boilerplate.');
const indexedCount = (lsp: LspHarness) => lsp.notifications.filter((n) => n.method === 'corpusAnnotator/indexed').length;
const shown = (lsp: LspHarness) => lsp.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);

describe('other LSP editors (no configuration, no watchers, no client commands)', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  /** A client like Neovim 0.7: no workspace/configuration (settings undefined) and, by default, no file watching. */
  async function start(options: HarnessOptions = { watch: 'server' }): Promise<LspHarness> {
    const lsp = await w.start(undefined, undefined, options);
    await waitFor('indexing', () => indexedCount(lsp!) > 0);
    return lsp;
  }

  const write = async (relative: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(w.root, relative)), { recursive: true });
    await fs.writeFile(path.join(w.root, relative), text);
  };
  const timeline = (l: LspHarness) => l.client.sendRequest(TimelineRequests.timeline, {}) as Promise<TimelineResult>;

  describe('settings', () => {
    it('takes them from initializationOptions', async () => {
      const l = await start({ watch: 'server', initializationOptions: { settings: { corpusAnnotator: { dates: { severity: 'off' } }, 'corpusAnnotator.entities.severity': 'hint' } } });
      const uri = await l.open(S003);
      const d = await l.waitForDiagnostics(uri);
      assert.ok(!d.some(isDate), 'no date diagnostics');
      assert.ok(d.some(isEntity) && d.filter(isEntity).every((x) => x.severity === 4), 'entities as hints');
    });

    it('follows workspace/didChangeConfiguration, reopening only on a real change, with .vscode/settings.json on top', async () => {
      const l = await start();
      const uri = await l.open(S003);
      await l.waitForDiagnostics(uri, (d) => d.some(isDate));
      const before = indexedCount(l);

      await l.client.sendNotification('workspace/didChangeConfiguration', { settings: { corpusAnnotator: { dates: { severity: 'off' } } } });
      await l.waitForDiagnostics(uri, (d) => d.some(isEntity) && !d.some(isDate));
      await waitFor('the workspace reopened once', () => indexedCount(l) === before + 1);

      // The same settings again (Neovim repeats them) change nothing and reopen nothing.
      await l.client.sendNotification('workspace/didChangeConfiguration', { settings: { corpusAnnotator: { dates: { severity: 'off' } } } });
      // Neovim's empty Lua table is `[]`: no settings, so the defaults again.
      await l.client.sendNotification('workspace/didChangeConfiguration', { settings: [] });
      await l.waitForDiagnostics(uri, (d) => d.some(isDate));
      // The open article's diagnostics may come from it alone while the corpus is read again: its end is waited for.
      await waitFor('the workspace reopened for the second real change', () => indexedCount(l) >= before + 2);
      assert.equal(indexedCount(l), before + 2, 'one reopen per real change');

      // The folder's own settings file (what the CLI reads) applies on top, and is watched.
      await write('.vscode/settings.json', '{\n  // as VS Code writes it\n  "corpusAnnotator.entities.severity": "off",\n}\n');
      await l.waitForDiagnostics(uri, (d) => d.some(isDate) && !d.some(isEntity));
    });

    it('still asks clients that have workspace/configuration, and registers for its section', async () => {
      const settings: Record<string, unknown> = { dates: { severity: 'off' } };
      const lsp = await w.start(settings);
      const uri = await lsp.open(S003);
      await lsp.waitForDiagnostics(uri, (d) => d.some(isEntity) && !d.some(isDate));
      const config = lsp.registrations.find((r) => r.method === 'workspace/didChangeConfiguration');
      assert.deepEqual(config?.registerOptions, { section: 'corpusAnnotator' });
    });
  });

  describe('changes on disk', () => {
    it('asks a client that can watch to watch the corpus and the analyst files', async () => {
      const l = await start({ watch: 'client' });
      const reg = await waitFor('a watcher registration', () => l.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
      const watchers = (reg.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string }; kind: number }[] }).watchers;
      // The files, every change; the folders that appear or go (Create 1 | Delete 4), which VS Code reports alone when
      // it missed the files written into them (watchedFolders.test.ts).
      assert.deepEqual(
        watchers.map((w) => [w.globPattern.pattern, w.kind]),
        [['seeds/**/*.txt', 7], ['annotations/**/*.yaml', 7], ['{annotations,annotations/**}', 5], ['{seeds,seeds/**}', 5]],
      );
      assert.ok(watchers.every((w) => w.globPattern.baseUri === l.uri('')), 'relative to the folder');
    });

    it('watches the workspace itself when the client cannot, and picks up a git pull of many files', async () => {
      const l = await start();
      const seed = await fs.readFile(path.join(w.root, S003), 'utf8');
      assert.equal((await timeline(l)).articles, 5);

      // A pull: 30 new articles (some in a new folder), one changed, one deleted, a colleague's tag and registry.
      const quote = 'Vilay Lakhamphong';
      const at = seed.indexOf(quote);
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 30; i++) writes.push(write(i < 20 ? `seeds/pulled_${i}.txt` : `seeds/2026/pulled_${i}.txt`, `Pulled article ${i}\n\n${seed}`));
      writes.push(write(S000, 'VIENTIANE, May 2, 2025 (KPL) -- A short new text about Laos and Vietnam.\n'));
      writes.push(fs.rm(path.join(w.root, 'seeds/004_f85d18add8346542.txt')));
      writes.push(
        write(
          'annotations/seeds/003_0e5bd4099b662286.yaml',
          ['version: 1', `document: ${S003}`, 'tags:', '  - id: t-colleague', '    tag: leaders', `    quote: ${quote}`, `    start: ${at}`, `    end: ${at + quote.length}`, ''].join('\n'),
        ),
      );
      writes.push(write('annotations/entities.yaml', 'entities:\n  - canonical: Vilay Lakhamphong\n    type: PERSON\n'));
      await Promise.all(writes);

      await waitFor('every article of the pull', async () => (await timeline(l)).articles === 5 + 30 - 1, 30000);
      const tags = (await l.client.sendRequest('corpusAnnotator/listTags', {})) as ListTagsResult;
      assert.deepEqual(tags.tags.map((t: TagItem) => [t.tag, t.quote]), [['leaders', quote]]);
      assert.ok(l.notifications.some((n) => n.method === 'corpusAnnotator/tagsChanged'), 'clients told of the tags');
      const entities = (await l.client.sendRequest(EntityRequests.entities, { query: 'Vilay Lakhamphong', limit: 1 })) as EntitiesResult;
      assert.equal(entities.entities[0]?.inRegistry, true, 'the registry from disk is in use');
      const uri000 = await l.open(S000);
      await l.waitForDiagnostics(uri000, (d) => !d.some(isBoilerplate));

      // The new folder goes away again (a checkout): its articles with it.
      await fs.rm(path.join(w.root, 'seeds/2026'), { recursive: true });
      await waitFor('the removed folder’s articles gone', async () => (await timeline(l)).articles === 5 + 20 - 1, 30000);
    });
  });

  describe('params', () => {
    async function rejects(pending: Promise<unknown>, message: RegExp): Promise<void> {
      await assert.rejects(pending, (e: { code?: number; message?: string }) => {
        assert.equal(e.code, INVALID_PARAMS, `InvalidParams, got ${e.code}: ${e.message}`);
        assert.match(e.message ?? '', message);
        return true;
      });
    }

    it('reads no params, null and [] as {} on every custom request', async () => {
      const l = await start();
      for (const params of [undefined, null, [], {}]) {
        assert.ok(Array.isArray(((await l.requestRaw(TimelineRequests.timeline.method, params)) as TimelineResult).items), `timeline ${JSON.stringify(params)}`);
        assert.ok(Array.isArray(((await l.requestRaw(TimelineRequests.outline.method, params)) as TimelineOutline).buckets), `timelineOutline ${JSON.stringify(params)}`);
        await rejects(l.requestRaw(TimelineRequests.items.method, params), /`bucket` must be a non-empty string, got nothing/);
        assert.ok(Array.isArray(((await l.requestRaw('corpusAnnotator/listTags', params)) as ListTagsResult).tags));
        assert.ok(((await l.requestRaw(EntityRequests.entities.method, params)) as EntitiesResult).total > 0);
        assert.ok(Array.isArray(((await l.requestRaw(BoilerplateRequests.clusters.method, params)) as { clusters: unknown[] }).clusters));
        assert.ok(Array.isArray(((await l.requestRaw('corpusAnnotator/taxonomy', params)) as { tags: unknown[] }).tags));
        await rejects(l.requestRaw(EntityRequests.entityMentions.method, params), /`entityId` must be a non-empty string/);
      }
      // `[{…}]`, one object by position, is read as the object.
      const one = (await l.requestRaw(EntityRequests.entities.method, [{ type: 'LOCATION', limit: 1 }])) as EntitiesResult;
      assert.equal(one.entities.length, 1);
      assert.equal(one.entities[0].type, 'LOCATION');
    });

    it('answers bad params of every custom request with InvalidParams and a clear message', async () => {
      const l = await start();
      const cases: [string, unknown, RegExp][] = [
        [TimelineRequests.timeline.method, 5, /expected an object of arguments, got 5/],
        [TimelineRequests.timeline.method, [1, 2], /expected one object of parameters, got 2 positional/],
        [TimelineRequests.timeline.method, { workDoneToken: { a: 1 } }, /`workDoneToken` must be a string or a whole number/],
        [TimelineRequests.outline.method, { workDoneToken: 1.5 }, /`workDoneToken` must be a string or a whole number/],
        [TimelineRequests.items.method, { bucket: 2025 }, /`bucket` must be a non-empty string, got 2025/],
        [TimelineRequests.items.method, '2025-04', /expected an object of arguments/],
        ['corpusAnnotator/listTags', 'seeds', /expected an object of arguments/],
        ['corpusAnnotator/listTags', { uri: 5 }, /`uri` must be a string, got 5/],
        ['corpusAnnotator/listTags', { uri: 'untitled:Untitled-1' }, /`uri` must be the file: URI of an article/],
        [EntityRequests.entities.method, { type: 'PERSN' }, /`type` must be one of PERSON, ORG, LOCATION, MISC, got "PERSN"/],
        [EntityRequests.entities.method, { query: 7 }, /`query` must be a string/],
        [EntityRequests.entities.method, { offset: -1 }, /`offset` must be a whole number from 0/],
        [EntityRequests.entities.method, { limit: 'ten' }, /`limit` must be a whole number from 0/],
        [EntityRequests.entityMentions.method, { entityId: 7 }, /`entityId` must be a non-empty string, got 7/],
        [EntityRequests.entityMentions.method, { entityId: 'x', maxArticles: 0.5 }, /`maxArticles` must be a whole number from 1/],
        [BoilerplateRequests.clusters.method, true, /expected an object of arguments, got true/],
        ['corpusAnnotator/taxonomy', [{}, {}], /expected one object of parameters, got 2 positional/],
      ];
      for (const [method, params, message] of cases) await rejects(l.requestRaw(method, params), message);
    });

    it('checks the params of every request the protocol declares (new ones too)', async () => {
      const l = await start();
      const declared = [Requests, EntityRequests, BoilerplateRequests, TimelineRequests].flatMap((group) => Object.values(group).map((t) => t.method));
      assert.ok(declared.length >= 6, declared.join(', '));
      for (const method of declared) await rejects(l.requestRaw(method, ['a', 'b']), new RegExp(`^${method}: expected one object of parameters`));
    });

    it('answers bad arguments of every registry command with InvalidParams, and writes nothing', async () => {
      const l = await start();
      const run = (command: string, args: unknown[]) => l.client.sendRequest('workspace/executeCommand', { command, arguments: args });
      const cases: [string, unknown[], RegExp][] = [
        [RegistryCommands.addAlias, [], /`entityId` must be a non-empty string, got nothing/],
        [RegistryCommands.addAlias, [5], /expected an object of arguments, got 5/],
        [RegistryCommands.addAlias, [{ entityId: 'x', alias: ['Vilay'] }], /`alias` must be a non-empty string/],
        [RegistryCommands.addAlias, [{ entityId: 'no-such-entity', alias: 'Vilay' }], /no entity `no-such-entity`/],
        [RegistryCommands.markDifferent, [{ text: 'Vilay', type: 'PERSN' }], /`type` must be one of PERSON, ORG, LOCATION, MISC/],
        [RegistryCommands.markDifferent, [{ type: 'PERSON' }], /`text` must be a non-empty string/],
        [RegistryCommands.setType, [{ type: 'ORG' }], /give the entity as `entityId` or `text`/],
        [RegistryCommands.setType, [{ text: 'Vilay' }], /`type` must be one of .*got nothing/],
        [RegistryCommands.setType, [{ entityId: 3, type: 'ORG' }], /`entityId` must be a string, got 3/],
        [RegistryCommands.notEntity, [{ text: '  ' }], /`text` must be a non-empty string/],
        [RegistryCommands.notEntity, [null], /`text` must be a non-empty string, got nothing/],
        [RegistryCommands.rename, [{ entityId: 'x' }], /`name` must be a non-empty string/],
        [BoilerplateCommands.ignoreHere, [{ uri: l.uri(S000) }], /`range` must be a range/],
        [ServerCommands.removeTag, [{ uri: l.uri(S000), id: 4 }], /`id` must be a non-empty string/],
      ];
      for (const [command, args, message] of cases) await rejects(run(command, args), message);
      await assert.rejects(fs.stat(path.join(w.root, 'annotations/entities.yaml')), 'no registry written');
      await assert.rejects(fs.stat(path.join(w.root, 'annotations/ignored.yaml')), 'no ignore list written');
    });
  });

  describe('code actions and their results', () => {
    async function actionsAt(l: LspHarness, relative: string, needle: string, pick: (d: Diagnostic) => boolean): Promise<CodeAction[]> {
      const uri = await l.open(relative);
      const text = await fs.readFile(path.join(w.root, relative), 'utf8');
      const pos = new LineIndex(text).positionAt(text.indexOf(needle) + 1);
      const ds = await l.waitForDiagnostics(uri, (d) => d.some((x) => pick(x) && x.range.start.line === pos.line));
      const d = ds.find((x) => pick(x) && x.range.start.line === pos.line && x.range.start.character <= pos.character && pos.character <= x.range.end.character)!;
      assert.ok(d, `a diagnostic at ${needle}`);
      return (await l.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    }
    const execute = (l: LspHarness, a: CodeAction) => l.client.sendRequest('workspace/executeCommand', { command: a.command!.command, arguments: a.command!.arguments });
    const clientCommands = new Set<string>(['corpusAnnotator.tagRange', ...Object.values(ClientEntityCommands)]);

    it('offers server commands only, with correct articles, and says what they did with window/showMessage', async () => {
      const l = await start();
      const actions = await actionsAt(l, S003, 'Vilay Lakhamphong', isEntity);
      assert.ok(actions.length > 0);
      assert.ok(actions.every((a) => !clientCommands.has(a.command!.command)), 'no client-only command');
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Vilay Lakhamphong is an organisation, not a person'), titles.join('\n'));
      assert.ok(titles.includes('Vilay Lakhamphong is an other name, not a person'), titles.join('\n'));
      assert.ok(!titles.some((t) => /\ba [AEIOU]/.test(t) || /\ba Other\b/i.test(t)), titles.join('\n'));

      const toOrg = actions.find((a) => a.title.startsWith('Vilay Lakhamphong is an organisation'))!;
      const result = (await execute(l, toOrg)) as RegistryEditResult;
      assert.equal(result.message, 'Vilay Lakhamphong is now an organisation');
      await waitFor('the result shown', () => shown(l).includes('Corpus Annotator: Vilay Lakhamphong is now an organisation.'));

      // Boilerplate: no tag prompt here, so "Tag this passage…" becomes one action per tag in use.
      const lead = '(KPL) Over the past five years';
      assert.deepEqual((await actionsAt(l, S000, lead, isBoilerplate)).map((a) => a.title), ['Ignore this passage here', 'Ignore this passage everywhere']);
      const uri003 = l.uri(S003);
      await l.client.sendRequest('workspace/executeCommand', {
        command: ServerCommands.addTag,
        arguments: [{ uri: uri003, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, tag: 'cooperation' }],
      });
      const withTag = await actionsAt(l, S000, lead, isBoilerplate);
      const tagIt = withTag.find((a) => a.title === 'Tag this passage as “cooperation”');
      assert.ok(tagIt, withTag.map((a) => a.title).join('\n'));
      assert.equal(tagIt.command!.command, ServerCommands.addTag);
      await execute(l, tagIt);
      const listed = (await l.client.sendRequest('corpusAnnotator/listTags', { uri: l.uri(S000) })) as ListTagsResult;
      assert.deepEqual(listed.tags.map((t) => t.tag), ['cooperation']);
      await waitFor('the tag shown', () => shown(l).some((m) => /tag “cooperation” added to: \(KPL\) Over the past five years/.test(m)));
    });

    it('uses the client commands a client declares, and leaves showing results to a client that shows them', async () => {
      const l = await start({ initializationOptions: { clientCommands: [...clientCommands], showsCommandResults: true } });
      const actions = await actionsAt(l, S003, 'Vilay Lakhamphong', isEntity);
      const commands = actions.map((a) => a.command!.command);
      assert.ok(commands.includes(ClientEntityCommands.addAliasOf) && commands.includes(ClientEntityCommands.changeEntityType));
      assert.ok(commands.includes(ClientEntityCommands.registryEdit), 'registry edits through the client, which shows errors');
      const boiler = await actionsAt(l, S000, '(KPL) Over the past five years', isBoilerplate);
      assert.equal(boiler.at(-1)?.command?.command, 'corpusAnnotator.tagRange');
      const notEntity = actions.find((a) => a.command!.command === ClientEntityCommands.registryEdit)!;
      const inner = notEntity.command!.arguments![0] as { command: string; arguments: unknown[] };
      await l.client.sendRequest('workspace/executeCommand', { command: inner.command, arguments: inner.arguments });
      // A round trip after the command: the server's messages arrive in order, so any showMessage would be here by now.
      await l.client.sendRequest('corpusAnnotator/listTags', {});
      assert.deepEqual(shown(l), [], 'no window/showMessage for a client that shows results');
    });
  });
});
