/**
 * What the recognisers find, before values are resolved: a span of text and a `Spec`
 * describing the expression (explicit fields, relative offsets, anaphora). Resolution to
 * TIMEX3 values happens afterwards, in document order (see resolve.ts).
 */
import type { DateKind } from '../types';
import type { TimeUnit } from './lexicon';

export type Spec =
  /** A calendar day; `y` undefined when the text gives none (`June 2`). */
  /** `yearShift`: the year is the article's year plus this (`5 September next year`). */
  /** `wd`: the weekday written with it (`Saturday, April 25`), which settles the year when the text gives none. */
  | { readonly t: 'day'; readonly y?: number; readonly m: number; readonly d: number; readonly hh?: number; readonly mi?: number; readonly how?: string; readonly yearShift?: number; readonly wd?: number }
  /** A month; `mod` from `last/next/this December`. */
  | { readonly t: 'month'; readonly y?: number; readonly m: number; readonly mod?: 'last' | 'next' | 'this'; readonly yearShift?: number }
  /** A part of a year without an explicit year: `the third quarter` (Q3), `the fall` (FA), `the second half of this year` (H2). */
  | { readonly t: 'part'; readonly code: string; readonly yearShift?: number; readonly coming?: boolean }
  | { readonly t: 'year'; readonly y: number }
  /** A fixed value that needs no anchor: decades, quarters, seasons with explicit years. */
  | { readonly t: 'fixed'; readonly value: string; readonly how: string }
  | { readonly t: 'range'; readonly a: Spec; readonly b: Spec }
  /** `this year` (offset 0), `last week` (-1), `tomorrow` (day +1); `anaphoric` ones count from the previous date in the text. */
  | { readonly t: 'relative'; readonly unit: TimeUnit; readonly offset: number; readonly anaphoric?: boolean; readonly part?: string }
  | { readonly t: 'weekday'; readonly wd: number; readonly mod?: 'last' | 'next' | 'this'; readonly part?: string }
  /** A time of day, alone or with a day. */
  | { readonly t: 'time'; readonly hh: number; readonly mi: number; readonly day?: Spec }
  /** A holiday (`Easter`, `Election Day`); the name is a key of HOLIDAYS in periods.ts. */
  | { readonly t: 'holiday'; readonly name: string }
  /** `this century` (0), `the last century` (-1). */
  | { readonly t: 'century'; readonly offset: number }
  /** Fiscal quarters: `third-quarter` (ordinal), `the quarter` (the one last mentioned), `the latest quarter`, `the year-ago period`. */
  | { readonly t: 'quarter'; readonly which: 'ordinal' | 'anaphoric' | 'latest' | 'previous' | 'yearAgo' | 'current'; readonly q?: number }
  /** `the weekend`, placed by tense. */
  | { readonly t: 'weekend' }
  /** Durations and sets: value given (`P4D`, `P1Y`). */
  | { readonly t: 'amount'; readonly value: string };

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly kind: DateKind;
  readonly spec: Spec;
  /** Breaks ties between overlapping candidates of equal length (higher wins). */
  readonly priority: number;
}

/** Granularity of a spec, finest first; used to merge ranges and pick anaphora anchors. */
export function granularity(spec: Spec): 'time' | 'day' | 'week' | 'month' | 'year' | 'other' {
  switch (spec.t) {
    case 'day': return spec.hh !== undefined ? 'time' : 'day';
    case 'month': return 'month';
    case 'year': return 'year';
    case 'weekday': case 'holiday': return 'day';
    case 'weekend': return 'week';
    case 'time': return 'time';
    case 'relative':
      return spec.unit === 'day' ? 'day' : spec.unit === 'week' || spec.unit === 'weekend' ? 'week' : spec.unit === 'month' ? 'month' : spec.unit === 'year' ? 'year' : 'other';
    default: return 'other';
  }
}
