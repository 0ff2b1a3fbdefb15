import * as assert from 'assert';
import { LineCase } from '../../../server/src/core/entities/tokenize';
import { markupDocument, parseMarkup } from '../../../server/src/training/markup';
import { DOMAIN_TRAINING_PASSAGES } from '../../../server/src/training/data/domainTraining';

describe('training markup (the domain passages the NER model is trained on)', () => {
  it('reads the text and the gold character spans', () => {
    const { text, gold } = parseMarkup('[[VIENTIANE|LOC]] ([[KPL|ORG]]) -- Colonel [[Bounthavy Keomany|PER]] spoke.');
    assert.strictEqual(text, 'VIENTIANE (KPL) -- Colonel Bounthavy Keomany spoke.');
    assert.deepStrictEqual(
      gold.map((g) => [text.slice(g.start, g.end), g.type]),
      [
        ['VIENTIANE', 'LOC'],
        ['KPL', 'ORG'],
        ['Bounthavy Keomany', 'PER'],
      ],
    );
  });

  it("labels the recogniser's own tokens and sentences in IOB2", () => {
    const doc = markupDocument('The [[Ministry of National Defence|ORG]] met [[Lao|MISC]] officers. [[Hun Manet|PER]] spoke in [[Phnom Penh|LOC]].');
    assert.ok(doc);
    assert.strictEqual(doc.length, 2);
    assert.deepStrictEqual(doc[0].words, ['The', 'Ministry', 'of', 'National', 'Defence', 'met', 'Lao', 'officers', '.']);
    assert.deepStrictEqual(doc[0].tags, ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-MISC', 'O', 'O']);
    assert.deepStrictEqual(doc[1].tags, ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
    assert.ok(doc.every((s) => s.labels.every((l) => l >= 0)));
  });

  it('keeps the line casing the recogniser sees (a headline in capitals)', () => {
    const doc = markupDocument('[[LAOS|LOC]] AND [[CAMBODIA|LOC]] SIGN BORDER SECURITY PACT');
    assert.ok(doc);
    assert.strictEqual(doc[0].lineCase, LineCase.AllCaps);
    assert.deepStrictEqual(doc[0].tags, ['B-LOC', 'O', 'B-LOC', 'O', 'O', 'O', 'O']);
  });

  it('gives no document for a name that is part of a token (it cannot be learnt as marked)', () => {
    assert.strictEqual(markupDocument('[[Yangon|LOC]]-based traders'), undefined);
    assert.ok(markupDocument('[[Yangon|LOC]] traders'));
  });

  it('reads nearly every passage of the training sets', () => {
    const passages = DOMAIN_TRAINING_PASSAGES;
    const docs = passages.map(markupDocument).filter((d) => d !== undefined);
    assert.ok(docs.length >= passages.length - 6, `${docs.length} of ${passages.length}`);
  });
});
