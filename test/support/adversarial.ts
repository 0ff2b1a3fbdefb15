/**
 * Adversarial article texts of about 1 MB each, generated (never committed as data): each aims at a path of the
 * analysis core that could grow faster than the text (repeated names for clustering and consistency, hyphen chains and
 * long capitalised runs for span joins, one huge line for line features, many dates for the recogniser, repeated
 * sentences for boilerplate, thousands of people and their surnames for partial names, and so on). Deterministic: the same name always gives the same text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Rng } from './rng';

export const ADVERSARIAL_SIZE = 1_000_000;

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

function seedsText(): string {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(path.join(SEEDS, n), 'utf8'))
    .join('\n\n');
}

/** Repeats `unit` (or calls it) until the text reaches `size` UTF-16 code units, then cuts it there. */
function fill(unit: string | ((i: number) => string), size = ADVERSARIAL_SIZE): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const s = typeof unit === 'string' ? unit : unit(i);
    parts.push(s);
    length += s.length;
  }
  return parts.join('').slice(0, size);
}

const NAMES = ['Khamliang Outhakaysone', 'Vilay Lakhamphong', 'Lương Tam Quang', 'Sonexay Siphandone', 'Phan Văn Giang', 'Thongloun Sisoulith'];
const CAPS = ['Lao', 'Vietnam', 'Cambodia', 'Thailand', 'Hanoi', 'Vientiane', 'Ministry', 'Security', 'Defence', 'People', 'Army', 'Police', 'Party', 'Committee', 'Central', 'National'];
const WORDS = ['the', 'of', 'and', 'cooperation', 'between', 'ministries', 'strengthen', 'said', 'on', 'in', 'security', 'training', 'with', 'two', 'sides'];

