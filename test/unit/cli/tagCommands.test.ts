/**
 * `corpus-annotator tag`, `tags`, `export` and `import`, run in-process (`main()`) on temporary workspaces, from
 * another current folder so that PATHs are seen to be relative to the workspace.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTag, parseSidecar, serializeSidecar, type Sidecar, type Tag } from '../../../server/src/core/index';
import { fromCodePoints, SIDECAR_PROPERTY } from '../../../server/src/core/annotations/webAnnotation';
import { runCli } from '../../support/cli';
import { ARTICLE_NAME, editedArticle } from '../../support/tagFixtures';
import { collectionProblems } from '../../support/webAnnotationModel';
import { makeTempWorkspace, removeTempWorkspace } from '../../support/workspace';

const ARTICLE = `seeds/${ARTICLE_NAME}`;
const SIDECAR = `annotations/seeds/${ARTICLE_NAME.replace('.txt', '.yaml')}`;
const OTHER = 'seeds/004_f85d18add8346542.txt';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function readSidecar(root: string, rel = SIDECAR): Promise<Sidecar> {
  const parsed = parseSidecar(await fs.readFile(path.join(root, rel), 'utf8'), '');
  assert.ok(parsed.ok, 'the sidecar parses');
  return parsed.sidecar;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** A workspace whose article 003 was edited after tagging: one tag anchored, one moved, one fuzzy, one orphaned. */
async function editedWorkspace(root: string): Promise<ReturnType<typeof editedArticle>> {
  const fixture = editedArticle();
  await fs.writeFile(path.join(root, ARTICLE), fixture.edited);
  await fs.mkdir(path.dirname(path.join(root, SIDECAR)), { recursive: true });
  await fs.writeFile(path.join(root, SIDECAR), serializeSidecar({ version: 1, document: ARTICLE, tags: Object.values(fixture.tags) }));
  return fixture;
}

