/** Words the date grammar knows: month and weekday names, number words, time units. */

/** Month name (full or abbreviated, lower case, without a trailing dot) → month number 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Capitalised month names and abbreviations, as a regex fragment (dot optional after abbreviations). */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

/** Full month names only: the only ones accepted without a day or a year next to them. */
export const FULL_MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** The words MONTH_RE matches (without their dots). */
export const MONTH_WORDS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec',
];

export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Weekday name → 0 (Sunday) … 6 (Saturday). */
export function weekdayNumber(name: string): number {
  return WEEKDAYS.findIndex((w) => w.toLowerCase() === name.toLowerCase());
}

const UNITS_1: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words up to ninety-nine, and digits; `a`/`an` count as one. Regex fragment. */
export const NUMBER_RE =
  '(?:\\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|hundred)';

/** Parses a number word or digits (`four`, `twenty-five`, `60`, `a`); undefined when vague. */
export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (w === 'hundred' || w === 'a hundred' || w === 'one hundred') return 100;
  const small = UNITS_1.indexOf(w);
  if (small >= 0) return small;
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(w);
  if (!m) return undefined;
  const tens = TENS.indexOf(m[1]);
  if (tens < 2) return undefined;
  const unit = m[2] ? UNITS_1.indexOf(m[2]) : 0;
  return unit >= 0 && unit < 10 ? tens * 10 + unit : undefined;
}

export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export function timeUnit(word: string): TimeUnit | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  switch (w) {
    case 'minute': case 'hour': case 'day': case 'week': case 'weekend': case 'month': case 'quarter': case 'year': case 'decade':
      return w;
    case 'century': case 'centurie': return 'century';
    default: return undefined;
  }
}

/** ISO-8601 duration of `n` units: P4D, P60Y, PT3H, P2W. `n` undefined → `X` (vague: "several years"). */
export function isoDuration(n: number | undefined, unit: TimeUnit): string {
  const k = n === undefined ? 'X' : String(n);
  switch (unit) {
    case 'minute': return `PT${k}M`;
    case 'hour': return `PT${k}H`;
    case 'day': return `P${k}D`;
    case 'week': case 'weekend': return `P${k}W`;
    case 'month': return `P${k}M`;
    case 'quarter': return n === undefined ? 'PXQ' : `P${n * 3}M`;
    case 'year': return `P${k}Y`;
    case 'decade': return n === undefined ? 'PXDE' : `P${n * 10}Y`;
    case 'century': return n === undefined ? 'PXCE' : `P${n * 100}Y`;
  }
}