export interface AdversarialInput {
  readonly name: string;
  readonly what: string;
  readonly text: () => string;
}

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  { name: 'one-name', what: 'one full name repeated', text: () => fill('Khamliang Outhakaysone ') },
  {
    name: 'name-spellings',
    what: 'a few names in many spellings, surnames alone, titles',
    text: () => {
      const r = new Rng(2);
      const forms = ['Khamliang Outhakaysone', 'Khamlieng Outhakaysone', 'Outhakaysone', 'Mr. Khamliang', 'Vilay Lakhamfong', 'Lakhamphong', 'General Vilay', 'Việt Nam', 'Vietnam', 'Quang'];
      return fill(() => `${r.pick(forms)} met ${r.pick(forms)} and ${r.pick(forms)} in ${r.pick(CAPS)}. `);
    },
  },
  { name: 'hyphen-chain', what: 'one chain of hyphenated capitalised names', text: () => fill((i) => `${CAPS[i % CAPS.length]}-`) },
  {
    name: 'one-line',
    what: 'the seed articles on a single 1 MB line',
    text: () => fill(seedsText().replace(/\s*\n\s*/g, ' ') + ' '),
  },
  { name: 'no-spaces', what: 'letters, digits and punctuation without a space', text: () => fill((i) => `${CAPS[i % CAPS.length]}${i % 7}.,;`) },
  { name: 'all-capitals', what: 'the seed articles in capitals', text: () => fill(seedsText().toUpperCase() + '\n\n') },
  {
    name: 'many-dates',
    what: 'dates in every form the recogniser knows',
    text: () => {
      const r = new Rng(7);
      const forms = [
        () => `on April ${r.int(1, 30)}, ${r.int(1990, 2030)}`,
        () => `${r.int(1, 28)}/${r.int(1, 12)}/${r.int(1990, 2030)}`,
        () => `${r.int(1990, 2030)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        () => 'last Monday',
        () => `in the ${r.int(1, 4)}th quarter of ${r.int(1990, 2030)}`,
        () => `from June ${r.int(1, 9)} to July ${r.int(1, 9)}`,
        () => `at ${r.int(0, 23)}:${r.int(10, 59)} on Friday`,
        () => `${r.int(2, 60)} years ago`,
        () => 'the day before yesterday',
        () => `${r.int(1, 28)} Tháng ${r.int(1, 12)} năm ${r.int(1990, 2030)}`,
      ];
      return fill(() => `${r.pick(forms)()} ${r.pick(forms)()}, ${r.pick(forms)()}. `);
    },
  },
  {
    name: 'many-numbers',
    what: 'numbers, money and percentages',
    text: () => {
      const r = new Rng(11);
      return fill(() => `${r.int(0, 99999)} ${r.int(1, 999)},${r.int(100, 999)}.${r.int(10, 99)} ${r.int(1, 99)}% US$${r.int(1, 999)} million ${r.int(1900, 2100)} `);
    },
  },
  {
    name: 'repeated-sentences',
    what: 'the same few sentences on their own lines, over and over',
    text: () => {
      const r = new Rng(13);
      const lines = seedsText().split('\n').filter((l) => l.trim().length > 20).slice(0, 12);
      return fill(() => r.pick(lines) + '\n');
    },
  },
  { name: 'deep-punctuation', what: 'deeply nested brackets and quotes', text: () => fill((i) => (i % 2000 < 1000 ? '(["«“\'' : '\'”»"])') + (i % 97 === 0 ? ' Lao ' : '')) },
  {
    name: 'combining-marks',
    what: 'letters loaded with combining marks, Vietnamese decomposed',
    text: () => fill((i) => `V\u0301\u0323\u0302i\u0323\u0302e\u0302\u0323\u0323\u0301t N\u0300a\u0301\u0301m${'\u0300'.repeat(i % 30)} `),
  },
  { name: 'rtl', what: 'Arabic and Hebrew with bidi controls', text: () => fill((i) => `\u202Bوزارة الأمن العام ${i} שר הביטחון\u202C \u200F(Lao)\u200E `) },
  { name: 'emoji', what: 'emoji, ZWJ sequences, flags, lone surrogates', text: () => fill((i) => `👨‍👩‍👧‍👦🇱🇦🇻🇳 Lao${i % 3 ? '🔥' : '\uD800'} Việt 🙂🏽 `) },
  {
    name: 'crlf',
    what: 'seed articles with CRLF, lone CR and form feeds',
    text: () => fill(seedsText().replace(/\n/g, '\r\n').replace(/\. /g, '.\r') + '\f\r\n'),
  },
  { name: 'long-words', what: 'capitalised words of 10,000 letters', text: () => fill((i) => `${'L' + 'ao'.repeat(5000)}${i} ${'Q' + 'uang'.repeat(2500)} `) },
  {
    name: 'capitalised-run',
    what: 'every word capitalised, no sentence end',
    text: () => {
      const r = new Rng(17);
      return fill(() => `${r.pick(CAPS)} ${r.pick(NAMES)} `);
    },
  },
  {
    name: 'org-chains',
    what: 'organisation names joined by of/and/the, endlessly',
    text: () => {
      const r = new Rng(19);
      return fill(() => `${r.pick(['Ministry', 'Department', 'Committee', 'Office', 'Academy'])} of ${r.pick(['Public Security', 'National Defence', 'the People', 'Foreign Affairs'])} of the ${r.pick(CAPS)} and the `);
    },
  },
  {
    name: 'titles',
    what: 'titles and roles stacked before names',
    text: () => {
      const r = new Rng(23);
      return fill(() => `${r.pick(['Deputy Prime Minister', 'Minister of Public Security', 'General', 'Senior Lieutenant General', 'President', 'Mr.', 'Dr.'])} ${r.pick(['and ', ''])}`);
    },
  },
  {
    name: 'short-lines',
    what: 'page chrome: one or two words a line',
    text: () => {
      const r = new Rng(29);
      return fill(() => `${r.pick(['Share it', 'Related news', 'Home', 'Tweet', 'Print', '12:30', 'Lao', 'Vietnam', 'Read more', ''])}\n`);
    },
  },
  {
    name: 'many-people',
    what: 'thousands of distinct people, each met by full name and another by surname alone, in near-identical lines',
    text: () => {
      const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'vi', 'ro', 'pha', 'xay', 'bou', 'kham', 'sing', 'thong', 'vong', 'sa'];
      const name = (i: number): string => {
        let s = '';
        for (let n = i; ; n = Math.floor(n / 16)) {
          s += syllables[n % 16];
          if (n < 16) break;
        }
        s += syllables[(i * 7) % 16];
        return s[0].toUpperCase() + s.slice(1);
      };
      return fill((i) => (i % 2 === 0 ? `Mr. ${name(i)} ${name(i + 100_000)} met officials in Vientiane on Monday.\n` : `Later Mr. ${name(i + 200_000)} said the talks went well.\n`));
    },
  },
  {
    name: 'random-units',
    what: 'random UTF-16 code units, controls and NUL included',
    text: () => {
      const r = new Rng(31);
      return fill(() => {
        const k = r.int(0, 9);
        if (k < 3) return String.fromCharCode(r.int(0, 0xffff));
        if (k < 5) return String.fromCharCode(r.int(0, 0x1f));
        if (k < 8) return r.pick(WORDS) + ' ';
        return r.pick(CAPS) + ' ';
      });
    },
  },
];
