/**
 * Dates: detection and TIMEX3-style normalisation of date and time expressions in news text,
 * anchored on each article's own date. Pure: strings in, plain objects out.
 */
export type { DayOrder } from './dayOrder';
export type { DateOptions } from './recognize';
export type { DateDescription } from './describe';
export { findDocumentDate, recognizeDates, recognizeDocumentDates } from './recognize';
export { describeDate } from './describe';
