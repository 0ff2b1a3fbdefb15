/**
 * Where an article's tags live: `<annotations>/<article path relative to the workspace folder>` with its extension
 * replaced by `.yaml` (`seeds/a/x.txt` → `annotations/seeds/a/x.yaml`), so articles with the same name in two folders
 * never share a sidecar. Older versions wrote `<annotations>/<article name>.yaml`; such files are still read, and
 * moved to the new place on the first write.
 */
import * as path from 'node:path';

/** Files at the top of the annotations folder that are not sidecars. */
export const REGISTRY_FILE = 'entities.yaml';
export const IGNORE_FILE = 'ignored.yaml';
export const TAXONOMY_FILE = 'tags.yaml';
/** Reserved too: the name an earlier plan gave the taxonomy. */
const RESERVED = new Set([REGISTRY_FILE, IGNORE_FILE, TAXONOMY_FILE, 'taxonomy.yaml']);

const withoutExtension = (p: string): string => p.replace(/\.[^./]*$/, '');

/** The sidecar of an article given by its path relative to the folder (with `/`). */
export function sidecarPathFor(annotationsDir: string, relativeArticle: string): string {
  return path.join(annotationsDir, ...`${withoutExtension(relativeArticle)}.yaml`.split('/'));
}

/** Where versions before 0.2 kept the sidecar of an article. */
export function legacySidecarPathFor(annotationsDir: string, relativeArticle: string): string {
  return path.join(annotationsDir, `${withoutExtension(path.posix.basename(relativeArticle))}.yaml`);
}

/** Whether a file in the annotations folder is a sidecar (a YAML file other than the registry, ignores, taxonomy). */
export function isSidecarFile(annotationsDir: string, file: string): boolean {
  const rel = path.relative(annotationsDir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || !rel.endsWith('.yaml')) return false;
  if (rel.split(path.sep).some((part) => part.startsWith('.'))) return false;
  return !RESERVED.has(rel);
}

/**
 * The article a sidecar belongs to by its place alone (relative to the folder, with `/`), assuming `.txt`: used when
 * the sidecar does not say (`document:` missing).
 */
export function articleOfSidecarPath(annotationsDir: string, file: string): string {
  return `${withoutExtension(path.relative(annotationsDir, file).split(path.sep).join('/'))}.txt`;
}
