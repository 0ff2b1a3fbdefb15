/**
 * Tags are never lost or misplaced: they follow edits made in the editor (stored on save), and after changes made
 * elsewhere they are anchored, moved, fuzzy or orphaned with a suggestion, shown as diagnostics with quick fixes.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { parse, stringify } from 'yaml';
import { Notifications, Requests, ServerCommands, type ListTagsResult, type TagItem, type TagsChangedParams } from '../../server/src/protocol';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace, waitFor } from '../support/workspace';

const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';

describe('tags that are never lost or misplaced', function () {
  this.timeout(60000);
  let root: string;
  let lsp: LspHarness;
  let text: string;
  let uri: string;

  const exec = <T>(command: string, args: unknown) => lsp.client.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<T>;
  const list = async () => ((await lsp.client.sendRequest(Requests.listTags.method, { uri })) as ListTagsResult).tags;
  const rangeOf = (t: string, s: string) => {
    const start = t.indexOf(s);
    assert.ok(start >= 0, s);
    const pos = (o: number) => {
      const before = t.slice(0, o).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    return { start: pos(start), end: pos(start + s.length) };
  };
  const tag = (quote: string, label: string) => exec<TagItem>(ServerCommands.addTag, { uri, range: rangeOf(text, quote), tag: label });
  /** Whether clients were told, since notification `since`, that the tags of `of` (the article by default) changed. */
  const tagsChangedSince = (since: number, of = uri) =>
    lsp.notifications.slice(since).some((n) => n.method === Notifications.tagsChanged.method && ((n.params as TagsChangedParams).uris ?? []).includes(of));
  /** One long sentence from each of several paragraphs. */
  const sentences = () => {
    const found = text.split('\n').flatMap((p) => p.match(/[A-Z][^.\n]{60,200}\./)?.[0] ?? []);
    assert.ok(found.length >= 4);
    return found;
  };
  /** The article opened, its first sentence tagged, then deleted in the editor (clients told each time). */
  const tagThenDelete = async () => {
    await lsp.open(ARTICLE);
    const [s1] = sentences();
    let since = lsp.notifications.length;
    const item = await tag(s1, 'cooperation');
    await waitFor('tagsChanged after tagging', () => tagsChangedSince(since));
    since = lsp.notifications.length;
    await lsp.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: item.range, text: '' }] });
    await waitFor('tagsChanged after the deletion', () => tagsChangedSince(since));
    return { s1, item };
  };

  beforeEach(async () => {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root);
    await waitFor('indexing', () => lsp.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    uri = lsp.uri(ARTICLE);
  });
  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  it('follows edits in the editor at once, keeps typed text outside the tag, and stores the new place on save', async () => {
    await lsp.open(ARTICLE);
    const [s1] = sentences();
    const item = await tag(s1, 'cooperation');
    const change = async (version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
      await lsp.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    };
    // A line inserted above.
    await change(2, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'UPDATE: a correction.\n');
    let now = await waitFor('the tag to move down', async () => (await list()).find((t) => t.id === item.id && t.range!.start.line === item.range!.start.line + 1));
    assert.equal(now.status, 'anchored');
    // Text typed just before the tag stays outside it.
    await change(3, { start: now.range!.start, end: now.range!.start }, 'NB ');
    now = await waitFor('the tag to shift right', async () => (await list()).find((t) => t.id === item.id && t.range!.start.character === item.range!.start.character + 3));
    assert.equal(now.range!.end.character - now.range!.start.character, item.range!.end.character - item.range!.start.character);
    // Nothing stored yet; on save the new place is written.
    assert.equal(parse(await fs.readFile(path.join(root, SIDECAR), 'utf8')).tags[0].start, text.indexOf(s1));
    await lsp.client.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const stored = await waitFor('the new offsets on disk', async () => {
      const t = parse(await fs.readFile(path.join(root, SIDECAR), 'utf8')).tags[0];
      return t.start === text.indexOf(s1) + 'UPDATE: a correction.\n'.length + 3 ? t : undefined;
    });
    assert.equal(stored.quote, s1);
    assert.ok(stored.updated);
  });

  it('keeps tags when the editor replaces a whole region around them (an open article reloaded from disk)', async () => {
    await lsp.open(ARTICLE);
    const [s1, s2] = sentences();
    const a = await tag(s1, 'one');
    const b = await tag(s2, 'two');
    // One edit from the top to the end, as VS Code sends when the file changed on disk: a line added above.
    const lines = text.split('\n');
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: last }, text: `Updated.\n${text}` }],
    });
    const after = await waitFor('both tags found again', async () => {
      const tags = await list();
      const found = tags.filter((t) => (t.id === a.id || t.id === b.id) && t.range && t.status !== 'orphaned');
      return found.length === 2 ? tags : undefined;
    });
    assert.equal(after.find((t) => t.id === a.id)!.range!.start.line, a.range!.start.line + 1);
    // Closing the article: clients hear that its tags are anchored against the text on disk again.
    const since = lsp.notifications.length;
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('tagsChanged on close', () => lsp.notifications.slice(since).some((n) => n.method === 'corpusAnnotator/tagsChanged'));
  });

  it('tells clients at once when an edit orphans a tag and when an undo brings its passage back', async () => {
    const { s1, item } = await tagThenDelete();
    assert.equal((await list()).find((t) => t.id === item.id)?.status, 'orphaned');
    // Ctrl+Z: the same text typed back where it was.
    let since = lsp.notifications.length;
    await lsp.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: item.range!.start, end: item.range!.start }, text: s1 }] });
    await waitFor('tagsChanged after the undo', () => tagsChangedSince(since));
    const back = (await list()).find((t) => t.id === item.id)!;
    assert.equal(back.status, 'anchored');
    assert.deepEqual(back.range, item.range);
    // Reloaded from disk without the sentence (one change over the whole text, as VS Code sends it).
    since = lsp.notifications.length;
    const lines = text.split('\n');
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    await lsp.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: last }, text: text.replace(s1, '') }] });
    await waitFor('tagsChanged after the reload', () => tagsChangedSince(since));
    assert.equal((await list()).find((t) => t.id === item.id)?.status, 'orphaned');
  });

  it('closed without saving an edit that orphaned a tag: the closed article’s tags are those of the text on disk', async () => {
    const { item } = await tagThenDelete();
    await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'tag.orphaned'));
    // Closed without saving ("Don't Save"): on disk the sentence is still there, and so is its tag.
    let since = lsp.notifications.length;
    const published = lsp.publishedInOrder.length;
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor('tagsChanged after the close', () => tagsChangedSince(since));
    await waitFor('the tag anchored in the text on disk', async () => (await list()).find((t) => t.id === item.id)?.status === 'anchored');
    // The closed-article feature works out one notice after another: once it has listed an orphan of another article,
    // changed on disk after this close, it is done with this article.
    const other = 'seeds/004_f85d18add8346542.txt';
    const otherText = await fs.readFile(path.join(root, other), 'utf8');
    const [otherSentence] = otherText.split('\n').flatMap((p) => p.match(/[A-Z][^.\n]{60,200}\./)?.[0] ?? []);
    await exec<TagItem>(ServerCommands.addTag, { uri: lsp.uri(other), range: rangeOf(otherText, otherSentence), tag: 'marker' });
    await fs.writeFile(path.join(root, other), otherText.replace(otherSentence, ''));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri(other), type: 2 }] });
    await lsp.waitForDiagnostics(lsp.uri(other), (d) => d.some((x) => x.code === 'tag.orphaned'));
    const after = lsp.publishedInOrder.slice(published).filter((p) => p.uri === uri);
    assert.ok(after.every((p) => p.diagnostics.length === 0), JSON.stringify(after.map((p) => p.diagnostics.map((d) => d.code))));
  });

  it('a closed article’s orphan is listed while its passage is gone on disk, and taken off once it is back', async () => {
    const [s1] = sentences();
    await tag(s1, 'cooperation');
    await list(); // a round trip: what the tagging sent has come
    const changeOnDisk = async (content: string) => {
      await fs.writeFile(path.join(root, ARTICLE), content);
      await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    };
    await changeOnDisk(text.replace(s1, ''));
    const orphaned = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'tag.orphaned'));
    assert.deepEqual(orphaned.map((d) => d.code), ['tag.orphaned']);
    await changeOnDisk(text); // `git checkout` of the article: the passage is back
    await lsp.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('after changes elsewhere: moved, fuzzy, and orphaned with a suggestion, never attached to the caption', async () => {
    const [s1, s2, s3] = sentences();
    const moved = await tag(s1, 'moved');
    const fuzzy = await tag(s2, 'fuzzy');
    const orphan = await tag(s3, 'orphan');
    // Another editor: a line above, s2 reworded a little, s3's paragraph deleted but its words kept in a caption.
    const words = s2.split(' ');
    words[2] = `${words[2]}s`;
    words[words.length - 2] = 'notably';
    let edited = `Updated on Monday.\n\n${text.replace(s2, words.join(' '))}`;
    const pStart = edited.lastIndexOf('\n', edited.indexOf(s3)) + 1;
    const pEnd = edited.indexOf('\n', edited.indexOf(s3) + s3.length);
    edited = `${edited.slice(0, pStart)}${edited.slice(pEnd + 1)}\nPhoto: ${s3} (VNA)\n`;
    await list(); // a round trip: what the tagging sent has come
    const since = lsp.notifications.length;
    await fs.writeFile(path.join(root, ARTICLE), edited);
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    // Clients are told to draw this article's tags again (the Tags tree, the highlights), though no tag file changed.
    await waitFor('tagsChanged for the article changed on disk', () =>
      lsp.notifications.slice(since).some((n) => n.method === Notifications.tagsChanged.method && (n.params as TagsChangedParams).uris.includes(uri)),
    );
    const byId = await waitFor('re-anchored tags', async () => {
      const tags = await list();
      const m = new Map(tags.map((t) => [t.id, t]));
      return m.get(moved.id)?.status === 'moved' ? m : undefined;
    });
    assert.equal(byId.get(fuzzy.id)!.status, 'fuzzy');
    assert.ok(byId.get(fuzzy.id)!.confidence! > 0.75);
    const o = byId.get(orphan.id)!;
    assert.equal(o.status, 'orphaned');
    assert.equal(o.range, undefined, 'not attached to the caption');
    assert.ok(o.suggestion, 'the caption is suggested');

    // Closed, the article's tags that need the analyst are in the Problems panel already, and nothing else of it.
    const closed = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'tag.orphaned'));
    assert.deepEqual(closed.map((d) => d.code).sort(), ['tag.fuzzy', 'tag.orphaned']);

    // Open it: its own diagnostics, one per tag that needs the analyst among them, with quick fixes.
    text = edited;
    await lsp.open(ARTICLE);
    const diagnostics = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'tag.orphaned') && d.some((x) => !String(x.code).startsWith('tag.')));
    // The moved tag is no diagnostic, but its hover says it was found again.
    const movedRange = byId.get(moved.id)!.range!;
    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: movedRange.start })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*Tag\*\* `moved`[^]*Found again after the article changed/);
    const tagDiagnostics = diagnostics.filter((d) => String(d.code).startsWith('tag.'));
    assert.deepEqual(tagDiagnostics.map((d) => d.code).sort(), ['tag.fuzzy', 'tag.orphaned']);
    const orphanDiagnostic = tagDiagnostics.find((d) => d.code === 'tag.orphaned') as Diagnostic;
    const actions = (await lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: orphanDiagnostic.range,
      context: { diagnostics: [orphanDiagnostic] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [`Attach tag “orphan” to the suggested passage (line ${o.suggestion!.start.line + 1})`, 'Remove tag “orphan”']);
    await exec(actions[0].command!.command, actions[0].command!.arguments![0]);
    const accepted = await waitFor('the suggestion accepted', async () => (await list()).find((t) => t.id === orphan.id && t.status === 'anchored'));
    assert.deepEqual(accepted.range, o.suggestion);
    await lsp.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'tag.orphaned'));

    // Closed again: the fuzzy tag, still to be seen to, stays in the Problems panel.
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const left = await lsp.waitForDiagnostics(uri, (d) => d.length > 0 && d.every((x) => String(x.code).startsWith('tag.')));
    assert.deepEqual(left.map((d) => d.code), ['tag.fuzzy']);
  });

  it('two copies of a passage each tagged, one deleted elsewhere: both orphans offered the copy left; accepting both keeps one tag', async () => {
    // Seed 000 prints its lead twice (`KPL Over…`, then `(KPL) Over…`).
    const lead = 'seeds/000_87a1712161fb5682.txt';
    const leadUri = lsp.uri(lead);
    const body = await fs.readFile(path.join(root, lead), 'utf8');
    const phrase = 'Over the past five years, the National Defense and Security Central Commission';
    const at = (o: number) => ({ line: body.slice(0, o).split('\n').length - 1, character: o - body.lastIndexOf('\n', o - 1) - 1 });
    const tagAt = (o: number, note: string) =>
      exec<TagItem>(ServerCommands.addTag, { uri: leadUri, range: { start: at(o), end: at(o + phrase.length) }, tag: 'phrase', note });
    const first = await tagAt(body.indexOf(phrase), 'on the first lead');
    const second = await tagAt(body.indexOf(phrase, body.indexOf(phrase) + 1), 'on the copy');
    const firstLead = body.split('\n').find((l) => l.startsWith('KPL Over'))!;
    await fs.writeFile(path.join(root, lead), body.replace(`${firstLead}\n\n`, ''));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: leadUri, type: 2 }] });
    const listOf = async () => ((await lsp.client.sendRequest(Requests.listTags.method, { uri: leadUri })) as ListTagsResult).tags;
    const tags = await waitFor('both re-anchored', async () => {
      const now = await listOf();
      return now.length === 2 && now.every((t) => t.status === 'orphaned') ? now : undefined;
    });
    const [a, b] = [first.id, second.id].map((id) => tags.find((t) => t.id === id)!);
    assert.deepEqual(a.suggestion, b.suggestion, 'the copy left is offered to both; neither note is carried there silently');
    await exec<TagItem>(ServerCommands.reanchorTag, { uri: leadUri, id: b.id, range: b.suggestion });
    // The other has another note: refused, with a reason, nothing written.
    const refused = await exec<TagItem>(ServerCommands.reanchorTag, { uri: leadUri, id: a.id, range: a.suggestion }).then(() => undefined, (e: Error) => e.message);
    assert.match(String(refused), /already tags that passage, with another note/);
    // Without a note of its own, it is the tag already there: one tag, no duplicate.
    await exec<TagItem>(ServerCommands.editNote, { uri: leadUri, id: a.id, note: '' });
    const kept = await exec<TagItem>(ServerCommands.reanchorTag, { uri: leadUri, id: a.id, range: a.suggestion });
    assert.equal(kept.id, b.id);
    const stored = parse(await fs.readFile(path.join(root, 'annotations/seeds/000_87a1712161fb5682.yaml'), 'utf8'));
    assert.deepEqual(stored.tags.map((t: { id: string; note?: string }) => [t.id, t.note]), [[b.id, 'on the copy']]);
  });

  it('attaching a tag where another analyst has the same tag keeps both analysts’ records', async () => {
    const [s1, s2] = sentences();
    const ana = await tag(s1, 'cooperation');
    const ben = await tag(s2, 'cooperation');
    // The two records are two analysts' (as after a merge of their branches).
    const file = path.join(root, SIDECAR);
    const sidecar = parse(await fs.readFile(file, 'utf8'));
    for (const t of sidecar.tags) t.author = t.id === ana.id ? 'ana' : 'ben';
    await fs.writeFile(file, stringify(sidecar));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri(SIDECAR), type: 2 }] });
    await waitFor('the authors read', async () => (await list()).some((t) => t.id === ben.id && t.author === 'ben'));
    // Ben attaches his tag to the passage Ana tagged: his record moves there, hers stays.
    const moved = await exec<TagItem>(ServerCommands.reanchorTag, { uri, id: ben.id, range: ana.range });
    assert.equal(moved.id, ben.id);
    const stored = parse(await fs.readFile(file, 'utf8')).tags as { id: string; author?: string; quote: string }[];
    assert.deepEqual(stored.map((t) => [t.id, t.author, t.quote]).sort(), [[ana.id, 'ana', s1], [ben.id, 'ben', s1]].sort());
  });

  it('does not duplicate a tag added twice, and edits its note', async () => {
    const [s1] = sentences();
    const first = await tag(s1, 'cooperation');
    const again = await tag(s1, 'cooperation');
    assert.equal(again.id, first.id);
    const noted = await exec<TagItem>(ServerCommands.editNote, { uri, id: first.id, note: 'praise for the partnership' });
    assert.equal(noted.note, 'praise for the partnership');
    const stored = parse(await fs.readFile(path.join(root, SIDECAR), 'utf8'));
    assert.equal(stored.tags.length, 1);
    assert.equal(stored.tags[0].note, 'praise for the partnership');
    const cleared = await exec<TagItem>(ServerCommands.editNote, { uri, id: first.id, note: '' });
    assert.equal(cleared.note, undefined);
  });
  it('tags every occurrence in the article or the corpus, renames and merges across sidecars, and undoes', async () => {
    const word = 'Vietnam';
    const occurrences = text.split(word).length - 1;
    assert.ok(occurrences >= 2);
    const r = await exec<{ added: number; articles: number }>(ServerCommands.tagOccurrences, { uri, range: rangeOf(text, word), tag: 'country' });
    assert.deepEqual(r, { added: occurrences, articles: 1 });
    const again = await exec<{ added: number }>(ServerCommands.tagOccurrences, { uri, range: rangeOf(text, word), tag: 'country' });
    assert.equal(again.added, 0, 'no duplicates');
    const corpus = await exec<{ added: number; articles: number }>(ServerCommands.tagOccurrences, { uri, range: rangeOf(text, word), tag: 'country', scope: 'corpus' });
    assert.ok(corpus.articles >= 2, 'other articles tagged too');

    // A taxonomy with a comment; rename `country` into `place/country`, then merge `place` into `geo`.
    await fs.writeFile(path.join(root, 'annotations/tags.yaml'), '# team tags\nversion: 1\ntags:\n  - name: country # nations\n    color: "#22863a"\n');
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('annotations/tags.yaml'), type: 1 }] });
    await waitFor('the taxonomy', async () => ((await lsp.client.sendRequest('corpusAnnotator/taxonomy', {})) as { tags: { name: string }[] }).tags.length === 1);
    const renamed = await exec<{ tags: number; articles: number; skipped: string[] }>(ServerCommands.renameTag, { from: 'country', to: 'place/country' });
    assert.equal(renamed.tags, occurrences + corpus.added);
    assert.deepEqual(renamed.skipped, []);
    const taxonomyText = await fs.readFile(path.join(root, 'annotations/tags.yaml'), 'utf8');
    assert.match(taxonomyText, /name: place\/country # nations/);
    assert.match(taxonomyText, /# team tags/);
    const labels = new Set((await list()).map((t) => t.tag));
    assert.deepEqual([...labels], ['place/country']);

    // Merge: tag one passage `geo`, rename `place/country` into it.
    const [s1] = sentences();
    await tag(s1, 'geo');
    const merged = await exec<{ tags: number }>(ServerCommands.renameTag, { from: 'place/country', to: 'geo' });
    assert.equal(merged.tags, occurrences + corpus.added);
    assert.deepEqual([...new Set((await list()).map((t) => t.tag))], ['geo']);

    // Undo takes back the merge, the tag, then the rename (the taxonomy entry, with its comments, under its old name again).
    const unmerged = await exec<{ undone: string }>(ServerCommands.undoTag, undefined);
    assert.match(unmerged.undone, /renaming “place\/country” to “geo”/);
    const afterUnmerge = await list();
    assert.equal(afterUnmerge.filter((t) => t.tag === 'geo').length, 1, 'the passage tagged geo before the merge keeps it');
    assert.equal(afterUnmerge.filter((t) => t.tag === 'place/country').length, occurrences);
    const undoTagGeo = await exec<{ undone: string }>(ServerCommands.undoTag, undefined);
    assert.match(undoTagGeo.undone, /added tag “geo”/);
    const unrenamed = await exec<{ undone: string }>(ServerCommands.undoTag, undefined);
    assert.match(unrenamed.undone, /renaming “country” to “place\/country”/);
    assert.equal((await list()).filter((t) => t.tag === 'country').length, occurrences);
    const restoredTaxonomy = await fs.readFile(path.join(root, 'annotations/tags.yaml'), 'utf8');
    assert.match(restoredTaxonomy, /name: country # nations/);
    assert.match(restoredTaxonomy, /# team tags/);
    assert.doesNotMatch(restoredTaxonomy, /place\/country/);

    // Next comes the corpus-wide tagging before the rename.
    const undone = await exec<{ undone: string }>(ServerCommands.undoTag, undefined);
    assert.match(undone.undone, /tagged \d+ occurrences as “country”/);
    const left = await waitFor('the corpus-wide tags removed', async () => {
      const all = ((await lsp.client.sendRequest(Requests.listTags.method, {})) as ListTagsResult).tags;
      return all.every((t) => t.uri === uri) ? all : undefined;
    });
    assert.equal(left.length, occurrences);
  });

  it('records who tagged', async () => {
    lsp.dispose();
    lsp = await startLspHarness(root, { author: 'Anna Analyst' });
    await waitFor('indexing', () => lsp.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const [s1] = sentences();
    const item = await tag(s1, 'cooperation');
    assert.equal(item.author, 'Anna Analyst');
    assert.equal(parse(await fs.readFile(path.join(root, SIDECAR), 'utf8')).tags[0].author, 'Anna Analyst');
  });
});

describe('a tagged article that is a symbolic link to itself', function () {
  this.timeout(60000);
  let root: string;
  let lsp: LspHarness | undefined;
  afterEach(async () => {
    lsp?.dispose();
    await removeTempWorkspace(root);
  });

  it('leaves the folder opening, and the other articles’ tags listed; its sidecar is said not to be shown', async () => {
    root = await makeTempWorkspace();
    // A sidecar as the server writes it: one tag, added by command.
    const first = await startLspHarness(root);
    await waitFor('indexing', () => first.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    const sentence = text.split('\n').flatMap((p) => p.match(/[A-Z][^.\n]{60,200}\./)?.[0] ?? [])[0];
    const start = text.indexOf(sentence);
    const pos = (o: number) => ({ line: text.slice(0, o).split('\n').length - 1, character: o - (text.lastIndexOf('\n', o - 1) + 1) });
    await first.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.addTag,
      arguments: [{ uri: first.uri(ARTICLE), range: { start: pos(start), end: pos(start + sentence.length) }, tag: 'cooperation' }],
    });
    const sidecar = await waitFor('the sidecar', async () => fs.readFile(path.join(root, SIDECAR), 'utf8').catch(() => undefined));
    first.dispose();
    // Its passage gone from the article; a tagged "article" that does not resolve (a link to itself: ELOOP).
    await fs.writeFile(path.join(root, ARTICLE), text.replace(sentence, ''));
    await fs.symlink('000_loop.txt', path.join(root, 'seeds', '000_loop.txt'));
    await fs.writeFile(path.join(root, 'annotations/seeds/000_loop.yaml'), sidecar.split('003_0e5bd4099b662286').join('000_loop'));
    lsp = await startLspHarness(root);
    await waitFor('indexing', () => lsp!.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const orphaned = await lsp.waitForDiagnostics(lsp.uri(ARTICLE), (d) => d.some((x) => x.code === 'tag.orphaned'));
    assert.deepEqual(orphaned.map((d) => d.code), ['tag.orphaned']);
    const problem = await lsp.waitForDiagnostics(lsp.uri('annotations/seeds/000_loop.yaml'));
    assert.match(String(problem[0].message), /outside the workspace folder; its tags are not shown/);
    assert.equal(await fs.readFile(path.join(root, 'annotations/seeds/000_loop.yaml'), 'utf8'), sidecar.split('003_0e5bd4099b662286').join('000_loop'));
  });
});
