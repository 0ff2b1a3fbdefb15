/**
 * News sites of the synthetic corpus, each with its own page furniture: which header, meta and
 * tail components it prints, in which order and wording. Components mix generic web furniture
 * ("Share it", "Related news") with site-specific lines that no lexicon knows (a site slogan, a
 * desk label, a label in another language), which only recurrence and position can reveal.
 */
import { Rng } from './rng';
import { cap, Vocabulary } from './corpusVocabulary';

export interface OtherArticle { headline: string; teaser: string }

export interface Site {
  readonly id: number;
  readonly code: string;
  readonly weight: number;
  readonly blankLines: boolean;
  readonly doubleLead: 'exact' | 'prefix' | undefined;
  readonly captions: number;
  header(rng: Rng): string[];
  meta(rng: Rng): string[];
  caption(rng: Rng): string;
  tail(rng: Rng, others: readonly OtherArticle[]): string[];
}

const LOGIN = ['Log in', 'Sign in', 'Subscribe', 'Login | Register', 'Search', 'Sign up for our newsletter'];
const SHARE = ['Share it', 'Share:', 'Share this article', 'Facebook Twitter Email', 'Reactions:', 'Like | Share | Tweet',
  'Print', 'Follow us on Telegram', 'Comments', 'Save article'];
const LIST = ['Related news', 'Related articles', 'Most Viewed', 'Trending', 'Read more', 'You may also like',
  'Latest news', 'Most read', 'Editor\'s picks', 'Top stories'];
const MENU_ITEMS = ['Home', 'World', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Society', 'Travel', 'Video'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function makeSites(rng: Rng, vocab: Vocabulary, count: number): Site[] {
  return Array.from({ length: count }, (_, i) => makeSite(rng, vocab, i, 1 / Math.pow(i + 1, 0.8)));
}

