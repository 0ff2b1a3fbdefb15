import * as assert from 'node:assert/strict';
import { caseOfUnit, isInertUnit, isLowerChar, isUpperChar, UNIT_LOWER, UNIT_NEITHER, UNIT_UPPER } from '../../../server/src/core/entities/normalize';

/** The definition of an inert unit (normalize.ts), one unit at a time. */
function inertByDefinition(c: number): boolean {
  const ch = String.fromCharCode(c);
  return (
    (c < 0xd800 || c > 0xdfff) &&
    !/[\u2019\u2018\u02bc\u0060\u00b4]/.test(ch) &&
    ch !== 'đ' &&
    ch !== 'Đ' &&
    !/\p{M}/u.test(ch) &&
    ch.normalize('NFD') === ch &&
    (ch + '\u0334').normalize('NFD') === ch + '\u0334'
  );
}

function caseByDefinition(c: number): number {
  const ch = String.fromCharCode(c);
  return isUpperChar(ch) ? UNIT_UPPER : isLowerChar(ch) ? UNIT_LOWER : UNIT_NEITHER;
}

/** Every UTF-16 code unit, some of them asked out of order first. */
function everyUnit(): number[] {
  const units: number[] = [];
  for (let c = 0xffff; c >= 0; c -= 97) units.push(c);
  for (let c = 0; c <= 0xffff; c++) units.push(c);
  return units;
}

describe('normalize: code units', () => {
  it('finds every inert unit as the definition does', () => {
    const wrong: string[] = [];
    for (const c of everyUnit()) if (isInertUnit(c) !== inertByDefinition(c)) wrong.push(c.toString(16));
    assert.deepEqual(wrong, []);
  });

  it('finds the case of every unit as isUpperChar and isLowerChar do', () => {
    const wrong: string[] = [];
    for (const c of everyUnit()) if (caseOfUnit(c) !== caseByDefinition(c)) wrong.push(c.toString(16));
    assert.deepEqual(wrong, []);
    // The capital sigma (its lower case depends on its neighbours), units that become two, a lone surrogate.
    assert.equal(caseOfUnit(0x03a3), UNIT_UPPER);
    assert.equal(caseOfUnit(0x00df), UNIT_LOWER);
    assert.equal(caseOfUnit(0x0130), UNIT_UPPER);
    assert.equal(caseOfUnit(0xd800), UNIT_NEITHER);
  });
});
