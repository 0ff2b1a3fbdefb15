/** Small helpers shared by the YAML formats the analysts own (tag sidecars, ignore list). */
import type { YAMLMap } from 'yaml';
import { LineIndex } from './lineIndex';

/** Keys of a mapping that a format does not know, to be kept when the file is rewritten; undefined if none. */
export function extraKeys(map: YAMLMap, known: readonly string[]): Record<string, unknown> | undefined {
  const json = map.toJSON() as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(json)) {
    if (!known.includes(k)) {
      extra[k] = v;
      any = true;
    }
  }
  return any ? extra : undefined;
}

/** 0-based line and column of an offset, for error reports. */
export function yamlPosition(text: string, offset: number): { line: number; column: number } {
  const p = new LineIndex(text).positionAt(offset);
  return { line: p.line, column: p.character };
}
