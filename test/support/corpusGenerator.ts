/**
 * Deterministic generator of a synthetic news corpus with known boilerplate, for the boilerplate
 * tests and benchmark. Each site has its own page furniture (header, menus, bylines, timestamps,
 * share widgets, tags, copyright, lists of other articles' headlines with teasers, agency codes,
 * site-specific labels that no lexicon knows); some sites print the lead twice; some articles
 * syndicate paragraphs of others, exactly or lightly edited. Hard negatives are included: body
 * section headings (some recurring across articles), sports results, table rows, short lines.
 *
 * Every line carries its true label: content, chrome, duplicate or near-duplicate, where the
 * duplicate labels follow the index's rule (the later copy within an article, every copy across
 * articles, copies that are furniture where they stand not counting).
 */
import { Rng } from './rng';
import { Vocabulary } from './corpusVocabulary';
import { makeSite, makeSites, Site } from './corpusSites';

export type TrueKind = 'content' | 'chrome' | 'duplicate' | 'near-duplicate';

export interface GeneratedDoc {
  readonly uri: string;
  readonly text: string;
  /** True label of each line (by 0-based line number); blank lines are undefined. */
  readonly labels: (TrueKind | undefined)[];
}

export interface GeneratorOptions {
  articles: number;
  seed?: number;
  /** Share of articles that copy paragraphs from another article. */
  syndication?: number;
}

interface Line {
  text: string;
  chrome: boolean;
  /** Passage group: copies of one paragraph share it. */
  origin?: number;
}

interface Plan {
  site: Site;
  headline: string;
  lead: string;
  leadOrigin: number;
  paragraphs: Line[];
}

const MIN_PASSAGE = 40;

export function generateCorpus(options: GeneratorOptions): GeneratedDoc[] {
  const rng = new Rng(options.seed ?? 1);
  const vocab = new Vocabulary(rng);
  const sites = makeSites(rng, vocab, Math.max(3, Math.round(Math.sqrt(options.articles) * 0.8)));
  let nextOrigin = 1;
  const plans: Plan[] = [];
  for (let a = 0; a < options.articles; a++) {
    const site = rng.chance(0.03)
      ? makeSite(rng, vocab, sites.length + a, 0)
      : sites[rng.weighted(sites.map((s) => s.weight))];
    const paragraphs: Line[] = [];
    const n = rng.int(4, 11);
    for (let k = 0; k < n; k++) {
      const r = rng.next();
      if (r < 0.12 && k > 0) paragraphs.push({ text: vocab.heading(), chrome: false });
      else if (r < 0.17 && k > 0) paragraphs.push(...vocab.dataRows(rng.int(2, 5)).map((t) => ({ text: t, chrome: false })));
      paragraphs.push({ text: vocab.paragraph(), chrome: false, origin: nextOrigin++ });
    }
    if (rng.chance(0.06)) paragraphs.push({ text: vocab.shortContentLine(), chrome: false });
    if (rng.chance(0.05)) paragraphs.push(...vocab.dataRows(rng.int(2, 4)).map((t) => ({ text: t, chrome: false })));
    plans.push({ site, headline: vocab.headline(), lead: vocab.paragraph(), leadOrigin: nextOrigin++, paragraphs });
  }
  syndicate(plans, rng, vocab, options.syndication ?? 0.15);
  const docs = plans.map((p, i) => assemble(p, i, plans, rng));
  return labelDuplicates(docs);
}

/** Some articles copy one to three paragraphs of an earlier one, exactly or lightly edited. */
function syndicate(plans: Plan[], rng: Rng, vocab: Vocabulary, share: number): void {
  for (let i = 1; i < plans.length; i++) {
    if (!rng.chance(share)) continue;
    const src = plans[rng.int(0, i - 1)];
    const pool: Line[] = [
      { text: src.lead, chrome: false, origin: src.leadOrigin },
      ...src.paragraphs.filter((l) => l.origin !== undefined),
    ];
    const count = rng.int(1, Math.min(3, pool.length));
    const dst = plans[i].paragraphs;
    for (let c = 0; c < count; c++) {
      const from = pool[rng.int(0, pool.length - 1)];
      const text = rng.chance(0.5) ? from.text : vocab.lightEdit(from.text, plans[i].site.code);
      dst.splice(rng.int(0, dst.length), 0, { text, chrome: false, origin: from.origin });
    }
  }
}

function assemble(plan: Plan, index: number, plans: readonly Plan[], rng: Rng): Omit<GeneratedDoc, 'labels'> & { lines: (Line | undefined)[] } {
  const { site } = plan;
  const out: Line[] = [];
  const chrome = (text: string): void => { out.push({ text, chrome: true }); };
  site.header(rng).forEach(chrome);
  out.push({ text: plan.headline, chrome: false });
  site.meta(rng).forEach(chrome);
  const lead: Line = { text: plan.lead, chrome: false, origin: plan.leadOrigin };
  if (site.doubleLead) {
    out.push({ ...lead, text: site.doubleLead === 'prefix' ? `${site.code} ${plan.lead}` : plan.lead });
    out.push({ ...lead, text: site.doubleLead === 'prefix' ? `(${site.code}) ${plan.lead}` : plan.lead });
  } else {
    out.push(lead);
  }
  const body = [...plan.paragraphs];
  if (rng.chance(0.05)) {
    const rep = body.filter((l) => l.origin !== undefined);
    if (rep.length > 0) body.push({ ...rep[rng.int(0, rep.length - 1)] });
  }
  for (const l of body) {
    if (site.captions > 0 && rng.chance(site.captions)) chrome(site.caption(rng));
    out.push(l);
  }
  const others = Array.from({ length: rng.int(3, 7) }, () => plans[rng.int(0, plans.length - 1)]).filter((p) => p !== plan);
  for (const t of site.tail(rng, others.map((p) => ({ headline: p.headline, teaser: p.lead })))) chrome(t);
  const lines: (Line | undefined)[] = [];
  const parts: string[] = [];
  for (let i = 0; i < out.length; i++) {
    parts.push(out[i].text);
    lines.push(out[i]);
    if (site.blankLines && i < out.length - 1) { parts.push(''); lines.push(undefined); }
  }
  return { uri: `site${site.id}/article${String(index).padStart(5, '0')}.txt`, text: parts.join('\n'), lines };
}

function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Turns origins into duplicate / near-duplicate labels, following the rule the index applies. */
function labelDuplicates(docs: ReturnType<typeof assemble>[]): GeneratedDoc[] {
  const groups = new Map<number, { doc: number; line: number; text: string }[]>();
  docs.forEach((d, di) => d.lines.forEach((l, li) => {
    if (!l || l.chrome || l.origin === undefined || l.text.length < MIN_PASSAGE) return;
    let g = groups.get(l.origin);
    if (!g) groups.set(l.origin, (g = []));
    g.push({ doc: di, line: li, text: norm(l.text) });
  }));
  return docs.map((d, di) => {
    const labels = d.lines.map((l, li): TrueKind | undefined => {
      if (!l) return undefined;
      if (l.chrome) return 'chrome';
      const g = l.origin === undefined ? undefined : groups.get(l.origin);
      if (!g || g.length < 2) return 'content';
      const me = norm(l.text);
      const qualifying = g.filter((m) => (m.doc !== di || m.line < li));
      if (qualifying.some((m) => m.text === me)) return 'duplicate';
      if (qualifying.length > 0) return 'near-duplicate';
      return 'content';
    });
    return { uri: d.uri, text: d.text, labels };
  });
}
