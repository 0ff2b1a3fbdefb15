import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { findingFor, kindsByLine, lines, para } from './helpers';

function single(text: string): Record<number, string> {
  const index = createBoilerplateIndex();
  index.update('a.txt', text);
  return kindsByLine(text, index.findings('a.txt'));
}

describe('boilerplate: page furniture in a single article', () => {
  it('flags header, menu, byline, timestamp, counters, share widgets, tags and copyright', () => {
    const text = lines(
      'MEKONG DAILY NEWS', 'Home | World | Politics | Sport', 'Sign in', 'Politics',
      'Ministers agree new plan for border patrols along the river',
      'By Jane Doe and Somchai Phan', 'Updated: Jun 30, 2021 10:05 AM', '5 min read', '1,204 views',
      para('alpha'), para('beta'), para('gamma'),
      'Share this article', 'Facebook Twitter Email', 'Comments (12)', 'Tags: Laos, Vietnam, defence',
      '© 2024 Mekong Daily. All rights reserved.', 'Back to top',
    );
    const k = single(text);
    assert.deepEqual(k, {
      1: 'chrome', 2: 'chrome', 3: 'chrome', 4: 'chrome', 6: 'chrome', 7: 'chrome', 8: 'chrome', 9: 'chrome',
      13: 'chrome', 14: 'chrome', 15: 'chrome', 16: 'chrome', 17: 'chrome', 18: 'chrome',
    });
  });

  it('flags a block of other headlines with teasers after a list label, naming the label', () => {
    const text = lines(
      'Main headline of the article about the talks', para('alpha'), para('beta'),
      'Most read', 'Another headline about something else', para('teaser-one', 1),
      'Third story headline in the list', para('teaser-two', 1),
    );
    const index = createBoilerplateIndex();
    index.update('a.txt', text);
    const f = index.findings('a.txt');
    assert.deepEqual(kindsByLine(text, f), { 4: 'chrome', 5: 'chrome', 6: 'chrome', 7: 'chrome', 8: 'chrome' });
    assert.match(findingFor(f, 'Another headline about something else')!.reason, /after 'Most read'/);
  });

  it('gives back to the article a heading after a list label when its text resumes', () => {
    const text = lines('Main headline of the article about the talks', para('alpha'), 'Read more', 'Defence ties', para('beta'), para('gamma'));
    assert.deepEqual(single(text), { 3: 'chrome' });
  });

  it('flags photo captions with credits and a trailing block that follows furniture', () => {
    const text = lines(
      'Main headline of the article about the talks',
      'The minister greets the delegation at the airport. Photo: VNA',
      para('alpha'), para('beta'),
      'Share it', 'Exclusive: Beyond the week in pictures',
    );
    assert.deepEqual(single(text), { 2: 'chrome', 5: 'chrome', 6: 'chrome' });
  });

  it('does not flag headlines, body section headings, sports results, table rows or short sentences', () => {
    const text = lines(
      'Defence ministers meet in Vientiane',
      para('alpha'),
      'Defence ties',
      para('beta'),
      'Results',
      'Arsenal 2 Chelsea 1',
      'Lao Toyota 0 Young Elephants 3',
      para('gamma'),
      'Province | Cases | Share',
      'Vientiane | 1,204 | 12.5%',
      'Champasak | 845 | 8.1%',
      para('delta'),
      'Leadership within the Ministry',
      para('epsilon'),
      'He said.',
    );
    assert.deepEqual(single(text), {});
  });

  it('does not take prose that mentions photos, shares or credit for furniture', () => {
    const text = lines(
      'Headline about the bank and its share price',
      'The bank said its share of the market grew, and credit by the central bank eased, according to photos seen by reporters.',
      'Investors like the new policy, and many will share the view that the top priority is growth.',
    );
    assert.deepEqual(single(text), {});
  });
});

describe('boilerplate: page furniture from the corpus', () => {
  it('flags a site label that recurs above the body in several articles, not the headlines', () => {
    const index = createBoilerplateIndex();
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const headline = ['Rice harvest beats forecasts in the south', 'New bridge opens to traffic after delays',
        'Teachers call for higher pay in rural schools', 'Court hears appeal over mining licence'][i];
      const t = lines('Kaphone Evening Courier', headline, para(`p${i}`), para(`q${i}`), 'Nouvelles du soir');
      texts.push(t);
      index.update(`d${i}.txt`, t);
    }
    for (let i = 0; i < 4; i++) {
      assert.deepEqual(kindsByLine(texts[i], index.findings(`d${i}.txt`)), { 1: 'chrome', 5: 'chrome' }, `doc ${i}`);
    }
  });

  it('flags a line that repeats another article\'s headline, and the teaser under it', () => {
    const index = createBoilerplateIndex();
    const a = lines('Floods close the northern highway again', para('flood'), para('road'));
    const b = lines('Ministers sign the new border agreement', para('sign'), para('treaty'),
      'Floods close the northern highway again', para('flood'));
    index.update('a.txt', a);
    index.update('b.txt', b);
    const fb = index.findings('b.txt');
    assert.deepEqual(kindsByLine(b, fb), { 4: 'chrome', 5: 'chrome' });
    assert.equal(findingFor(fb, 'Floods close the northern highway again')!.reason, 'headline of another article');
    // The other article's own headline and lead are its text, not copies.
    assert.deepEqual(kindsByLine(a, index.findings('a.txt')), {});
  });

  it('keeps a body heading that recurs in the bodies of many articles', () => {
    const index = createBoilerplateIndex();
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = lines(['Budget vote delayed', 'Flood waters recede', 'Coffee prices climb', 'Rail link on track',
        'Clinic opens doors', 'Port expansion approved'][i], para(`a${i}`), 'Background', para(`b${i}`));
      texts.push(t);
      index.update(`d${i}.txt`, t);
    }
    for (let i = 0; i < 6; i++) assert.deepEqual(kindsByLine(texts[i], index.findings(`d${i}.txt`)), {});
  });
});