export function makeSite(rng: Rng, vocab: Vocabulary, id: number, weight: number): Site {
  const name = `${rng.chance(0.4) ? 'The ' : ''}${cap(vocab.pseudo(2))} ${rng.pick(['Times', 'Herald', 'Daily', 'News', 'Post', 'Online', 'Today'])}`;
  const code = vocab.pseudo(2).toUpperCase().slice(0, rng.int(2, 4));
  const sections = Array.from({ length: rng.int(1, 4) }, () => rng.chance(0.5) ? rng.pick(MENU_ITEMS) : cap(vocab.pseudo(2)));
  const slogan = `${cap(vocab.pseudo(2))} ${vocab.pseudo(3)} ${vocab.pseudo(2)} ${vocab.pseudo(2)}`;
  const desk = `${cap(vocab.pseudo(2))} desk`;
  const foreign = `${cap(vocab.pseudo(3))} ${rng.pick(['de', 'du', 'des'])} ${vocab.pseudo(2)}`;
  const on = (p: number): boolean => rng.chance(p);
  const h = { banner: on(0.25), menu: on(0.3), login: on(0.4), section: on(0.5), name: on(0.3), slogan: on(0.12) };
  const m = { byline: on(0.4), time: on(0.7), timeFormat: rng.int(0, 4), readTime: on(0.2), views: on(0.15), desk: on(0.15) };
  const t = {
    code: on(0.2), foreign: on(0.2), share: on(0.6), shares: rng.int(1, 3), tags: on(0.3), list: on(0.5),
    listTwice: on(0.4), teasers: on(0.5), bare: on(0.15), exclusive: on(0.1), copyright: on(0.4), top: on(0.2),
    slogan: on(0.15),
  };
  const shareLines = Array.from({ length: t.shares }, () => rng.pick(SHARE));
  const listLabel = rng.pick(LIST);
  const menu = Array.from({ length: rng.int(3, 6) }, () => rng.pick(MENU_ITEMS)).join(rng.pick([' | ', ' • ', ' / ']));
  const tailOrder = shuffle(rng, ['code', 'foreign', 'share', 'tags', 'list', 'bare', 'exclusive', 'copyright', 'top', 'slogan'] as const);
  const r = rng.next();
  const doubleLead = r < 0.08 ? 'exact' : r < 0.16 ? 'prefix' : undefined;
  const captions = on(0.35) ? 0.1 : 0;
  const timestamp = (g: Rng): string => {
    const d = g.int(1, 28); const mo = g.int(1, 12); const y = g.int(2019, 2026);
    const hh = String(g.int(0, 23)).padStart(2, '0'); const mm = String(g.int(0, 59)).padStart(2, '0');
    switch (m.timeFormat) {
      case 0: return `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y} ${hh}:${mm}`;
      case 1: return `Updated: ${MONTHS[mo - 1]} ${d}, ${y} ${hh}:${mm} ${g.chance(0.5) ? 'AM' : 'PM'}`;
      case 2: return `${DAYS[g.int(0, 6)]}, ${d} ${MONTHS[mo - 1]} ${y}`;
      case 3: return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${hh}:${mm} GMT+7`;
      default: return `Published ${g.int(1, 23)} hours ago`;
    }
  };
  return {
    id, code, weight,
    blankLines: on(0.7),
    doubleLead,
    captions,
    header(g) {
      const out: string[] = [];
      if (h.banner) out.push(name.toUpperCase());
      if (h.name) out.push(name);
      if (h.menu) out.push(menu);
      if (h.login) out.push(LOGIN[id % LOGIN.length]);
      if (h.slogan) out.push(slogan);
      if (h.section) out.push(g.pick(sections));
      return out;
    },
    meta(g) {
      const out: string[] = [];
      if (m.byline) out.push(`By ${g.pick(vocab.names)} ${g.pick(vocab.names)}`);
      if (m.time) out.push(timestamp(g));
      if (m.readTime) out.push(`${g.int(2, 12)} min read`);
      if (m.views) out.push(`${g.int(100, 99999).toLocaleString('en-US')} views`);
      if (m.desk) out.push(desk);
      return out;
    },
    caption(g) {
      const who = `${g.pick(vocab.names)} ${g.pick(vocab.names)} ${g.pick(['speaks at', 'meets', 'visits', 'greets'])} ${g.pick(vocab.names)} ${g.pick(['delegates', 'officials', 'residents'])}`;
      return g.chance(0.5) ? `${who}. Photo: ${code}` : `${who} (Photo: ${g.pick(vocab.names)}/${g.pick(vocab.names)}).`;
    },
    tail(g, others) {
      const out: string[] = [];
      for (const part of tailOrder) {
        if (part === 'code' && t.code) out.push(code);
        if (part === 'foreign' && t.foreign) out.push(foreign);
        if (part === 'share' && t.share) out.push(...shareLines.map((s) => s.replace('Comments', `Comments (${g.int(0, 40)})`)));
        if (part === 'tags' && t.tags) out.push(`Tags: ${Array.from({ length: g.int(2, 4) }, () => g.pick(vocab.names)).join(', ')}`);
        if (part === 'list' && t.list) {
          out.push(listLabel === 'More from' ? `More from ${name}` : listLabel);
          for (const o of others) {
            out.push(o.headline);
            if (t.listTwice) out.push(o.headline);
            if (t.teasers) out.push(o.teaser);
          }
        }
        if (part === 'bare' && t.bare) out.push(...others.slice(0, 3).map((o) => o.headline));
        if (part === 'exclusive' && t.exclusive) out.push(`Exclusive: ${vocab.titleWords(g.int(3, 6))}`);
        if (part === 'copyright' && t.copyright) out.push(`© ${g.int(2019, 2026)} ${name}. All rights reserved.`);
        if (part === 'top' && t.top) out.push(g.pick(['Top', 'Back to top']));
        if (part === 'slogan' && t.slogan) out.push(slogan);
      }
      return out;
    },
  };
}

function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
