import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { addAlias, markNotEntity } from '../../../server/src/core/index';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { AnalystFileError, type CorpusEvent, type CorpusFolder } from '../../../server/src/workspace/corpusFolder';
import { openCorpus } from '../../../server/src/workspace/openCorpus';
import { readSettings } from '../../../server/src/workspace/settings';
import { settingsFromJson } from '../../../server/src/workspace/settingsFile';

const ARTICLE = 'Vientiane, April 25 (KPL) - Police officers met on Friday.\n\nThe same paragraph printed again by the site.\n';

/**
 * The disk, except that once `hold()` is called, looking at where `file` leads (realPath) waits until `release()`:
 * `caught` resolves when a look is waiting.
 */
function realPathGate(file: string) {
  let held: Promise<void> | undefined;
  let reached: (() => void) | undefined;
  const fs = {
    ...nodeFileSystem,
    realPath: async (f: string) => {
      if (held && f === file) {
        reached?.();
        await held;
      }
      return nodeFileSystem.realPath(f);
    },
  };
  return {
    fs,
    hold() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      const caught = new Promise<void>((resolve) => (reached = resolve));
      return { caught, release };
    },
  };
}

describe('workspace model (openCorpus, one folder)', () => {
  let root: string;
  const write = async (rel: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  };
  const read = (rel: string) => fs.readFile(path.join(root, rel), 'utf8');
  const exists = (rel: string) => fs.access(path.join(root, rel)).then(() => true, () => false);
  const open = (settings: unknown = {}) => openCorpus({ root, settings: readSettings(settings), fs: nodeFileSystem });
  const events = (corpus: CorpusFolder) => {
    const seen: CorpusEvent[] = [];
    corpus.onDidChange((e) => seen.push(e));
    return seen;
  };
  const tag = (corpus: CorpusFolder, rel: string, label = 'cooperation') =>
    corpus.addTag(path.join(root, rel), ARTICLE, { tag: label, start: 0, end: 9 });

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-folder-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('finds the articles by the corpus globs, in subfolders, skipping hidden and tool folders', async () => {
    await write('seeds/a/x.txt', ARTICLE);
    await write('seeds/b/x.txt', ARTICLE);
    await write('seeds/top.txt', ARTICLE);
    await write('seeds/notes.md', 'not an article');
    await write('seeds/.hidden/h.txt', ARTICLE);
    await write('seeds/node_modules/n.txt', ARTICLE);
    await write('other/o.txt', ARTICLE);
    const corpus = await open();
    assert.deepEqual(corpus.articles().map((f) => corpus.relative(f)), ['seeds/a/x.txt', 'seeds/b/x.txt', 'seeds/top.txt']);
    const wide = await open({ corpus: ['{seeds,other}/**/*.txt'] });
    assert.ok(wide.articles().some((f) => wide.relative(f) === 'other/o.txt'));
  });

  it('gives two articles with the same name in two folders two sidecars', async () => {
    await write('seeds/a/x.txt', ARTICLE);
    await write('seeds/b/x.txt', ARTICLE);
    const corpus = await open();
    await tag(corpus, 'seeds/a/x.txt', 'first');
    await tag(corpus, 'seeds/b/x.txt', 'second');
    const a = parse(await read('annotations/seeds/a/x.yaml'));
    const b = parse(await read('annotations/seeds/b/x.yaml'));
    assert.equal(a.document, 'seeds/a/x.txt');
    assert.deepEqual(a.tags.map((t: { tag: string }) => t.tag), ['first']);
    assert.equal(b.document, 'seeds/b/x.txt');
    assert.deepEqual(b.tags.map((t: { tag: string }) => t.tag), ['second']);
    assert.equal(await exists('annotations/x.yaml'), false);
    // A fresh model reads both back, each with its own article.
    const again = await open();
    assert.equal(again.sidecarOf(path.join(root, 'seeds/a/x.txt'))?.sidecar.tags[0].tag, 'first');
    assert.equal(again.sidecarOf(path.join(root, 'seeds/b/x.txt'))?.sidecar.tags[0].tag, 'second');
  });

  it('reads an old flat sidecar and moves it to its new place on the first write, comments kept', async () => {
    await write('seeds/a/x.txt', ARTICLE);
    await write('seeds/b/x.txt', ARTICLE);
    await write(
      'annotations/x.yaml',
      '# tagged by Anna\nversion: 1\ndocument: seeds/a/x.txt\ntags:\n  # the first one\n  - id: t1\n    tag: old\n    quote: Vientiane\n    prefix: ""\n    suffix: ", April 25"\n    start: 0\n    end: 9\n    created: 2026-11-01T00:00:00.000Z\n',
    );
    const corpus = await open();
    const a = path.join(root, 'seeds/a/x.txt');
    assert.equal(corpus.sidecarOf(a)?.sidecar.tags[0].tag, 'old');
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/b/x.txt')), undefined, 'the flat sidecar names seeds/a/x.txt only');
    // Tagging the other x.txt never writes into the flat file.
    await tag(corpus, 'seeds/b/x.txt', 'other');
    assert.match(await read('annotations/x.yaml'), /tag: old/);
    assert.doesNotMatch(await read('annotations/x.yaml'), /other/);
    // Tagging its own article moves it.
    await tag(corpus, 'seeds/a/x.txt', 'new');
    assert.equal(await exists('annotations/x.yaml'), false);
    const moved = await read('annotations/seeds/a/x.yaml');
    assert.deepEqual(parse(moved).tags.map((t: { tag: string }) => t.tag).sort(), ['new', 'old']);
    assert.match(moved, /# tagged by Anna/);
    assert.match(moved, /# the first one/);
  });

  it('keeps the last good tags of a sidecar that stops parsing, and uses them again when fixed', async () => {
    await write('seeds/a.txt', ARTICLE);
    const corpus = await open();
    await tag(corpus, 'seeds/a.txt', 'kept');
    const file = path.join(root, 'annotations/seeds/a.yaml');
    const good = await read('annotations/seeds/a.yaml');
    await write('annotations/seeds/a.yaml', good.replace('tags:', 'tags: [oops'));
    await corpus.filesChanged([{ file, deleted: false }]);
    assert.ok(corpus.problems().has(file), 'reported');
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/a.txt'))?.sidecar.tags[0].tag, 'kept', 'last good tags still in use');
    await write('annotations/seeds/a.yaml', good);
    await corpus.filesChanged([{ file, deleted: false }]);
    assert.ok(!corpus.problems().has(file));
  });

  it('keeps an article’s tags in use while its sidecar is read again (a catch-up right after opening)', async () => {
    await write('seeds/a.txt', ARTICLE);
    await write('annotations/seeds/a.yaml', 'version: 1\ndocument: seeds/a.txt\ntags:\n  - id: t1\n    tag: kept\n    quote: Vientiane\n    start: 0\n    end: 9\n');
    const article = path.join(root, 'seeds/a.txt');
    // The look at where the sidecar's article leads is held until released: the read again is caught mid-way.
    const gate = realPathGate(article);
    const corpus = await openCorpus({ root, settings: readSettings({}), fs: gate.fs });
    const { caught, release } = gate.hold();
    const again = corpus.filesChanged([{ file: path.join(root, 'annotations/seeds/a.yaml'), deleted: false }]);
    await caught;
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags[0]?.tag, 'kept', 'the tags are in use while the file is read again');
    release();
    await again;
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags[0]?.tag, 'kept');
  });

  it('keeps an article tagged while its deleted sidecar gives way to its old-style one (read mid-way)', async () => {
    await write('seeds/a.txt', ARTICLE);
    const sidecar = (label: string) => `version: 1\ndocument: seeds/a.txt\ntags:\n  - id: t1\n    tag: ${label}\n    quote: Vientiane\n    start: 0\n    end: 9\n`;
    await write('annotations/seeds/a.yaml', sidecar('current'));
    await write('annotations/a.yaml', sidecar('legacy'));
    const article = path.join(root, 'seeds/a.txt');
    // The look at where the old-style sidecar's article leads is held until released.
    const gate = realPathGate(article);
    const corpus = await openCorpus({ root, settings: readSettings({}), fs: gate.fs });
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags[0]?.tag, 'current');
    await fs.rm(path.join(root, 'annotations/seeds/a.yaml'));
    const { caught, release } = gate.hold();
    const again = corpus.filesChanged([{ file: path.join(root, 'annotations/seeds/a.yaml'), deleted: true }]);
    await caught;
    assert.ok(corpus.sidecarOf(article), 'the article keeps tags in use while the old-style file is read');
    release();
    await again;
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags[0]?.tag, 'legacy');
    assert.ok(!corpus.problems().has(path.join(root, 'annotations/a.yaml')), 'the old-style file is in use, not reported');
  });

  it('handles changes on disk in the order they came: a sidecar created then deleted at once is gone', async () => {
    await write('seeds/a.txt', ARTICLE);
    const file = path.join(root, 'annotations/seeds/a.yaml');
    // The first read of the sidecar is slow: it finishes after the file was deleted and its deletion reported.
    let releaseRead!: () => void;
    const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
    let slowReads = 0;
    const slowFs = {
      ...nodeFileSystem,
      readText: async (f: string, options?: Parameters<typeof nodeFileSystem.readText>[1]) => {
        const text = await nodeFileSystem.readText(f, options);
        if (f === file && slowReads++ === 0) await readHeld;
        return text;
      },
    };
    const corpus = await openCorpus({ root, settings: readSettings({}), fs: slowFs });
    await write('annotations/seeds/a.yaml', 'version: 1\ndocument: seeds/a.txt\ntags:\n  - id: t1\n    tag: colleague\n    quote: Vientiane\n    start: 0\n    end: 9\n');
    const created = corpus.filesChanged([{ file, deleted: false }]);
    await fs.rm(file);
    const deleted = corpus.filesChanged([{ file, deleted: true }]);
    releaseRead();
    await Promise.all([created, deleted]);
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/a.txt'))?.sidecar.tags.length ?? 0, 0, 'the deleted sidecar’s tag is not in use');
  });

  it('never lets a watcher read that started before a change of the same sidecar put the older content back', async () => {
    await write('seeds/a.txt', ARTICLE);
    const tagOf = (id: string, label: string) => `{ id: ${id}, tag: ${label}, quote: Vientiane, start: 0, end: 9 }`;
    const file = path.join(root, 'annotations/seeds/a.yaml');
    const article = path.join(root, 'seeds/a.txt');
    await write(
      'annotations/seeds/a.yaml',
      ['version: 1', 'document: seeds/a.txt', 'tags:', `  - ${tagOf('c1', 'cooperation')}`, 'conflicts:', '  - list: tags', '    key: c1',
        '    message: changed differently on both branches', `    ours: ${tagOf('c1', 'cooperation')}`, `    theirs: ${tagOf('c1', 'diplomacy')}`, ''].join('\n'),
    );
    // Only the watcher's read of the sidecar is held, mid-way (at the look at where its article leads); the change
    // that follows is not.
    let holding = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const caught = new Promise<void>((resolve) => (reached = resolve));
    const gated = {
      ...nodeFileSystem,
      realPath: async (f: string) => {
        if (holding && f === article) {
          holding = false;
          reached();
          await held;
        }
        return nodeFileSystem.realPath(f);
      },
    };
    const corpus = await openCorpus({ root, settings: readSettings({}), fs: gated });
    assert.ok(corpus.warnings().has(file), 'the conflict is a warning');
    holding = true;
    // A late watcher report of the file as it was written (a second event of the same write).
    const watched = corpus.filesChanged([{ file, deleted: false }]);
    await caught;
    const resolving = corpus.resolveTagConflict(file, 'c1', 'theirs');
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([watched, resolving]);
    assert.ok(!corpus.warnings().has(file), 'the resolved conflict is no warning any more');
    assert.deepEqual(corpus.sidecarOf(article)?.sidecar.tags.map((t) => `${t.id}:${t.tag}`), ['c1:diplomacy']);
    assert.equal(corpus.sidecarOf(article)?.sidecar.conflicts?.length ?? 0, 0);
    assert.equal(parse(await read('annotations/seeds/a.yaml')).conflicts, undefined);
  });

  it('reports an old flat sidecar shadowed by a new one, and falls back to it when the new one is deleted', async () => {
    await write('seeds/a.txt', ARTICLE);
    await write('annotations/a.yaml', 'version: 1\ndocument: seeds/a.txt\ntags:\n  - id: t1\n    tag: old\n    quote: Vientiane\n    start: 0\n    end: 9\n');
    await write('annotations/seeds/a.yaml', 'version: 1\ndocument: seeds/a.txt\ntags: []\n');
    const corpus = await open();
    const article = path.join(root, 'seeds/a.txt');
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags.length, 0, 'the new file wins');
    const problem = corpus.problems().get(path.join(root, 'annotations/a.yaml'));
    assert.match(problem?.[0].message ?? '', /now kept in annotations\/seeds\/a\.yaml; this older file is not used/);
    await fs.rm(path.join(root, 'annotations/seeds/a.yaml'));
    await corpus.filesChanged([{ file: path.join(root, 'annotations/seeds/a.yaml'), deleted: true }]);
    assert.equal(corpus.sidecarOf(article)?.sidecar.tags[0].tag, 'old', 'the old file is used again');
  });

  it('refuses to write into a sidecar whose document names another article', async () => {
    await write('seeds/a/x.txt', ARTICLE);
    const foreign = 'version: 1\ndocument: seeds/b/y.txt\ntags: []\n';
    await write('annotations/seeds/a/x.yaml', foreign);
    const corpus = await open();
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/a/x.txt')), undefined);
    assert.ok(corpus.problems().has(path.join(root, 'annotations/seeds/a/x.yaml')), 'reported on the file');
    await assert.rejects(tag(corpus, 'seeds/a/x.txt'), (e: Error) => e instanceof AnalystFileError && /holds the tags of seeds\/b\/y\.txt/.test(e.message));
    assert.equal(await read('annotations/seeds/a/x.yaml'), foreign);
  });

  it('never rewrites a broken analyst file, reports it, and keeps the last good content in use', async () => {
    await write('seeds/a.txt', ARTICLE);
    const brokenSidecar = 'version: 1\ntags:\n  - id: [oops\n';
    const brokenRegistry = 'entities:\n  - canonical: Laos\n    type: PLACE\n';
    const brokenIgnores = 'version: 1\nhere:\n  - document: [oops\n';
    await write('annotations/seeds/a.yaml', brokenSidecar);
    await write('annotations/entities.yaml', brokenRegistry);
    await write('annotations/ignored.yaml', brokenIgnores);
    const corpus = await open();
    assert.equal(corpus.problems().size, 3);
    await assert.rejects(tag(corpus, 'seeds/a.txt'), /a\.yaml \(tag sidecar\) has errors and was left untouched: line \d+/);
    await assert.rejects(corpus.editRegistry((r) => markNotEntity(r, 'Share it')), /entities\.yaml \(entity registry\) has errors and was left untouched: line 3/);
    await assert.rejects(corpus.ignoreEverywhere('Share it', 'chrome'), /ignored\.yaml \(ignore list\) has errors/);
    assert.equal(await read('annotations/seeds/a.yaml'), brokenSidecar);
    assert.equal(await read('annotations/entities.yaml'), brokenRegistry);
    assert.equal(await read('annotations/ignored.yaml'), brokenIgnores);
    assert.deepEqual((await fs.readdir(path.join(root, 'annotations'))).filter((n) => n.endsWith('.tmp')), [], 'no temporary files left');
  });

  it('keeps analysts\u2019 comments and key order when it rewrites the registry and the ignore list', async () => {
    await write('seeds/a.txt', ARTICLE);
    await write(
      'annotations/entities.yaml',
      '# Our entity registry: ask Bounmy before merging people.\nentities:\n  # the country, in all its spellings\n  - id: laos\n    type: LOCATION\n    canonical: Laos\n    aliases:\n      - Lao PDR # official\nnotEntities:\n  - Share it\n',
    );
    await write('annotations/ignored.yaml', '# chrome we never want to see\nversion: 1\neverywhere:\n  - text: Share it # site widget\n    kind: chrome\n    added: 2026-11-23T09:00:00.000Z\n');
    const corpus = await open();
    await corpus.editRegistry((r) => addAlias(r, { entityId: 'laos', canonical: 'Laos', type: 'LOCATION' }, 'Lao'));
    await corpus.ignoreEverywhere('Related news', 'chrome');
    const registry = await read('annotations/entities.yaml');
    assert.match(registry, /^# Our entity registry: ask Bounmy before merging people\./);
    assert.match(registry, /# the country, in all its spellings/);
    assert.match(registry, /Lao PDR # official/);
    assert.ok(registry.indexOf('type: LOCATION') < registry.indexOf('canonical: Laos'), 'key order kept');
    assert.deepEqual(parse(registry).entities[0].aliases.sort(), ['Lao', 'Lao PDR']);
    const ignores = await read('annotations/ignored.yaml');
    assert.match(ignores, /# chrome we never want to see/);
    assert.match(ignores, /Share it # site widget/);
    assert.deepEqual(parse(ignores).everywhere.map((e: { text: string }) => e.text).sort(), ['Related news', 'Share it']);
  });

  it('serialises concurrent changes of one file so none is lost', async () => {
    await write('seeds/a.txt', ARTICLE);
    const corpus = await open();
    const ref = { entityId: 'laos', canonical: 'Laos', type: 'LOCATION' as const };
    await Promise.all([
      ...['Lao PDR', 'Lao', 'Laos PDR'].map((alias) => corpus.editRegistry((r) => addAlias(r, ref, alias))),
      corpus.editRegistry((r) => markNotEntity(r, 'Share it')),
      ...['one', 'two', 'three', 'four'].map((label) => tag(corpus, 'seeds/a.txt', label)),
    ]);
    const registry = parse(await read('annotations/entities.yaml'));
    assert.deepEqual(registry.entities[0].aliases.sort(), ['Lao', 'Lao PDR', 'Laos PDR']);
    assert.deepEqual(registry.notEntities, ['Share it']);
    assert.equal(parse(await read('annotations/seeds/a.yaml')).tags.length, 4);
    assert.equal(corpus.registry().entities[0].aliases.length, 3, 'the new registry is in use');
  });

  it('announces changes made here and on disk, typed, and ignores the echo of its own writes', async () => {
    await write('seeds/a.txt', ARTICLE);
    await write('seeds/b.txt', ARTICLE);
    const corpus = await open();
    const seen = events(corpus);
    await tag(corpus, 'seeds/a.txt');
    assert.deepEqual(seen, [{ kind: 'tags', articles: [path.join(root, 'seeds/a.txt')] }]);
    seen.length = 0;
    // The watcher then reports our own write: nothing new.
    await corpus.filesChanged([{ file: path.join(root, 'annotations/seeds/a.yaml'), deleted: false }]);
    assert.equal(seen.length, 0);
    // Someone else edits an article and the registry, and removes a sidecar.
    await write('seeds/b.txt', 'Changed elsewhere.\n');
    await write('annotations/entities.yaml', 'notEntities:\n  - Police\n');
    await fs.rm(path.join(root, 'annotations/seeds/a.yaml'));
    await corpus.filesChanged([
      { file: path.join(root, 'seeds/b.txt'), deleted: false },
      { file: path.join(root, 'annotations/entities.yaml'), deleted: false },
      { file: path.join(root, 'annotations/seeds/a.yaml'), deleted: true },
    ]);
    assert.deepEqual(seen.map((e) => e.kind).sort(), ['articles', 'registry', 'tags']);
    const articles = seen.find((e) => e.kind === 'articles');
    assert.deepEqual(articles, { kind: 'articles', changed: [{ file: path.join(root, 'seeds/b.txt'), text: 'Changed elsewhere.\n' }], removed: [] });
    assert.deepEqual(corpus.registry().notEntities, ['Police']);
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/a.txt')), undefined);
  });

  it('sees a sidecar it wrote deleted right after, with no watcher report of it (VS Code folds "added" then "deleted" into nothing)', async function () {
    this.timeout(20_000);
    await write('seeds/a.txt', ARTICLE);
    await write('seeds/b.txt', ARTICLE);
    const corpus = await open();
    await tag(corpus, 'seeds/a.txt');
    await tag(corpus, 'seeds/b.txt');
    const untagged = new Set<string>();
    const gone = new Promise<void>((resolve) =>
      corpus.onDidChange((e) => {
        if (e.kind === 'tags') for (const a of e.articles) untagged.add(a);
        if (untagged.size === 2) resolve();
      }),
    );
    await fs.rm(path.join(root, 'annotations/seeds/a.yaml'));
    await fs.rm(path.join(root, 'annotations/seeds/b.yaml'));
    await gone;
    assert.deepEqual([...untagged].sort(), [path.join(root, 'seeds/a.txt'), path.join(root, 'seeds/b.txt')]);
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/a.txt')), undefined);
    assert.equal(corpus.sidecarOf(path.join(root, 'seeds/b.txt')), undefined);
    await corpus.close();
  });

  it('waits for writes in flight when closed (a settings change never loses a tag)', async () => {
    await write('seeds/a.txt', ARTICLE);
    const corpus = await open();
    const pending = ['one', 'two', 'three'].map((label) => tag(corpus, 'seeds/a.txt', label));
    await corpus.close();
    assert.equal(parse(await read('annotations/seeds/a.yaml')).tags.length, 3);
    await Promise.all(pending);
  });
});

describe('settings file (.vscode/settings.json) for the CLI', () => {
  it('reads dotted and nested keys, with comments and trailing commas', () => {
    const r = settingsFromJson('{\n  // our corpus\n  "corpusAnnotator.corpus": ["news/**/*.txt"],\n  "corpusAnnotator.dates.showDurations": true,\n  "corpusAnnotator": { "annotationsFolder": "notes" },\n}');
    assert.ok(r.ok);
    assert.deepEqual(r.settings.corpus, ['news/**/*.txt']);
    assert.equal(r.settings.dates.showDurations, true);
    assert.equal(r.settings.annotationsFolder, 'notes');
  });
  it('falls back to defaults, and says so, when the file is broken or absent', () => {
    assert.deepEqual(settingsFromJson(undefined).settings.corpus, ['seeds/**/*.txt']);
    const broken = settingsFromJson('{ "corpusAnnotator.corpus": ');
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.settings.corpus, ['seeds/**/*.txt']);
  });
});

describe('corpus globs (picomatch)', () => {
  it('matches ** across folders, * within one, and alternatives; walks only from the fixed prefix', async () => {
    const { corpusGlobs } = await import('../../../server/src/workspace/corpusGlobs');
    const m = corpusGlobs(['seeds/**/*.txt']);
    assert.ok(m.matches('seeds/a.txt'));
    assert.ok(m.matches('seeds/x/y/b.txt'));
    assert.ok(!m.matches('other/a.txt'));
    assert.ok(!m.matches('seeds/a.yaml'));
    assert.deepEqual(m.bases, ['seeds']);
    assert.ok(corpusGlobs(['{news,wire}/*.txt']).matches('wire/a.txt'));
    assert.ok(!corpusGlobs(['news/*.txt']).matches('news/sub/a.txt'));
    assert.deepEqual(corpusGlobs(['**/*.txt', 'seeds/*.txt']).bases, ['']);
  });
});
describe('settings', () => {
  it('falls back to defaults for missing or wrong values', () => {
    const s = readSettings({ corpus: 'news/*.txt', dates: { severity: 'loud', dayOrder: 'day-first' }, boilerplate: { severity: 'off' } });
    assert.deepEqual(s.corpus, ['news/*.txt']);
    assert.equal(s.dates.severity, 'information');
    assert.equal(s.dates.dayOrder, 'day-first');
    assert.equal(s.boilerplate.severity, 'off');
    assert.deepEqual(readSettings(undefined).corpus, ['seeds/**/*.txt']);
  });
});
