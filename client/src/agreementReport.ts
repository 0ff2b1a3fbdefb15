/**
 * The agreement report as a read-only Markdown document (`corpus-agreement:` URIs): the figures the server computed
 * (`corpusAnnotator/agreement`) and the disagreements, each with a link to its passage. Pure rendering: the links are
 * returned with their line and columns in the document, for the document link provider.
 */
import type { AgreementResult, DisagreementItem, PrfItem, SideTag } from '../../server/src/protocolAgreement';

export interface ReportLink {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The article's URI and the passage's first line and column (0-based). */
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

const num = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const short = (s: string, n = 70): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** A Markdown table with its columns padded, so that it reads as a table in the editor too (numbers right-aligned). */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)];
}

const STATE_WORDS: Record<DisagreementItem['state'], string> = {
  a: 'A’s tags',
  b: 'B’s tags',
  both: 'both sides’ tags',
  neither: 'no tag',
  other: 'other tags (edited since)',
};

export function describeSide(tags: readonly SideTag[]): string {
  if (!tags.length) return 'no tag';
  return tags.map((t) => `${t.tag} on “${short(t.quote, 50)}”${t.author ? ` (${t.author})` : ''}`).join('; ');
}

export function describeState(state: DisagreementItem['state']): string {
  return STATE_WORDS[state];
}

/** The link target of a passage: its article's URI, with `#L<line>,<column>` (1-based). */
export function passageTarget(uri: string, position: { readonly line: number; readonly character: number }): string {
  return `${uri.replace(/#.*$/, '')}#L${position.line + 1},${position.character + 1}`;
}

export function renderAgreement(r: AgreementResult): { text: string; links: ReportLink[] } {
  const lines: string[] = [];
  const links: ReportLink[] = [];
  const side = (name: string, s: AgreementResult['a']) =>
    `- **${name}**: \`${s.source}\` (${s.kind === 'git' ? 'git ref' : 'folder'}): ${s.tags} tag${s.tags === 1 ? '' : 's'} in ${s.articles} article${s.articles === 1 ? '' : 's'}, ${s.entities} registry entit${s.entities === 1 ? 'y' : 'ies'}`;
  lines.push(`# Agreement: ${r.a.source} (A) and ${r.b.source} (B)`, '', side('A', r.a), side('B', r.b), '');
  lines.push('## Spans, B against A', '', 'Exact: same article, passage and tag. Overlap: same article and tag, sharing text.', '');
  const row = (name: string, t: { exact: PrfItem; overlap: PrfItem }) => [
    name,
    String(t.exact.countA),
    String(t.exact.countB),
    ...[t.exact.precision, t.exact.recall, t.exact.f1, t.overlap.precision, t.overlap.recall, t.overlap.f1].map(num),
  ];
  lines.push(
    ...table(
      ['Tag', 'A', 'B', 'exact P', 'exact R', 'exact F1', 'overlap P', 'overlap R', 'overlap F1'],
      [...r.spans.tags.map((t) => row(t.tag, t)), row('all tags', r.spans.all)],
    ),
    '',
  );
  const k = r.tokens;
  lines.push('## Token labels', '', `${k.items} word tokens in ${k.documents} article${k.documents === 1 ? '' : 's'} either analyst tagged; a token’s label is the set of tags on it, or O.`, '');
  lines.push(`- Observed agreement: **${num(k.observed)}**`, `- Cohen’s kappa: **${num(k.cohenKappa)}**`, `- Gwet’s AC1: **${num(k.gwetAC1)}**`, '');
  lines.push('## Krippendorff’s unitized alpha', '', ...table(['Tag', 'uα'], r.unitizedAlpha.map((u) => [u.tag, num(u.alpha)])), '');
  lines.push(`## Entity registry: ${r.registry.length ? `${r.registry.length} disagreement${r.registry.length === 1 ? '' : 's'}` : 'no disagreements'}`, '');
  for (const l of r.registry) lines.push(`- ${l}`);
  if (r.registry.length) lines.push('');
  if (r.missingArticles.length) lines.push(`Not counted for tokens (article not in the workspace): ${r.missingArticles.join(', ')}`, '');
  if (r.problems.length) lines.push('Files left out (they do not parse):', ...r.problems.map((p) => `- ${p}`), '');
  lines.push(`## Disagreements: ${r.disagreements.length}`, '');
  if (r.disagreements.length) lines.push('Click a place to open the passage; **Corpus: Adjudicate Disagreements…** in an article walks its disagreements.', '');
  let article = '';
  for (const d of r.disagreements) {
    if (d.document !== article) {
      article = d.document;
      lines.push(`### ${article}`, '');
    }
    const place = `${d.document}:${d.range.start.line + 1}`;
    const prefix = '- [';
    links.push({ line: lines.length, start: prefix.length, end: prefix.length + place.length, uri: d.uri, position: d.range.start });
    // A Markdown link, so that the rendered report (the Markdown preview) opens the passage too: the article's URI
    // with the line and column as the workbench reads them (#L3,5).
    lines.push(`${prefix}${place}](${passageTarget(d.uri, d.range.start)}) “${short(d.text)}”`);
    lines.push(`  - A: ${describeSide(d.a)}`, `  - B: ${describeSide(d.b)}`, `  - now: ${describeState(d.state)}`);
  }
  return { text: lines.join('\n') + '\n', links };
}
