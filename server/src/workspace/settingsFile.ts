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
  if (text === undefined || !text.trim()) return { ok: true, settings: readSettings(undefined) };
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const section: Record<string, unknown> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (key === SECTION && value && typeof value === 'object') mergeInto(section, value as Record<string, unknown>);
      else if (key.startsWith(`${SECTION}.`)) setPath(section, key.slice(SECTION.length + 1).split('.'), value);
    }
  }
  const settings = readSettings(section);
  if (errors.length) return { ok: false, settings, message: `${SETTINGS_FILE} is not valid JSON (at offset ${errors[0].offset}); defaults are used where it could not be read.` };
  return { ok: true, settings };
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
