/**
 * Agreement figures (core/annotations/agreement.ts) against small examples computed by hand (the arithmetic is in
 * the comments).
 */
import * as assert from 'node:assert/strict';
import {
  labelAgreement,
  registryDisagreements,
  spanAgreement,
  tokenAgreement,
  tokenLabels,
  wordTokens,
  sectionsOf,
  unitizedAlpha,
  unitizedAlphaByTag,
  type TagSpan,
} from '../../../server/src/core/index';

const close = (actual: number | null, expected: number, what: string): void => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
};
const x = (start: number, end: number, tag = 'X'): TagSpan => ({ tag, start, end });

describe('agreement between two analysts', () => {
  it('span precision, recall and F1, exact and by overlap', () => {
    // A: X [0,5) [10,20); B: X [0,5) [12,18) [30,35).
    // Exact: 1 of B's 3 spans is one of A's (P = 1/3), 1 of A's 2 is one of B's (R = 1/2), F1 = 2·(1/3)(1/2)/(5/6) = 0.4.
    // Overlap: [0,5) and [12,18) overlap A's spans (P = 2/3); both A spans are overlapped (R = 1), F1 = (4/3)/(5/3) = 0.8.
    const a = new Map([['d', [x(0, 5), x(10, 20)]]]);
    const b = new Map([['d', [x(0, 5), x(12, 18), x(30, 35)]]]);
    const r = spanAgreement(a, b);
    assert.equal(r.tags.length, 1);
    const [t] = r.tags;
    close(t.exact.precision, 1 / 3, 'exact P');
    close(t.exact.recall, 1 / 2, 'exact R');
    close(t.exact.f1, 0.4, 'exact F1');
    close(t.overlap.precision, 2 / 3, 'overlap P');
    close(t.overlap.recall, 1, 'overlap R');
    close(t.overlap.f1, 0.8, 'overlap F1');
  });

  it('matches spans only within one article and one tag; micro-averages over tags', () => {
    // A: d1 X [0,5), d1 Y [0,5); B: d2 X [0,5), d1 Y [0,5). X: nothing matches (other article); Y: perfect.
    // All: 1 of 2 matched each way: P = R = F1 = 0.5.
    const a = new Map([['d1', [x(0, 5), x(0, 5, 'Y')]]]);
    const b = new Map([['d1', [x(0, 5, 'Y')]], ['d2', [x(0, 5)]]]);
    const r = spanAgreement(a, b);
    assert.deepEqual(r.tags.map((t) => [t.tag, t.exact.f1]), [['X', 0], ['Y', 1]]);
    close(r.all.exact.f1, 0.5, 'micro F1');
    // A tag only one analyst used: precision undefined on the other side.
    const only = spanAgreement(new Map([['d', [x(0, 1)]]]), new Map());
    assert.equal(only.tags[0].exact.precision, null);
    assert.equal(only.tags[0].exact.recall, 0);
    assert.equal(only.tags[0].exact.f1, null);
  });

  it("Cohen's kappa and Gwet's AC1 on token labels", () => {
    // A: X X O O Y Y O O O O;  B: X O O O Y Y Y O O O.  Agreement on 8 of 10: po = 0.8.
    // Cohen: pA = (X .2, Y .2, O .6), pB = (X .1, Y .3, O .6); pe = .02 + .06 + .36 = .44; κ = .36/.56 = 0.642857…
    // Gwet: π = (X .15, Y .25, O .6); Σπ(1−π) = .1275 + .1875 + .24 = .555; pe = .555/(3−1) = .2775;
    //       AC1 = (.8 − .2775)/(1 − .2775) = .5225/.7225 = 0.723183…
    const a = 'X X O O Y Y O O O O'.split(' ');
    const b = 'X O O O Y Y Y O O O'.split(' ');
    const r = labelAgreement(a, b);
    close(r.observed, 0.8, 'po');
    close(r.cohenKappa, 0.36 / 0.56, 'kappa');
    close(r.gwetAC1, 0.5225 / 0.7225, 'AC1');
    assert.deepEqual(r.labels, [{ label: 'O', a: 6, b: 6 }, { label: 'X', a: 2, b: 1 }, { label: 'Y', a: 2, b: 3 }]);
  });

  it('kappa is undefined when both use one label only; AC1 is then the observed agreement', () => {
    const r = labelAgreement(['O', 'O'], ['O', 'O']);
    assert.equal(r.cohenKappa, null);
    close(r.gwetAC1, 1, 'AC1');
    // Skewed labels: 18 of 20 tokens O on both sides, one X each, on different tokens. po = 18/20 = .9.
    // Cohen: pe = .95² + .05² = .905; κ = (.9 − .905)/.095 = −0.0526…  Gwet: π = (.95, .05); pe = 2·.95·.05/1 = .095;
    // AC1 = (.9 − .095)/.905 = 0.889502…  (the "kappa paradox" AC1 avoids)
    const a = Array<string>(20).fill('O');
    const b = Array<string>(20).fill('O');
    a[0] = 'X';
    b[1] = 'X';
    const s = labelAgreement(a, b);
    close(s.cohenKappa, (0.9 - 0.905) / 0.095, 'skewed kappa');
    close(s.gwetAC1, 0.805 / 0.905, 'skewed AC1');
  });

  it('tokenises words and labels each token with the tags covering it', () => {
    const text = "Lao army's drills, 2025 — U.S. aid";
    const tokens = wordTokens(text);
    assert.deepEqual(tokens.map(([s, e]) => text.slice(s, e)), ['Lao', "army's", 'drills', '2025', 'U.S', 'aid']);
    assert.deepEqual(tokenLabels(tokens, [x(0, 10, 'org'), x(4, 17, 'act')]), ['org', 'act+org', 'act', 'O', 'O', 'O']);
    // Over articles: only articles that either analyst tagged, and whose tokens are known.
    const r = tokenAgreement(new Map([['d', [x(0, 3, 'org')]]]), new Map([['d', [x(0, 10, 'org')]], ['e', [x(0, 1)]]]), new Map([['d', tokens]]));
    assert.equal(r.documents, 1);
    assert.equal(r.items, 6);
    close(r.observed, 5 / 6, 'po');
  });

  it('lists the registry disagreements: entities, types, aliases, owners of a name, not-entities', () => {
    const a = {
      entities: [
        { id: 'lao-army', canonical: 'Lao Army', type: 'ORG' as const, aliases: ['LPA', 'KPL'] },
        { canonical: 'Vientiane', type: 'LOCATION' as const, aliases: [] },
      ],
      notEntities: ['Share it', 'Comments'],
    };
    const b = {
      entities: [
        { id: 'lao-army', canonical: 'Lao Army', type: 'MISC' as const, aliases: ['lpa', 'Lao PA'] },
        { id: 'kpl', canonical: 'KPL', type: 'ORG' as const, aliases: [] },
      ],
      notEntities: ['share it', 'Related news'],
    };
    const r = registryDisagreements(a, b);
    assert.deepEqual(r.onlyA, [{ id: 'vientiane', canonical: 'Vientiane', type: 'LOCATION' }]);
    assert.deepEqual(r.onlyB, [{ id: 'kpl', canonical: 'KPL', type: 'ORG' }]);
    assert.deepEqual(r.types, [{ id: 'lao-army', canonical: 'Lao Army', a: 'ORG', b: 'MISC' }]);
    assert.deepEqual(r.aliases, [{ id: 'lao-army', canonical: 'Lao Army', onlyA: ['KPL'], onlyB: ['Lao PA'] }]);
    assert.deepEqual(r.owners, [{ name: 'KPL', a: 'lao-army', b: 'kpl' }]);
    assert.deepEqual(r.notEntities, { onlyA: ['Comments'], onlyB: ['Related news'] });
  });

  describe("Krippendorff's unitized alpha", () => {
    const secs = (units: [number, number][], length: number) => sectionsOf(units.map(([start, end]) => ({ start, end })), length);

    it('on a small example computed by hand', () => {
      // L = 10. A: [2,6); B: [3,6). Observed: the two spans overlap, δ² = (2−3)² + (6−6)² = 1, both orders: 2;
      // D_o = 2 / (m(m−1)L²) = 2/200 = 0.01.
      // Expected: spans 4 and 3 (n = 2); gaps A 2, 4; B 3, 4.
      //   l = 4: (n−1)/3·(2·64 − 3·16 + 4) = 28; gaps ≥ 4: 4, 4 → (4−4+1)·2 = 2; 16·2 = 32 → 60
      //   l = 3: (1/3)·(54 − 27 + 3) = 10; gaps ≥ 3: 4, 3, 4 → 2 + 1 + 2 = 5; 9·5 = 45 → 55
      //   D_e = (4/(mL))·115 / (mL(mL−1) − Σ l(l−1)) = 0.2·115 / (380 − 18) = 23/362.
      // α = 1 − 0.01 / (23/362) = 1 − 3.62/23 = 0.8426087…
      const r = unitizedAlpha(secs([[2, 6]], 10), secs([[3, 6]], 10), 10);
      close(r.observed, 0.01, 'D_o');
      close(r.expected, 23 / 362, 'D_e');
      close(r.alpha, 1 - 3.62 / 23, 'alpha');
      close(unitizedAlpha(secs([[2, 6]], 10), secs([[2, 6]], 10), 10).alpha, 1, 'identical spans');
    });

    it('reproduces the published example of Krippendorff (1995, p. 57)', () => {
      // Category A: Bertha 2–10, 14–20; Bill 4–8, 15–17 on a continuum of 24: D_o = 36/1152 = 0.03125. Stretched to a
      // long continuum, the paper's D_e = 0.0699 and α = 0.553.
      const stretch = (s: number, units: [number, number][]) => secs(units.map(([x, y]) => [x * s, y * s] as [number, number]), 24 * s);
      const a = unitizedAlpha(stretch(1, [[2, 10], [14, 20]]), stretch(1, [[4, 8], [15, 17]]), 24);
      close(a.observed, 0.03125, 'D_o of A');
      const long = unitizedAlpha(stretch(50000, [[2, 10], [14, 20]]), stretch(50000, [[4, 8], [15, 17]]), 24 * 50000);
      assert.ok(Math.abs(long.expected - 0.0699) < 0.0001, `D_e of A: ${long.expected}`);
      assert.ok(Math.abs(long.alpha! - 0.553) < 0.001, `alpha of A: ${long.alpha}`);
      // Category C: Gerret 2–8, 10–12, 14–18, 20–22; Gill 0–2, 4–8, 10–14, 16–18, 20–22: D_o = 32/1152 = 0.02777…
      const gerret = [[2, 8], [10, 12], [14, 18], [20, 22]] as [number, number][];
      const gill = [[0, 2], [4, 8], [10, 14], [16, 18], [20, 22]] as [number, number][];
      close(unitizedAlpha(stretch(1, gerret), stretch(1, gill), 24).observed, 32 / 1152, 'D_o of C');
      // The paper gives α = 0.679 for C; its D_e for C (0.0864) is a little below this formula's (0.0905).
      const c = unitizedAlpha(stretch(50000, gerret), stretch(50000, gill), 24 * 50000);
      assert.ok(Math.abs(c.alpha! - 0.679) < 0.02, `alpha of C: ${c.alpha}`);
    });

    it('per tag over articles laid end to end', () => {
      const a = new Map([['d1', [x(2, 6)]], ['d2', [x(0, 1, 'Y')]]]);
      const b = new Map([['d1', [x(3, 6)]]]);
      const r = unitizedAlphaByTag(a, b, new Map([['d1', 10], ['d2', 5]]));
      assert.deepEqual(r.map((t) => t.tag), ['X', 'Y']);
      assert.ok(r[0].alpha! > 0.5 && r[0].alpha! < 1);
      assert.ok(r[1].alpha! < 0.1, 'a tag only one analyst used');
    });
  });
});
