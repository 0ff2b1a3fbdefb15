import * as assert from 'node:assert/strict';
import { findDocumentDate, recognizeDates } from '../../../server/src/core/dates';

describe('dates: the article date (document creation time)', () => {
  it('reads a timestamp line near the top (day-first)', () => {
    const text = 'National Defense Efforts Strengthen Stability\n\n14/01/2026 11:29\nKPL Over the past five years, the commission has focused on stability.\n';
    const d = findDocumentDate(text);
    assert.equal(d?.value, '2026-01-14T11:29');
    assert.equal(d?.source, 'timestamp line');
    assert.equal(d?.text, '14/01/2026 11:29');
  });

  it('reads a labelled date line, "date 2025-04-25 VIENTIANE —"', () => {
    const text = ' date 2025-04-25 VIENTIANE — Lao Deputy Prime Minister Vilay Lakhamphong on April 25 highly valued the cooperation results.';
    const d = findDocumentDate(text);
    assert.equal(d?.value, '2025-04-25');
    assert.equal(d?.source, 'date line');
    const m = recognizeDates(text);
    assert.equal(m[0].resolution, "the article's own date (date line)");
    assert.equal(m[1].text, 'April 25');
    assert.equal(m[1].value, '2025-04-25');
  });

  it('takes the dateline, not the date in a photo caption above it', () => {
    const text = "Laos' Prime Minister shakes hands with leaders at the 7th ASEAN-United States Summit in Bangkok, Thailand, 4 November 2019 (Photo: Reuters). Sketched by an agency.\n\n" +
      'VIENTIANE, Jun 30, 2021, Vientiane Times. Laos is working with other Asean countries, Vientiane Times reported.\n\n' +
      'Security issues were the topic of a videoconference held on June 28.';
    const d = findDocumentDate(text);
    assert.equal(d?.value, '2021-06-30');
    assert.equal(d?.source, 'dateline');
    const june28 = recognizeDates(text).find((m) => m.text === 'June 28');
    assert.equal(june28?.value, '2021-06-28');
    assert.equal(june28?.resolution, 'year from the dateline: Jun 30, 2021');
  });

  it('finds no article date when the article has no full date, and never uses today', () => {
    const text = 'At talks in Hanoi on June 2, the Prime Minister said the ties matter. Both sides will implement their cooperation plan in 2022, the year that marks 60 years of diplomatic ties. He recalled last December.';
    assert.equal(findDocumentDate(text), undefined);
    const m = recognizeDates(text);
    assert.deepEqual(m.map((x) => `${x.text} → ${x.value}`), ['June 2 → XXXX-06-02', '2022 → 2022', 'last December → XXXX-12']);
    assert.equal(m[0].resolution, 'year unknown: no article date');
  });

  it('reads a "Published:" line below a Reuters dateline without a date', () => {
    const text = 'Vietnam signs defence deal\n\nHANOI (Reuters) - Vietnam and Indonesia signed an agreement on Tuesday, the ministry said.\nPublished: 12 March 2024\nThe deal was first proposed in 2019.';
    const d = findDocumentDate(text);
    assert.equal(d?.value, '2024-03-12');
    assert.equal(d?.source, 'published line');
    assert.equal(recognizeDates(text).find((m) => m.text === 'Tuesday')?.value, '2024-03-12');
  });

  it('reads datelines with a place and an agency, and a weekday date line', () => {
    assert.equal(findDocumentDate('VIENTIANE, Jan 8, 2025 (KPL) – The National Assembly approved the budget.')?.value, '2025-01-08');
    assert.equal(findDocumentDate('PHNOM PENH, Cambodia, Aug 14, 2025 — Thailand and Cambodia agreed.')?.value, '2025-08-14');
    assert.equal(findDocumentDate('Siem Reap, 27.09.2023 (AKP) – Police chiefs met here.')?.value, '2023-09-27');
    assert.equal(findDocumentDate('Thursday, November 7, 2024\nVietnam hosts defence expo\n\nHANOI, Nov 7 (VNA) – Vietnam opened it.')?.value, '2024-11-07');
    assert.equal(findDocumentDate('Last updated: 23/11/2025 08:45\nPHNOM PENH — The ministers signed a plan.')?.source, 'updated line');
  });

  it('reads a date line after a source name, and one with a time zone', () => {
    assert.equal(findDocumentDate('Border talks\n\nKhmer Times | October 28th, 2024\nCambodia and Vietnam agreed.')?.value, '2024-10-28');
    assert.equal(findDocumentDate('VIENTIANE -- To Lam arrived on Thursday.\nSeptember 12, 2024 19:30 JST\nThe leaders met.')?.value, '2024-09-12T19:30');
    assert.equal(findDocumentDate('Sunday, 5/11/2023, 14:20 (GMT+7)\nVietnam and Laos agreed.')?.value, '2023-11-05T14:20');
  });

  it('prefers a published line to an updated line', () => {
    const text = 'Updated: 14 March 2024\nPublished: 12 March 2024\nBody text follows here.';
    assert.equal(findDocumentDate(text)?.value, '2024-03-12');
  });

  it('falls back to a past-tense date in the lead paragraph, marked as an estimate', () => {
    const text = 'Laos, Vietnam hold talks\n\nDefence officials of Laos and Vietnam held talks in Vientiane on 3 March 2024 to review their cooperation and discuss border security, officials said.';
    const d = findDocumentDate(text);
    assert.equal(d?.value, '2024-03-03');
    assert.equal(d?.source, 'lead paragraph (estimate)');
  });

  it('uses a given document date, or none when given null', () => {
    const text = 'They met on June 2.';
    assert.equal(recognizeDates(text, { documentDate: { start: 0, end: 0, text: 'Jun 30, 2021', value: '2021-06-30', source: 'dateline' } })[0].value, '2021-06-02');
    assert.equal(recognizeDates('VIENTIANE, Jun 30, 2021 – They met on June 2.', { documentDate: null })[1].value, 'XXXX-06-02');
  });
});
