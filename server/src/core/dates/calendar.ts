/** Proleptic Gregorian calendar arithmetic on plain numbers (no Date objects, no time zones). */

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number | undefined, m: number): number {
  if (m === 2) return y === undefined || isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDay(y: number | undefined, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01. */
export function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(y: number, m: number, d: number): number {
  return (((toDayNumber(y, m, d) + 4) % 7) + 7) % 7;
}

export function addDays(day: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(day.y, day.m, day.d) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

/** ISO-8601 week: the year that owns the week, and the week number. */
export function isoWeek(day: Ymd): { y: number; w: number } {
  const n = toDayNumber(day.y, day.m, day.d);
  const wd = (weekday(day.y, day.m, day.d) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - wd + 3);
  const jan1 = toDayNumber(thursday.y, 1, 1);
  return { y: thursday.y, w: Math.floor((n - wd + 3 - jan1) / 7) + 1 };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** TIMEX3 value of a (possibly year-less) calendar date, e.g. `2025-04-25`, `XXXX-06-02`, `2025-04`. */
export function formatDate(y: number | undefined, m?: number, d?: number): string {
  let v = y === undefined ? 'XXXX' : pad4(y);
  if (m !== undefined) v += `-${pad2(m)}`;
  if (m !== undefined && d !== undefined) v += `-${pad2(d)}`;
  return v;
}

export function formatTime(hh: number, mi: number): string {
  return `T${pad2(hh)}:${pad2(mi)}`;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
