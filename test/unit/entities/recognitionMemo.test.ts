/**
 * An article being edited is recognised again from what its last version's sentences gave (recognitionMemo.ts), and
 * its boilerplate summary made from its last version's passage keys (summary.ts): the results must be those of a fresh
 * analysis, whatever the edits. Random edits (fast-check): characters, words,
 * sentences, paragraphs inserted, deleted or replaced at the start, middle or end of the seeds and of a 100 KB
 * generated article, with text taken from elsewhere in the article (names then appear earlier or later, which changes
 * what the tagger remembers of them and the document's cues), case flips, headings made of its words and its words
 * in lower case.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createEntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { RecognitionMemo, RecognitionPass, type SentenceResult } from '../../../server/src/core/entities/recognitionMemo';
import { sentenceHash, sentenceIdentity } from '../../../server/src/core/entities/sentenceIdentity';
import { segment, type LineTokens } from '../../../server/src/core/entities/tokenize';
import { PassageKeyMemo, summarizeBoilerplate } from '../../../server/src/core/boilerplate/summary';
import { createCorpusService, NEVER_CANCELLED, CancelledError, type CancellationToken } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';
import { runToEnd } from '../../../server/src/core/slices';

const model = loadNerModel();
const SEEDS = path.join(__dirname, '../../../seeds');
const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
/** As the server bench's long article: 100 KB of generated articles one after the other. */
const long = generateCorpus({ articles: 30, seed: 11 }).map((d) => d.text).join('\n\n').slice(0, 100_000);

type Unit = 'char' | 'word' | 'sentence' | 'paragraph';
interface Edit {
  /** `heading`: a line of the taken words capitalised, without punctuation; `lower`: the taken words in lower case. */
  readonly op: 'insert' | 'delete' | 'replace' | 'flip-case' | 'heading' | 'lower';
  readonly unit: Unit;
  /** Where: 0 the start, 1 the end; with `from`, where the inserted text is taken from. */
  readonly at: number;
  readonly from: number;
  readonly char: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'flip-case', 'heading', 'lower'),
  unit: fc.constantFrom<Unit>('char', 'word', 'sentence', 'paragraph'),
  at: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  char: fc.constantFrom('x', 'X', '.', ' ', '\n', 'A', 'é', ',', "'", 'Đ', '-', '1'),
});

/** The extent of the unit around `at`: a character, a word, a sentence (to a full stop) or a paragraph (to a line break). */
function unitAt(text: string, at: number, unit: Unit): [number, number] {
  if (unit === 'char') return [at, Math.min(text.length, at + 1)];
  const stop = unit === 'word' ? /\s/ : unit === 'sentence' ? /[.\n]/ : /\n/;
  let start = at;
  while (start > 0 && !stop.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !stop.test(text[end])) end++;
  return [start, Math.min(text.length, end + 1)];
}

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  const [start, end] = unitAt(text, at, e.unit);
  const [fromStart, fromEnd] = unitAt(text, Math.floor(e.from * text.length), e.unit);
  const taken = e.unit === 'char' ? e.char : text.slice(fromStart, fromEnd);
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + taken + text.slice(at);
    case 'delete':
      return text.slice(0, start) + text.slice(end);
    case 'replace':
      return text.slice(0, start) + taken + text.slice(end);
    case 'heading': {
      const words = taken.split(/[^\p{L}]+/u).filter(Boolean).slice(0, 5).map((w) => w[0].toUpperCase() + w.slice(1));
      return text.slice(0, start) + `\n${words.join(' ')}\n` + text.slice(start);
    }
    case 'lower':
      return text.slice(0, at) + ` ${taken.toLowerCase()} ` + text.slice(at);
    case 'flip-case': {
      const part = text.slice(start, end);
      const flipped = part === part.toLowerCase() ? part.toUpperCase() : part.toLowerCase();
      return text.slice(0, start) + flipped + text.slice(end);
    }
  }
}

