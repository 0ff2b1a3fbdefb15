/**
 * Word material for the synthetic corpus: pseudo-words built from syllables (so that no two
 * generated paragraphs share more than common function words), English function words, names,
 * and builders for sentences, headlines, headings, data rows and light edits.
 */
import { Rng } from './rng';

const SYLLABLES = ['ka', 'lo', 'vi', 'an', 'tha', 'mon', 're', 'sa', 'phu', 'ngo', 'bel', 'tri', 'da', 'ko', 'xen',
  'mar', 'qui', 'sel', 'to', 'van', 'hu', 'lim', 'por', 'che', 'dra', 'nu', 'fe', 'gal', 'sto', 'rin', 'ba', 'om'];
const FUNCTION = ['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'that', 'as', 'by', 'at', 'from', 'its',
  'was', 'were', 'has', 'have', 'will', 'said', 'is', 'are', 'their', 'this', 'which', 'between', 'also', 'after'];
const REAL = ['minister', 'government', 'security', 'defence', 'border', 'cooperation', 'officials', 'army', 'police',
  'meeting', 'province', 'agreement', 'ministry', 'delegation', 'development', 'training', 'visit', 'crime', 'leaders',
  'talks', 'support', 'plan', 'region', 'forces', 'economy', 'trade', 'project', 'report', 'president', 'committee'];
const TEAMS = ['Arsenal', 'Chelsea', 'Lao Toyota', 'Hanoi FC', 'Viettel', 'Young Elephants', 'Ezra', 'Master 7',
  'Champasak United', 'Nam Dinh', 'Binh Dinh', 'Hai Phong', 'Thanh Hoa', 'Da Nang', 'Can Tho', 'Port FC'];

export class Vocabulary {
  readonly words: string[] = [];
  readonly names: string[] = [];
  private readonly headings: string[] = [];

  constructor(private readonly rng: Rng) {
    const seen = new Set<string>();
    while (this.words.length < 4000) {
      const w = this.pseudo(rng.int(2, 4));
      if (!seen.has(w)) { seen.add(w); this.words.push(w); }
    }
    for (let i = 0; i < 600; i++) this.names.push(cap(this.pseudo(rng.int(2, 3))));
    for (let i = 0; i < 300; i++) this.headings.push(this.titleWords(rng.int(2, 5)));
  }

  pseudo(syllables: number): string {
    let w = '';
    for (let i = 0; i < syllables; i++) w += this.rng.pick(SYLLABLES);
    return w;
  }

  sentence(): string {
    const n = this.rng.int(9, 28);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      out.push(r < 0.4 ? this.rng.pick(FUNCTION) : r < 0.55 ? this.rng.pick(REAL) : r < 0.65 ? this.rng.pick(this.names) : this.rng.pick(this.words));
      if (i > 2 && i < n - 2 && this.rng.chance(0.06)) out[out.length - 1] += ',';
    }
    if (this.rng.chance(0.15)) out.splice(this.rng.int(1, n - 1), 0, String(this.rng.int(2, 2030)));
    out[0] = cap(out[0]);
    return out.join(' ') + '.';
  }

  paragraph(): string {
    return Array.from({ length: this.rng.int(1, 4) }, () => this.sentence()).join(' ');
  }

  titleWords(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      out.push(r < 0.3 ? this.rng.pick(this.names) : cap(r < 0.5 ? this.rng.pick(REAL) : this.rng.pick(this.words)));
      if (i > 0 && i < n - 1 && this.rng.chance(0.15)) out.push(this.rng.pick(['and', 'of', 'in', 'for']));
    }
    return out.join(' ');
  }

  headline(): string {
    const words: string[] = [];
    const n = this.rng.int(5, 12);
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      words.push(r < 0.25 ? this.rng.pick(FUNCTION) : r < 0.45 ? this.rng.pick(this.names) : r < 0.6 ? this.rng.pick(REAL) : this.rng.pick(this.words));
    }
    words[0] = cap(words[0]);
    const h = words.join(' ');
    return this.rng.chance(0.15) ? `${this.rng.pick(this.names)}: ${h}` : h;
  }

  /** A section heading inside the body: short, no final stop; drawn from a pool, so some recur. */
  heading(): string {
    return this.rng.chance(0.5) ? this.rng.pick(this.headings) : this.titleWords(this.rng.int(2, 5));
  }

  /** Sports results or table rows. */
  dataRows(n: number): string[] {
    const rows: string[] = [];
    const table = this.rng.chance(0.5);
    for (let i = 0; i < n; i++) {
      if (table) {
        rows.push(`${this.rng.pick(this.names)} Province | ${this.rng.int(10, 9999).toLocaleString('en-US')} | ${this.rng.int(1, 99)}.${this.rng.int(0, 9)}%`);
      } else {
        const a = this.rng.pick(TEAMS);
        let b = this.rng.pick(TEAMS);
        if (b === a) b = TEAMS[(TEAMS.indexOf(a) + 1) % TEAMS.length];
        rows.push(`${a} ${this.rng.int(0, 5)} ${b} ${this.rng.int(0, 5)}`);
      }
    }
    return rows;
  }

  /** A short content line at the end of an article ("Ends.", "He said."). */
  shortContentLine(): string {
    return this.rng.pick(['He said.', 'Ends.', `${this.rng.pick(this.names)} reports.`, 'More to follow.', 'The talks continue.']);
  }

  /** A light edit: a few substituted or dropped words, punctuation changes, or an agency prefix. */
  lightEdit(text: string, code: string): string {
    const r = this.rng.next();
    if (r < 0.25) return `(${code}) ${text}`;
    const words = text.split(' ');
    if (r < 0.45) return words.map((w) => (this.rng.chance(0.15) ? w.replace(/[,.]$/, '') + (this.rng.chance(0.5) ? ',' : '') : w)).join(' ').replace(/[^.]$/, (c) => c + '.');
    const edits = Math.max(1, Math.min(3, Math.floor(words.length * 0.06)));
    for (let e = 0; e < edits; e++) {
      const i = this.rng.int(1, words.length - 2);
      if (i < 1) break;
      if (this.rng.chance(0.7)) words[i] = this.rng.pick(this.words);
      else words.splice(i, 1);
    }
    return words.join(' ');
  }
}

export function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
