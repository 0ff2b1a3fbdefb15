/**
 * A folder's settings as VS Code stores them in `.vscode/settings.json` (JSON with comments, dotted keys such as
 * `"corpusAnnotator.dates.severity"`), for hosts that are not an editor: the CLI sees what the editor sees.
 */
import { parse, type ParseError } from 'jsonc-parser';
import { readSettings, type Settings } from './settings';

export const SETTINGS_FILE = '.vscode/settings.json';
const SECTION = 'corpusAnnotator';

export type SettingsFileResult = { ok: true; settings: Settings } | { ok: false; settings: Settings; message: string };

/** Reads the `corpusAnnotator` section of a settings.json text; defaults for what is absent or malformed. */
export function settingsFromJson(text: string | undefined): SettingsFileResult {
  const { section, error } = sectionFromJson(text);
  const settings = readSettings(section);
  return error ? { ok: false, settings, message: error } : { ok: true, settings };
}

/** The raw `corpusAnnotator` section of a settings.json text (empty when absent), and why it could not all be read. */
export function sectionFromJson(text: string | undefined): { section: Record<string, unknown>; error?: string } {
  if (text === undefined || !text.trim()) return { section: {} };
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const section = sectionOf(raw);
  if (errors.length) return { section, error: `${SETTINGS_FILE} is not valid JSON (at offset ${errors[0].offset}); defaults are used where it could not be read.` };
  return { section };
}

/**
 * The `corpusAnnotator` section of a settings object, whether nested (`{ corpusAnnotator: { dates: … } }`) or with
 * dotted keys (`{ "corpusAnnotator.dates.severity": … }`), as a new object. Anything else gives `{}`.
 */
export function sectionOf(raw: unknown): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (key === SECTION && value && typeof value === 'object' && !Array.isArray(value)) mergeInto(section, value as Record<string, unknown>);
      else if (key.startsWith(`${SECTION}.`)) setPath(section, key.slice(SECTION.length + 1).split('.'), value);
    }
  }
  return section;
}

/** `over` laid on `base` (objects merged key by key, other values replaced), as a new object. */
export function mergeSections(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  mergeInto(out, base);
  mergeInto(out, over);
  return out;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  for (const k of keys.slice(0, -1)) {
    if (!node[k] || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (!target[k] || typeof target[k] !== 'object') target[k] = {};
      mergeInto(target[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else target[k] = v;
  }
}