describe('CLI tag, tags, export and import on a workspace', function () {
  this.timeout(30000);
  let root: string;
  let cwd: string;
  /** A command on the workspace, run from the folder that holds it. */
  const cli = (command: string, ...args: string[]) => runCli([command, '--workspace', root, ...args], cwd);

  beforeEach(async () => {
    root = await makeTempWorkspace();
    cwd = path.dirname(root);
  });
  afterEach(async () => {
    await removeTempWorkspace(root);
  });

  describe('tag', () => {
    it('tags [N, M) of an article exactly as the editor command does, and not twice', async () => {
      const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
      const r = await cli('tag', '--tag', 'cooperation', '--note', 'police partnership', '--author', 'Ana', '--file', ARTICLE, '--start', '181', '--end', '218');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`^${path.basename(root)}/${ARTICLE}:1:182: tagged ".*" as "cooperation" \\(id (t\\w+)\\)\\n$`));
      const { tags } = await readSidecar(root);
      assert.equal(tags.length, 1);
      const expected = createTag(text, { tag: 'cooperation', note: 'police partnership', start: 181, end: 218, author: 'Ana' }, tags[0].id, new Date(tags[0].created));
      assert.deepEqual(tags[0], expected);

      const again = await cli('tag', '--tag', 'cooperation', '--author', 'Ana', '--file', ARTICLE, '--start', '181', '--end', '218');
      assert.equal(again.code, 0);
      assert.match(again.out, /already tagged "cooperation" \(id t\w+\)/);
      assert.equal((await readSidecar(root)).tags.length, 1);

      // The article edited elsewhere: the passage moved; tagging it at its new place finds the tag already there.
      await fs.writeFile(path.join(root, ARTICLE), 'A new first line.\n' + text);
      const moved = await cli('tag', '--tag', 'cooperation', '--file', ARTICLE, '--start', String(181 + 18), '--end', String(218 + 18));
      assert.equal(moved.code, 0);
      assert.match(moved.out, /:2:182: already tagged "cooperation"/);
      assert.equal((await readSidecar(root)).tags.length, 1);
    });

    it('refuses bad input with exit code 2 and writes nothing', async () => {
      await fs.mkdir(path.join(root, 'notes'));
      await fs.writeFile(path.join(root, 'notes/a.txt'), 'Not an article of the corpus.');
      const cases: [string[], RegExp][] = [
        [['--file', 'notes/a.txt', '--start', '0', '--end', '3'], /Only articles of the corpus can be tagged, and notes\/a\.txt is not one \(setting corpusAnnotator\.corpus: seeds\/\*\*\/\*\.txt\)/],
        [['--file', 'seeds/none.txt', '--start', '0', '--end', '3'], /Cannot read 'seeds\/none\.txt'/],
        [['--file', ARTICLE, '--start', '0', '--end', '999999'], /--end 999999 is past the end of seeds\/003_0e5bd4099b662286\.txt, which has \d+ UTF-16 code units/],
        [['--match', 'Vientiane', 'notes/a.txt'], /notes\/a\.txt is not one/],
        [['--match', 'Vientiane', 'nowhere'], /Cannot read 'nowhere': no such file or folder in the workspace/],
        [['--bogus'], /Unknown option '--bogus'/],
      ];
      for (const [args, message] of cases) {
        const r = await cli('tag', '--tag', 'x', ...args);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, message);
        assert.equal(r.out, '');
      }
      const missing = await runCli(['tag', '--workspace', path.join(root, 'nope'), '--tag', 'x', '--file', ARTICLE, '--start', '0', '--end', '3'], cwd);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /workspace folder .* does not exist/);
      assert.deepEqual(await fs.readdir(path.join(root, 'annotations')), [], 'nothing written');
    });

    it('refuses offsets that split a character (a surrogate pair)', async () => {
      await fs.writeFile(path.join(root, 'seeds/emoji.txt'), 'Tagged 😀 here.');
      const r = await cli('tag', '--tag', 'x', '--file', 'seeds/emoji.txt', '--start', '8', '--end', '12');
      assert.equal(r.code, 2);
      assert.match(r.err, /--start 8 falls inside a character/);
    });

    it('--match tags every occurrence in the articles under each PATH, once', async () => {
      const names = (await fs.readdir(path.join(root, 'seeds'))).filter((n) => n.endsWith('.txt'));
      let expected = 0;
      for (const n of names) expected += (await fs.readFile(path.join(root, 'seeds', n), 'utf8')).split('Vientiane').length - 1;
      assert.ok(expected >= 3);
      const r = await cli('tag', '--tag', 'place', '--author', 'Ana', '--match', 'Vientiane', 'seeds');
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out.trim().split('\n').length, expected);
      assert.match(r.err, new RegExp(`${expected} passages tagged "place" in \\d+ articles`));
      let found = 0;
      for (const n of names) {
        const rel = `annotations/seeds/${n.replace('.txt', '.yaml')}`;
        if (!(await exists(path.join(root, rel)))) continue;
        const text = await fs.readFile(path.join(root, 'seeds', n), 'utf8');
        for (const t of (await readSidecar(root, rel)).tags) {
          assert.equal(t.quote, 'Vientiane');
          assert.equal(text.slice(t.start, t.end), 'Vientiane');
          found++;
        }
      }
      assert.equal(found, expected);
      const again = await cli('tag', '--tag', 'place', '--match', 'Vientiane', `seeds/${names[3]}`, 'seeds/');
      assert.equal(again.code, 0);
      assert.match(again.err, /0 passages tagged "place" in \d+ articles \(\d+ already had the tag\)/);
      const none = await cli('tag', '--tag', 'place', '--match', 'no such words anywhere', 'seeds');
      assert.equal(none.code, 0);
      assert.match(none.err, /no occurrence of "no such words anywhere" in 5 articles; nothing tagged/);
    });

    it('--match follows the corpus setting: articles in subfolders, and only those', async () => {
      await fs.mkdir(path.join(root, '.vscode'));
      await fs.writeFile(path.join(root, '.vscode/settings.json'), '{ "corpusAnnotator.corpus": "news/**/*.txt" }');
      await fs.mkdir(path.join(root, 'news/2025'), { recursive: true });
      await fs.writeFile(path.join(root, 'news/2025/a.txt'), 'Police met in Hanoi. Hanoi hosted them.');
      await fs.writeFile(path.join(root, 'news/2025/notes.md'), 'Hanoi');
      const r = await cli('tag', '--tag', 'place', '--match', 'Hanoi', 'news');
      assert.equal(r.code, 0, r.err);
      assert.equal((await readSidecar(root, 'annotations/news/2025/a.yaml')).tags.length, 2);
      const seeds = await cli('tag', '--tag', 'place', '--match', 'Vientiane', ARTICLE);
      assert.equal(seeds.code, 2, 'seeds/ is not the corpus any more');
    });

    it('a broken sidecar: exit code 1, the file and line named, the file byte-identical; other articles are tagged', async () => {
      const broken = 'version: 1\ndocument: seeds/003_0e5bd4099b662286.txt\ntags:\n  - id: t1\n    tag: [unclosed\n';
      await fs.mkdir(path.join(root, 'annotations/seeds'), { recursive: true });
      await fs.writeFile(path.join(root, SIDECAR), broken);
      const parsed = parseSidecar(broken, ARTICLE);
      assert.ok(!parsed.ok);
      const line = parsed.errors[0].line + 1;
      const r = await cli('tag', '--tag', 'x', '--file', ARTICLE, '--start', '0', '--end', '5');
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`${path.basename(root)}/${SIDECAR}:${line}: .*\\(seeds/003_0e5bd4099b662286\\.txt was not tagged; the file was left untouched\\)`));
      assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);

      const both = await cli('tag', '--tag', 'place', '--match', 'Vientiane', ARTICLE, OTHER);
      assert.equal(both.code, 1);
      assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);
      assert.ok((await readSidecar(root, 'annotations/seeds/004_f85d18add8346542.yaml')).tags.length >= 1, 'the other article was tagged');
    });

    it('a sidecar that holds another article’s tags is never written into (exit code 1)', async () => {
      const foreign = serializeSidecar({ version: 1, document: OTHER, tags: [] });
      await fs.mkdir(path.join(root, 'annotations/seeds'), { recursive: true });
      await fs.writeFile(path.join(root, SIDECAR), foreign);
      const r = await cli('tag', '--tag', 'x', '--file', ARTICLE, '--start', '0', '--end', '5');
      assert.equal(r.code, 1);
      assert.match(r.err, /003_0e5bd4099b662286\.yaml:1: This sidecar names seeds\/004_f85d18add8346542\.txt/);
      assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), foreign);
    });
  });

  describe('tags', () => {
    it('lists every tag re-anchored against the articles as they are now', async () => {
      const fixture = await editedWorkspace(root);
      const r = await cli('tags', '--format', 'json');
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      assert.equal(json.version, 1);
      const byId = new Map<string, Json>(json.tags.map((t: Json) => [t.id, t]));
      assert.deepEqual(
        json.tags.map((t: Json) => [t.id, t.status]),
        [
          ['tmoved', 'moved'],
          ['tfuzzy', 'fuzzy'],
          ['torphan', 'orphaned'],
          ['tanchor', 'anchored'],
        ],
      );
      for (const t of json.tags) {
        assert.equal(t.path, ARTICLE);
        assert.deepEqual(Object.keys(t).slice(0, 8), ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note']);
      }
      assert.deepEqual([byId.get('torphan')!.start, byId.get('torphan')!.end], [null, null]);
      const moved = byId.get('tmoved')!;
      assert.equal(fixture.edited.slice(moved.start, moved.end), fixture.tags.moved.quote);

      const text = await cli('tags', ARTICLE);
      assert.equal(text.code, 0);
      const lines = text.out.trim().split('\n');
      assert.equal(lines.length, 4);
      assert.match(lines[0], new RegExp(`^${path.basename(root)}/${ARTICLE}:3:\\d+: cooperation \\[moved\\] "`));
      assert.match(lines[2], /: visit \[orphaned\] ".*" — line one line two \(best candidate: line \d+, column 8\)$/);

      assert.deepEqual(JSON.parse((await cli('tags', '--format', 'json', OTHER)).out).tags, [], 'a PATH selects the articles');
      assert.equal(JSON.parse((await cli('tags', '--format', 'json', 'seeds/')).out).tags.length, 4);
      const missing = await cli('tags', 'seeds/none.txt');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /Cannot read 'seeds\/none\.txt'/);
    });

    it('identical tags of two analysts (same passage, tag and note) are one record naming both, in JSON and text', async () => {
      const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
      const quote = 'Vientiane';
      const start = text.indexOf(quote);
      assert.ok(start >= 0);
      const at = (id: string, author: string, label = 'place', note?: string): Tag =>
        createTag(text, { tag: label, start, end: start + quote.length, author, ...(note ? { note } : {}) }, id, new Date('2026-11-30T10:00:00Z'));
      const tags = [at('t1', 'ana'), at('t2', 'bo'), at('t3', 'bo', 'capital'), at('t4', 'cy', 'place', 'a note')];
      await fs.mkdir(path.dirname(path.join(root, SIDECAR)), { recursive: true });
      await fs.writeFile(path.join(root, SIDECAR), serializeSidecar({ version: 1, document: ARTICLE, tags }));

      const r = await cli('tags', '--format', 'json', ARTICLE);
      assert.equal(r.code, 0, r.err);
      const listed: Json[] = JSON.parse(r.out).tags;
      assert.deepEqual(
        listed.map((t) => [t.id, t.tag, t.note, t.author, t.ids, t.authors]),
        [
          ['t1', 'place', null, 'ana', ['t1', 't2'], ['ana', 'bo']],
          ['t3', 'capital', null, 'bo', ['t3'], ['bo']],
          ['t4', 'place', 'a note', 'cy', ['t4'], ['cy']],
        ],
      );
      for (const t of listed) assert.deepEqual(Object.keys(t), ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note', 'author', 'created', 'updated', 'confidence', 'suggestion', 'ids', 'authors']);

      const lines = (await cli('tags', ARTICLE)).out.trim().split('\n');
      assert.equal(lines.length, 3);
      assert.ok(lines.some((l) => / place \[anchored\] "Vientiane" \(ana, bo\)$/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => / capital \[anchored\] "Vientiane"$/.test(l)), 'one analyst: no names added');
      assert.ok(lines.some((l) => / place \[anchored\] "Vientiane" — a note$/.test(l)), 'another note: another record');

      // Export keeps every record (the sidecar's, for a lossless round trip).
      const csv = await cli('export', '--format', 'csv', ARTICLE);
      assert.equal(csv.out.trim().split('\r\n').length, 5);
    });

    it('lists the tags of a deleted article as orphans, and warns about a sidecar it cannot read', async () => {
      await editedWorkspace(root);
      await fs.rm(path.join(root, ARTICLE));
      await fs.writeFile(path.join(root, 'annotations/seeds/004_f85d18add8346542.yaml'), 'tags: [');
      const r = await cli('tags', '--format', 'json', ARTICLE);
      assert.equal(r.code, 0);
      const json = JSON.parse(r.out);
      assert.equal(json.tags.length, 4);
      assert.ok(json.tags.every((t: Json) => t.status === 'orphaned' && t.start === null));
      assert.match(r.err, /warning: .*004_f85d18add8346542\.yaml:1:\d+: .*\(its tags are not listed\)/);
    });
  });

  describe('export', () => {
    it('--format wadm: W3C Web Annotations that conform to the model, positions valid in the current text', async () => {
      const fixture = await editedWorkspace(root);
      const r = await cli('export', '--format', 'wadm');
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /exported 4 tags/);
      const json = JSON.parse(r.out);
      assert.deepEqual(collectionProblems(json), []);
      assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
      const items: Json[] = json.first.items;
      assert.equal(items.length, 4);
      for (const a of items) {
        const tag = Object.values(fixture.tags).find((t) => t.id === a[SIDECAR_PROPERTY].id)!;
        assert.equal(a.target.source, ARTICLE);
        const bodies = a.body.map((b: Json) => `${b.purpose}:${b.value}`);
        assert.deepEqual(bodies, [`tagging:${tag.tag}`, ...(tag.note ? [`commenting:${tag.note}`] : [])]);
        const quote = a.target.selector.find((s: Json) => s.type === 'TextQuoteSelector');
        assert.equal(quote.exact, tag.quote);
        const position = a.target.selector.find((s: Json) => s.type === 'TextPositionSelector');
        if (a[SIDECAR_PROPERTY].status === 'orphaned') assert.equal(position, undefined);
        else {
          const start = fromCodePoints(fixture.edited, position.start)!;
          const end = fromCodePoints(fixture.edited, position.end)!;
          if (a[SIDECAR_PROPERTY].status !== 'fuzzy') assert.equal(fixture.edited.slice(start, end), tag.quote);
          else assert.ok(end > start && end <= fixture.edited.length);
        }
      }
    });

    it('--format csv: RFC 4180 with the documented columns', async () => {
      await editedWorkspace(root);
      const r = await cli('export', '--format', 'csv', ARTICLE);
      assert.equal(r.code, 0, r.err);
      const rows: string[][] = parseCsv(r.out, { relax_quotes: false, record_delimiter: '\r\n' });
      assert.deepEqual(rows[0].slice(0, 10), ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note', 'author', 'created']);
      assert.equal(rows.length, 5);
      const status = rows[0].indexOf('status');
      assert.deepEqual(rows.slice(1).map((row) => row[status]).sort(), ['anchored', 'fuzzy', 'moved', 'orphaned']);
    });
  });

  describe('import', () => {
    let other: string;
    beforeEach(async () => {
      other = await makeTempWorkspace();
    });
    afterEach(async () => {
      await removeTempWorkspace(other);
    });

    it('reads an export back losslessly: the same sidecar, byte for byte, in another workspace', async () => {
      const fixture = await editedWorkspace(root);
      await cli('tag', '--tag', 'place', '--author', 'Ana', '--match', 'Vientiane', OTHER);
      const exported = path.join(cwd, `${path.basename(root)}-export.json`);
      const r = await cli('export', '--format', 'wadm');
      await fs.writeFile(exported, r.out);
      try {
        await fs.writeFile(path.join(other, ARTICLE), fixture.edited);
        const imported = await runCli(['import', '--workspace', other, '--format', 'wadm', exported], cwd);
        assert.equal(imported.code, 0, imported.err);
        assert.match(imported.out, /003_0e5bd4099b662286\.yaml: 4 added, 0 replaced, 0 unchanged/);
        for (const rel of [SIDECAR, 'annotations/seeds/004_f85d18add8346542.yaml']) {
          assert.equal(await fs.readFile(path.join(other, rel), 'utf8'), await fs.readFile(path.join(root, rel), 'utf8'), `${rel} is the same`);
        }
        const tagsHere = JSON.parse((await cli('tags', '--format', 'json')).out);
        const tagsThere = JSON.parse((await runCli(['tags', '--workspace', other, '--format', 'json'], cwd)).out);
        assert.deepEqual(tagsThere, tagsHere);

        // Into the workspace it came from: nothing changes, nothing is written.
        const before = await fs.stat(path.join(root, SIDECAR));
        const again = await cli('import', '--format', 'wadm', exported);
        assert.equal(again.code, 0);
        assert.match(again.out, /003_0e5bd4099b662286\.yaml: 0 added, 0 replaced, 4 unchanged/);
        assert.equal((await fs.stat(path.join(root, SIDECAR))).mtimeMs, before.mtimeMs);
      } finally {
        await fs.rm(exported, { force: true });
      }
    });

    it('replaces a tag with the same id, adds new ones, removes none; --dry-run writes nothing', async () => {
      await editedWorkspace(root);
      const json = JSON.parse((await cli('export', '--format', 'wadm')).out);
      const moved = json.first.items.find((a: Json) => a[SIDECAR_PROPERTY].id === 'tmoved');
      moved.body[1].value = 'a corrected note';
      json.first.items = [moved];
      json.total = 1;
      const file = path.join(root, 'edited-export.json');
      await fs.writeFile(file, JSON.stringify(json));
      const sidecarBefore = await fs.readFile(path.join(root, SIDECAR), 'utf8');
      const dry = await cli('import', '--format', 'wadm', '--dry-run', `${path.basename(root)}/edited-export.json`);
      assert.equal(dry.code, 0, dry.err);
      assert.match(dry.out, /0 would be added, 1 would be replaced, 0 unchanged/);
      assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), sidecarBefore);
      const r = await cli('import', '--format', 'wadm', `${path.basename(root)}/edited-export.json`);
      assert.equal(r.code, 0, r.err);
      const tags = (await readSidecar(root)).tags;
      assert.equal(tags.length, 4, 'none removed');
      assert.equal(tags.find((t: Tag) => t.id === 'tmoved')!.note, 'a corrected note');
    });

    it('refuses a file it cannot import with exit code 2, writing nothing', async () => {
      const write = async (name: string, content: unknown) => {
        await fs.writeFile(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
        return `${path.basename(root)}/${name}`;
      };
      const annotation = (source: string) => ({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:x:1',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'tagging', value: 'x' },
        target: { source, selector: { type: 'TextQuoteSelector', exact: 'Vientiane' } },
      });
      const cases: [string, RegExp][] = [
        [await write('a.json', '{ not json'), /Cannot read .*a\.json/],
        [await write('b.json', annotation('../outside.txt')), /source "\.\.\/outside\.txt" is not a file of the workspace/],
        [await write('c.json', annotation('notes/a.txt')), /notes\/a\.txt is not an article of the corpus/],
        [await write('d.json', annotation('https://example.invalid/a.txt')), /is not a file of the workspace/],
        [await write('e.json', { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'urn:x', target: 'urn:y' }), /exactly one TextualBody of purpose "tagging"/],
        [`${path.basename(root)}/missing.json`, /Cannot read .*missing\.json': no such file/],
      ];
      for (const [file, message] of cases) {
        const r = await cli('import', '--format', 'wadm', file);
        assert.equal(r.code, 2, file);
        assert.match(r.err, message);
      }
      assert.deepEqual(await fs.readdir(path.join(root, 'annotations')), [], 'nothing written');
    });

    it('a broken sidecar: exit code 1 naming FILE:LINE, nothing imported, the file byte-identical', async () => {
      await editedWorkspace(root);
      const exported = (await cli('export', '--format', 'wadm')).out;
      await fs.writeFile(path.join(root, 'x.json'), exported);
      const broken = 'version: 1\ntags:\n  - {id: t1\n';
      await fs.writeFile(path.join(root, SIDECAR), broken);
      const r = await cli('import', '--format', 'wadm', `${path.basename(root)}/x.json`);
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`nothing was imported:\\n  .*${SIDECAR}:\\d+: `));
      assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);
    });

    it('a file:// source inside the workspace is accepted', async () => {
      const { pathToFileURL } = await import('node:url');
      const file = path.join(root, 'f.json');
      const source = pathToFileURL(path.join(root, OTHER)).href;
      const text = await fs.readFile(path.join(root, OTHER), 'utf8');
      const unique = text.slice(300, 340);
      assert.equal(text.indexOf(unique), text.lastIndexOf(unique));
      const annotation = (exact: string) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:x:${exact.length}`, type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'place' }, target: { source, selector: { type: 'TextQuoteSelector', exact } } });
      // `Vientiane` occurs twice without context to tell which: an orphan, never a guess.
      await fs.writeFile(file, JSON.stringify([annotation(unique), annotation('Vientiane')]));
      const r = await cli('import', '--format', 'wadm', `${path.basename(root)}/f.json`);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /2 added, 0 replaced, 0 unchanged; 1 orphaned/);
      const tags = (await readSidecar(root, 'annotations/seeds/004_f85d18add8346542.yaml')).tags;
      const tag = tags.find((t) => t.quote === unique)!;
      assert.equal(text.slice(tag.start, tag.end), unique);
      assert.deepEqual(tags.filter((t) => t.quote === 'Vientiane').map((t) => [t.start, t.end]), [[0, 0]]);
    });
  });
});
