/**
 * Which files of a workspace folder are articles: the `corpusAnnotator.corpus` globs, relative to the folder, matched
 * with picomatch (the matcher behind micromatch, chokidar and fast-glob), so `**`, braces, classes and extglobs mean
 * what they mean everywhere else.
 */
import picomatch from 'picomatch';

/** Folders never walked into when looking for articles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

export interface CorpusGlobs {
  /** Whether a path relative to the folder (with `/`) is an article. */
  matches(relativePath: string): boolean;
  /** The fixed folders the globs start in (`seeds/**` → `seeds`), so a walk never covers the whole tree needlessly. */
  readonly bases: readonly string[];
  /** Whether a walk should enter the folder with this name. */
  enters(folderName: string): boolean;
}

export function corpusGlobs(globs: readonly string[]): CorpusGlobs {
  const normalized = globs.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, ''));
  const isMatch = picomatch(normalized);
  const bases = [...new Set(normalized.map((g) => picomatch.scan(g).base))];
  // A base inside another base is walked with it.
  const outer = bases.filter((b) => !bases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`))));
  return {
    matches: (p) => isMatch(p),
    bases: outer.sort(),
    enters: (name) => !SKIPPED_FOLDERS.has(name) && !name.startsWith('.'),
  };
}