describe('recognition of an edited article from its last version (RecognitionMemo)', function () {
  this.timeout(120_000);
  const fresh = createEntityRecognizer(model);
  const incremental = createEntityRecognizer(model);

  const sameAfterEdits = (start: string, edits: readonly Edit[]): void => {
    const memo = new RecognitionMemo();
    let text = start;
    assert.deepStrictEqual(incremental.recognize(text, undefined, memo), fresh.recognize(text));
    for (const e of edits) {
      text = apply(text, e);
      assert.deepStrictEqual(incremental.recognize(text, undefined, memo), fresh.recognize(text), `after ${JSON.stringify(e)}`);
    }
  };

  it('equals a fresh recognition after random edits of the seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (k, edits) => sameAfterEdits(seeds[k], edits)),
      { numRuns: 60, seed: 13 },
    );
  });

  it('equals a fresh recognition after random edits of a 100 KB article', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => sameAfterEdits(long, edits)),
      { numRuns: 6, seed: 13 },
    );
  });

  it('reuses the sentences an edit left as they were (typing at the start of the third line)', () => {
    const memo = new RecognitionMemo();
    let text = long;
    incremental.recognize(text, undefined, memo);
    const sentences = memo.size;
    for (let i = 0; i < 3; i++) {
      const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
      text = text.slice(0, at) + 'x' + text.slice(at);
      assert.deepStrictEqual(incremental.recognize(text, undefined, memo), fresh.recognize(text));
    }
    assert.equal(memo.size, sentences, 'the memo holds the last version\'s sentences only');
  });

  it('runs the rules again on a sentence whose words a new heading names (a test the rules made answers otherwise)', () => {
    // `Zorblat Quenix` is a name while its words, seen in lower case, are in no heading; a heading added after it
    // (a title-case line: no cue) changes neither its words' cues nor what the tagger remembered before it.
    const memo = new RecognitionMemo();
    const text = 'Officials met the Zorblat Quenix delegation in Hanoi on Monday.\nThe zorblat and the quenix were discussed at length.\n';
    assert.ok(incremental.recognize(text, undefined, memo).some((e) => e.text === 'Zorblat Quenix'));
    const edited = text + 'Zorblat Quenix Annual Review Notes\n';
    const names = incremental.recognize(edited, undefined, memo);
    assert.deepStrictEqual(names, fresh.recognize(edited));
    assert.ok(!names.some((e) => e.text === 'Zorblat Quenix'));
  });

  it('is left as it was by a cancelled pass, and the next pass still equals a fresh one', () => {
    const memo = new RecognitionMemo();
    incremental.recognize(long, undefined, memo);
    const held = memo.size;
    let checks = 0;
    const cancelLater: CancellationToken = { get isCancellationRequested() { return ++checks > 4; } };
    const edited = 'Vientiane. ' + long.slice(0, 50_000).replace(/\. /g, '.\n') + long.slice(50_000);
    assert.throws(() => incremental.recognize(edited, cancelLater, memo), CancelledError);
    assert.equal(memo.size, held);
    assert.deepStrictEqual(incremental.recognize(edited, undefined, memo), fresh.recognize(edited));
  });
});

