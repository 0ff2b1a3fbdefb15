import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../server/src/core/dates';
import { pairs } from './helpers';

describe('dates: no false dates', () => {
  const none = (text: string) => assert.deepEqual(pairs(text, { includeDurations: true }), [], text);

  it('ignores ordinals', () => {
    none('the 14th National Congress of the Communist Party of Viet Nam');
    none('at the 7th ASEAN-United States Summit');
    none('Top14TH NATIONAL CONGRESS OF THE COMMUNIST PARTY OF VIETNAM');
    none('marking the 50th anniversary of the southern liberation');
  });

  it('ignores codes and model names', () => {
    none('former students of School T12-75 met in Vientiane');
    none('T-72B1 tanks, Su-30MK2 fighters, MiG-21 jets and B-52 bombers');
    none('the contract, registered as No. 2020 under Decision 1976/QD-BQP');
    none('UN Security Council Resolution 1540');
    none('the Friendship Shield-2024 exercise');
  });

  it('ignores disease names', () => {
    none('the Covid-19 pandemic was affecting the Asia-Pacific region');
  });

  it('ignores numbers, money, percentages, scores and measures', () => {
    none('the 10 Asean member countries');
    none('some 2000 soldiers took part and 1,500 troops watched');
    none('It spent about $2,025 million, or 2 per cent of GDP, on 1,810-km roads.');
    none('They won 3-1 and played 24/7 on two pitches. Call +856 21 212 515.');
    none('Seizures reached 236 tonnes, up 24 per cent, with 1.5 tonnes in Bokeo.');
    none('The strike hit at 1900 GMT.');
  });

  it('reads a year range in parentheses after an organisation name', () => {
    assert.deepEqual(pairs('the 18th Congress of the Hanoi Party Organization (2025-2030) is key'), ['2025-2030 → 2025/2030']);
  });

  it('keeps real years next to traps', () => {
    const text = 'The school, established in 1976, trained staff for School T12-75 until at least 2027.';
    assert.deepEqual(recognizeDates(text).map((m) => m.value), ['1976', '2027']);
  });
});

describe('dates: clock times', () => {
  it('does not read a time-zone offset as a time', () => {
    assert.deepEqual(pairs('Updated 2025-04-25T11:29:00+07:00 by staff.'), ['2025-04-25T11:29:00 → 2025-04-25T11:29']);
  });
});
