/**
 * The extension's settings of one workspace folder, typed, with defaults. The language server gets them from the
 * client per folder; the CLI reads the folder's `.vscode/settings.json` (settingsFile.ts). Never kept in globals.
 */
import type { AnalysisOptions, DayOrder } from '../core/index';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  corpus: string[];
  annotationsFolder: string;
  entities: { severity: SeveritySetting };
  dates: { severity: SeveritySetting; showDurations: boolean; dayOrder: DayOrder };
  boilerplate: { severity: SeveritySetting };
  /**
   * `worklist` (default): the severities above apply to what an analyst acts on (a name not in the registry yet,
   * once per article; a possible merge; a date that could not be resolved); everything else is a hint, shown in
   * place but not listed in the Problems panel. `everything`: every finding at the severity of its kind.
   */
  problems: { list: 'worklist' | 'everything' };
  maxDocumentSize: number;
  /** Who tags: recorded on each new tag; git's user.name when empty. */
  author: string;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  corpus: ['seeds/**/*.txt'],
  annotationsFolder: 'annotations',
  entities: { severity: 'information' },
  dates: { severity: 'information', showDurations: false, dayOrder: 'auto' },
  boilerplate: { severity: 'hint' },
  problems: { list: 'worklist' },
  maxDocumentSize: 2_000_000,
  author: '',
}) as Settings;

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const DAY_ORDERS: readonly DayOrder[] = ['auto', 'day-first', 'month-first'];

/** Reads the raw `corpusAnnotator` section (any shape) into typed settings, falling back to defaults. */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Record<string, any>;
  const sev = (v: unknown, d: SeveritySetting): SeveritySetting => (SEVERITIES.includes(v as SeveritySetting) ? (v as SeveritySetting) : d);
  const corpus = typeof r.corpus === 'string' ? [r.corpus] : Array.isArray(r.corpus) ? r.corpus.filter((g: unknown) => typeof g === 'string' && g) : [];
  return {
    corpus: corpus.length ? corpus : DEFAULT_SETTINGS.corpus,
    annotationsFolder: typeof r.annotationsFolder === 'string' && r.annotationsFolder ? r.annotationsFolder : DEFAULT_SETTINGS.annotationsFolder,
    entities: { severity: sev(r.entities?.severity, DEFAULT_SETTINGS.entities.severity) },
    dates: {
      severity: sev(r.dates?.severity, DEFAULT_SETTINGS.dates.severity),
      showDurations: r.dates?.showDurations === true,
      dayOrder: DAY_ORDERS.includes(r.dates?.dayOrder) ? r.dates.dayOrder : 'auto',
    },
    boilerplate: { severity: sev(r.boilerplate?.severity, DEFAULT_SETTINGS.boilerplate.severity) },
    problems: { list: r.problems?.list === 'everything' ? 'everything' : 'worklist' },
    maxDocumentSize: typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0 ? r.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    author: typeof r.author === 'string' ? r.author.trim().slice(0, 200) : '',
  };
}

/** What the analysis core is asked, from a folder's settings: the same for the editor and the CLI. */
export function analysisOptionsOf(settings: Settings): AnalysisOptions {
  return { dates: { dayOrder: settings.dates.dayOrder, includeDurations: settings.dates.showDurations } };
}