describe('a sentence of the last version found again (RecognitionPass.offer)', () => {
  const tokens = (text: string, at: number) => {
    const out: { start: number; end: number; text: string }[] = [];
    for (const m of text.matchAll(/\S+/g)) out.push({ start: at + m.index!, end: at + m.index! + m[0].length, text: m[0] });
    return out;
  };
  const result = (hash: number, text: string, lineCase = 0, heading = false): SentenceResult => ({
    identity: sentenceIdentity(hash, tokens(text, 0), lineCase, heading),
    labels: new Uint8Array(0),
    memoryReads: new Uint8Array(0),
    cues: new Int32Array(0),
    spans: [],
    log: { tests: [], words: [], answers: [] },
  });
  const pass = (previous: Map<number, SentenceResult[]>) => new RecognitionPass(previous, new Map(), () => undefined);

  it('hashes a sentence by its tokens’ texts and places relative to the first, its casing and heading', () => {
    assert.equal(sentenceHash(tokens('General Vilay said', 0), 0, false), sentenceHash(tokens('General Vilay said', 500), 0, false));
    assert.notEqual(sentenceHash(tokens('General Vilay said', 0), 0, false), sentenceHash(tokens('General  Vilay said', 0), 0, false));
    assert.notEqual(sentenceHash(tokens('General Vilay said', 0), 0, false), sentenceHash(tokens('General Vilay said', 0), 1, false));
    assert.notEqual(sentenceHash(tokens('General Vilay said', 0), 0, false), sentenceHash(tokens('General Vilay said', 0), 0, true));
  });

  it('offers only a result of the same sentence, whatever shares its hash', () => {
    const other = result(7, 'Another sentence entirely');
    const same = result(7, 'General Vilay said');
    assert.equal(pass(new Map([[7, [other]]])).offer(7, tokens('General Vilay said', 40), 0, false), undefined, 'another sentence of the same hash');
    assert.equal(pass(new Map([[7, [other, same]]])).offer(7, tokens('General Vilay said', 40), 0, false), same);
    assert.equal(pass(new Map([[7, [same]]])).offer(7, tokens('General Vilay said', 40), 2, false), undefined, 'another casing');
    assert.equal(pass(new Map([[7, [same]]])).offer(7, tokens('General Vilay said', 40), 0, true), undefined, 'a heading');
  });

  it('offers the one result of a sentence the last version had once to each copy of it, and keeps it once', () => {
    const only = result(5, 'Read more');
    let kept: Map<number, SentenceResult[]> | undefined;
    const p = new RecognitionPass(new Map([[5, [only]]]), new Map(), (k) => (kept = k));
    for (const at of [10, 90]) {
      assert.equal(p.offer(5, tokens('Read more', at), 0, false), only);
      p.keep(only);
    }
    p.finish();
    assert.deepEqual(kept?.get(5), [only]);
  });

  it('offers a sentence written several times its results in order, each once', () => {
    const first = result(3, 'Read more');
    const second = result(3, 'Read more');
    const p = pass(new Map([[3, [first, second]]]));
    assert.equal(p.offer(3, tokens('Read more', 10), 0, false), first);
    assert.equal(p.offer(3, tokens('Read more', 90), 0, false), second);
    assert.equal(p.offer(3, tokens('Read more', 150), 0, false), undefined);
  });
});

