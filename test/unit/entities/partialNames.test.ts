import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import type { RecognizedEntity } from '../../../server/src/core/types';

/**
 * A surname spelt one letter off (`Lakhamfong`) joins the one full name of its article with that surname, and one
 * that two full names could be stays apart: the same whether the article has fewer surnames met alone than name words
 * (their variants are indexed and looked up by the names') or more (the names' variants are indexed).
 */
describe('partial names spelt one letter off', () => {
  /** `count` distinct filler words of 8 letters that start with `x`: no target's spelling is one edit from them. */
  const fillers = (count: number, salt: string): string[] =>
    Array.from({ length: count }, (_, i) => `X${salt}${(i + 1000).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]).padStart(6, 'q')}`.slice(0, 8));

  function article(fullNames: string[], alone: string[]): RecognizedEntity[] {
    const out: RecognizedEntity[] = [];
    let at = 0;
    for (const text of [...fullNames, ...alone]) {
      out.push({ start: at, end: at + text.length, text, type: 'PERSON' });
      at += text.length + 2;
    }
    return out;
  }

  function check(extraNames: number, extraAlone: number): void {
    const names = ['Vilay Lakhamphong', 'Bounmy Keomany', 'Khamla Keomani', ...fillers(extraNames, 'n').map((w, i) => `${w} ${fillers(extraNames, 'm')[i]}`)];
    const alone = ['Lakhamfong', 'Keomanh', ...fillers(extraAlone, 'a')];
    const c = clusterEntities([{ uri: 'a.txt', entities: article(names, alone) }]);
    const id = (text: string) => c.mentionsOf('a.txt').find((m) => m.text === text)!.entityId;
    assert.equal(id('Lakhamfong'), id('Vilay Lakhamphong'), `${extraNames} names, ${extraAlone} alone`);
    // `Keomanh` is one letter from both `Keomany` and `Keomani`: it joins neither.
    assert.notEqual(id('Keomanh'), id('Bounmy Keomany'));
    assert.notEqual(id('Keomanh'), id('Khamla Keomani'));
    assert.notEqual(id('Bounmy Keomany'), id('Khamla Keomani'));
  }

  it('with fewer surnames alone than name words', () => check(40, 0));
  it('with more surnames alone than name words', () => check(0, 60));
  it('with both many', () => check(50, 200));
});
