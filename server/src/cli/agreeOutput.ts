/** `agree`'s output, as JSON or text (pure). */
import { registryDisagreementLines, type AgreementReport, type Prf, type SideSummary } from '../core/index';

export type { AgreementReport, SideSummary };

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);
const roundPrf = (p: Prf) => ({ ...p, precision: round(p.precision), recall: round(p.recall), f1: round(p.f1) });

export function agreementJson(r: AgreementReport): string {
  return (
    JSON.stringify({
      version: 1,
      a: r.a,
      b: r.b,
      spans: {
        tags: r.spans.tags.map((t) => ({ tag: t.tag, exact: roundPrf(t.exact), overlap: roundPrf(t.overlap) })),
        all: { exact: roundPrf(r.spans.all.exact), overlap: roundPrf(r.spans.all.overlap) },
      },
      tokens: { ...r.tokens, observed: round(r.tokens.observed), cohenKappa: round(r.tokens.cohenKappa), gwetAC1: round(r.tokens.gwetAC1) },
      unitizedAlpha: r.unitized.map((u) => ({ tag: u.tag, alpha: round(u.alpha), observed: round(u.observed), expected: round(u.expected) })),
      registry: r.registry,
      missingArticles: r.missingArticles,
    }, null, 2) + '\n'
  );
}

const num = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

export function agreementText(r: AgreementReport): string {
  const lines: string[] = [];
  const side = (name: string, s: SideSummary) => `${name}: ${s.source} (${s.kind === 'git' ? 'git ref' : 'folder'}): ${s.tags} tag${s.tags === 1 ? '' : 's'} in ${s.articles} article${s.articles === 1 ? '' : 's'}, ${s.entities} registry entit${s.entities === 1 ? 'y' : 'ies'}`;
  lines.push(side('A', r.a), side('B', r.b), '');
  lines.push('Spans, B against A (exact: same article, offsets and tag; overlap: same article and tag, sharing text)');
  const rows = [...r.spans.tags.map((t) => [t.tag, t] as const), ['(all tags)', { tag: '', ...r.spans.all }] as const];
  const width = Math.max(10, ...rows.map(([name]) => name.length));
  lines.push(`  ${'tag'.padEnd(width)}     A     B   exact P     R    F1   overlap P     R    F1`);
  for (const [name, t] of rows) {
    lines.push(
      `  ${name.padEnd(width)} ${String(t.exact.countA).padStart(5)} ${String(t.exact.countB).padStart(5)}   ${num(t.exact.precision).padStart(7)} ${num(t.exact.recall).padStart(5)} ${num(t.exact.f1).padStart(5)}   ${num(t.overlap.precision).padStart(9)} ${num(t.overlap.recall).padStart(5)} ${num(t.overlap.f1).padStart(5)}`,
    );
  }
  lines.push('');
  const k = r.tokens;
  lines.push(`Token labels (${k.items} word tokens in ${k.documents} article${k.documents === 1 ? '' : 's'} either analyst tagged; a token's label is the set of tags on it, or O)`);
  lines.push(`  observed agreement ${num(k.observed)}   Cohen's kappa ${num(k.cohenKappa)}   Gwet's AC1 ${num(k.gwetAC1)}`);
  if (r.missingArticles.length) lines.push(`  not counted (article not in the workspace): ${r.missingArticles.join(', ')}`);
  lines.push('');
  lines.push("Krippendorff's unitized alpha per tag (on the characters of those articles, laid end to end)");
  for (const u of r.unitized) lines.push(`  ${u.tag.padEnd(width)} ${num(u.alpha).padStart(6)}`);
  lines.push('');
  const g = r.registry;
  const registryLines = registryDisagreementLines(g);
  lines.push(`Entity registry: ${registryLines.length ? `${registryLines.length} disagreement${registryLines.length === 1 ? '' : 's'}` : 'no disagreements'}`);
  for (const line of registryLines) lines.push(`  ${line}`);
  return lines.join('\n') + '\n';
}