describe('lines tokenised before (segment with a memo of lines)', () => {
  it('gives the tokens and sentences a fresh segmentation gives, whatever surrounds the lines', () => {
    // Characters the tokeniser looks past a token for: full stops after abbreviations and initials, clitics, digits
    // joined by punctuation, hyphens, quotes; lines met again in other texts, next to other lines.
    const piece = fc.constantFrom('Mr', 'U', 'S', '.', "'s", '’s', "n't", 'don', '12', '3', ',', ':', '/', '-', ' ', ' ', '\n', '\n', 'Vientiane', 'the', 'A', '"', '(', 'Lao', 'PDR', '\r', '\t');
    const texts = fc.array(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(texts, (list) => {
        const lines = new Map<string, LineTokens>();
        const memo = { get: (l: string) => lines.get(l), set: (l: string, t: LineTokens) => void lines.set(l, t) };
        for (const text of [...list, list.join('\n'), list.join('.\n'), [...list].reverse().join('\n')]) {
          assert.deepStrictEqual(segment(text, memo), segment(text));
        }
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});

describe('passage keys of an edited article kept from its last version (PassageKeyMemo)', () => {
  it('gives the boilerplate summary a fresh one gives, after random edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length }), fc.array(edit, { minLength: 1, maxLength: 6 }), (k, edits) => {
        const memo = new PassageKeyMemo();
        let text = k === seeds.length ? long : seeds[k];
        assert.deepStrictEqual(summarizeBoilerplate(text, 40, memo).summary, summarizeBoilerplate(text, 40).summary);
        for (const e of edits) {
          text = apply(text, e);
          assert.deepStrictEqual(summarizeBoilerplate(text, 40, memo).summary, summarizeBoilerplate(text, 40).summary);
        }
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});

describe('the corpus service with an article open for editing (editingStarted)', function () {
  this.timeout(60_000);

  it('analyses an edited article as a service that never saw it open', () => {
    const texts = [...seeds, long];
    const uris = texts.map((_, i) => `a${i}.txt`);
    const editing = createCorpusService({ nerModel: model });
    const plain = createCorpusService({ nerModel: model });
    for (const s of [editing, plain]) texts.forEach((t, i) => s.setDocument(uris[i], t));
    for (const s of [editing, plain]) s.entityClustering(NEVER_CANCELLED);
    const open = uris[uris.length - 1];
    editing.editingStarted(open, NEVER_CANCELLED);
    editing.editingStarted(uris[0], NEVER_CANCELLED);
    const edits: Edit[] = [
      { op: 'insert', unit: 'char', at: 0.001, from: 0, char: 'x' },
      { op: 'replace', unit: 'sentence', at: 0.3, from: 0.9, char: 'x' },
      { op: 'flip-case', unit: 'word', at: 0.5, from: 0, char: 'x' },
      { op: 'delete', unit: 'paragraph', at: 0.7, from: 0, char: 'x' },
    ];
    let text = long;
    for (const e of edits) {
      text = apply(text, e);
      for (const s of [editing, plain]) s.setDocument(open, text);
      assert.deepStrictEqual(editing.analyze(open, undefined, NEVER_CANCELLED), plain.analyze(open, undefined, NEVER_CANCELLED));
      assert.deepStrictEqual(editing.entityClustering(NEVER_CANCELLED, 'fast').mentionsOf(open), plain.entityClustering(NEVER_CANCELLED, 'fast').mentionsOf(open));
    }
    editing.editingEnded(open);
    text = apply(text, edits[0]);
    for (const s of [editing, plain]) s.setDocument(open, text);
    assert.deepStrictEqual(editing.analyze(open, undefined, NEVER_CANCELLED), plain.analyze(open, undefined, NEVER_CANCELLED));
    assert.deepStrictEqual(editing.entityClustering(NEVER_CANCELLED).clusters(), plain.entityClustering(NEVER_CANCELLED).clusters());
  });
});

describe('an article made ready for edits in steps (editingStartedInSlices)', function () {
  this.timeout(60_000);

  it('edited between the steps, or after them, analyses as in a service that never saw it open', () => {
    // Edited before the first step, after the first (the passage keys), after both.
    for (const after of [0, 1, 2]) {
      const texts = [...seeds, long];
      const uris = texts.map((_, i) => `a${i}.txt`);
      const editing = createCorpusService({ nerModel: model });
      const plain = createCorpusService({ nerModel: model });
      for (const s of [editing, plain]) texts.forEach((t, i) => s.setDocument(uris[i], t));
      const open = uris[uris.length - 1];
      const steps = editing.editingStartedInSlices(open, NEVER_CANCELLED);
      for (let i = 0; i < after; i++) steps.next();
      const text = apply(long, { op: 'insert', unit: 'word', at: 0.6, from: 0.2, char: 'x' });
      for (const s of [editing, plain]) s.setDocument(open, text);
      assert.deepStrictEqual(editing.analyze(open, undefined, NEVER_CANCELLED), plain.analyze(open, undefined, NEVER_CANCELLED));
      runToEnd(steps);
      const again = apply(text, { op: 'delete', unit: 'sentence', at: 0.3, from: 0, char: 'x' });
      for (const s of [editing, plain]) s.setDocument(open, again);
      assert.deepStrictEqual(editing.analyze(open, undefined, NEVER_CANCELLED), plain.analyze(open, undefined, NEVER_CANCELLED));
    }
  });
});
