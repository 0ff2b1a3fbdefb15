import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NodeArticles } from '../../../server/src/core/entities/nodeArticles';

/** The articles of each node, as a set per node would hold them (each once, in the order first added). */
describe('the articles of each node of the live form graph', () => {
  it('holds what a set per node holds, whatever articles are added (their names at once) and taken away', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constant(true), nodes: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }) }),
      fc.record({ add: fc.constant(false), article: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      // Long enough for a node to be in more than 32 articles (its array then grown in place).
      fc.property(fc.array(op, { maxLength: 160, size: 'max' }), (ops) => {
        const held = new NodeArticles<{ articlesHeld: unknown }, { n: number }>();
        const nodes = Array.from({ length: 5 }, () => ({ articlesHeld: undefined as unknown }));
        const sets = new Map<number, Set<{ n: number }>>();
        const articles: { n: number; nodes: number[] }[] = [];
        for (const o of ops) {
          if (o.add) {
            // An article's names are added at once, a node as many times as the article names it.
            const article = { n: articles.length, nodes: o.nodes };
            articles.push(article);
            for (const node of o.nodes) {
              held.add(nodes[node], article);
              if (!sets.has(node)) sets.set(node, new Set());
              sets.get(node)!.add(article);
            }
          } else {
            const article = articles[o.article];
            if (!article) continue;
            for (const node of article.nodes) {
              held.remove(nodes[node], article);
              sets.get(node)?.delete(article);
            }
          }
        }
        for (let node = 0; node <= 4; node++) {
          const got: { n: number }[] = [];
          held.forEach(nodes[node], (a) => got.push(a));
          assert.deepEqual(got, [...(sets.get(node) ?? [])]);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
