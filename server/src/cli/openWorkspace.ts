/**
 * The workspace folder as every CLI command opens it: its settings file, then the same workspace model the language
 * server uses (openCorpus), so the articles, the annotations folder and the analyst files are the editor's. Also how
 * commands name files: PATHs relative to the workspace, and paths shown relative to the current folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { AnalystFileError, type CorpusFolder } from '../workspace/corpusFolder';
import { openCorpus } from '../workspace/openCorpus';
import type { Settings } from '../workspace/settings';
import { legacySidecarPathFor, sidecarPathFor } from '../workspace/sidecarPaths';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';

/** A failure to report in one line, with the exit code it means: 1 a file could not be written, 2 bad input. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** Where a command writes: standard output and standard error. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /**
   * Resolves once what `out` was given has gone to the output, or at once when little waits. A command that prints
   * much, article by article, waits on it after each article: a pipe takes 64 KB at a time, and what it has not taken
   * is held in memory (all of `analyze`'s 92 MB at 10,000 articles, since the loop never let the writes go out).
   */
  drained?(): Promise<void>;
}

export interface OpenedWorkspace {
  /** The workspace folder, absolute. */
  readonly root: string;
  readonly settings: Settings;
  readonly corpus: CorpusFolder;
}

export interface OpenOptions {
  /** Warn on standard error about analyst files that do not parse (default true; `check` reports them itself). */
  readonly warnAboutProblems?: boolean;
  /** What a broken file means for this command, after "(": "not applied", "its tags are not listed"… */
  readonly consequence?: string;
}

/** A path for people: relative to the current folder when inside it, with `/`. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

/** Opens `--workspace DIR` (default the current folder) as the editor would. Fails with exit code 2 when unreadable. */
export async function openWorkspace(dir: string | undefined, io: CliIo, options: OpenOptions = {}): Promise<OpenedWorkspace> {
  const root = path.resolve(dir ?? '.');
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    throw new CliError(`The workspace folder '${dir ?? '.'}' does not exist.`);
  }
  if (!stat.isDirectory()) throw new CliError(`The workspace '${dir ?? '.'}' is not a folder.`);
  let settingsText: string | undefined;
  try {
    settingsText = await nodeFileSystem.readText(path.join(root, SETTINGS_FILE));
  } catch (e) {
    throw new CliError(`Cannot read ${displayPath(path.join(root, SETTINGS_FILE))}: ${(e as Error).message}`);
  }
  const settingsFile = settingsFromJson(settingsText);
  if (!settingsFile.ok) io.err(`corpus-annotator: warning: ${settingsFile.message}\n`);
  const { settings } = settingsFile;
  const corpus = await openCorpus({ root, settings, fs: nodeFileSystem });
  if (options.warnAboutProblems ?? true) {
    for (const [file, problems] of corpus.problems()) {
      const p = problems[0];
      io.err(`corpus-annotator: warning: ${displayPath(file)}:${p.line + 1}:${p.column + 1}: ${p.message} (${options.consequence ?? 'not applied'})\n`);
    }
  }
  return { root, settings, corpus };
}

/** A PATH given on the command line for `tag`, `tags`, `export`: relative to the workspace folder, or absolute. */
export function workspacePath(ws: OpenedWorkspace, p: string): string {
  return path.resolve(ws.root, p);
}

/** Whether `file` is `scope` or inside it. */
export function isWithin(file: string, scope: string): boolean {
  const rel = path.relative(scope, file);
  return !rel || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function kindOf(file: string): Promise<'file' | 'folder' | undefined> {
  try {
    const s = await fs.stat(file);
    return s.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The articles of the corpus that the PATHs name (an article, or a folder: its articles, in subfolders too), sorted.
 * A PATH that does not exist, or a file that is not an article of the corpus, is an error (exit code 2).
 */
export async function articlesUnder(ws: OpenedWorkspace, paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const abs = workspacePath(ws, p);
    const kind = await kindOf(abs);
    if (kind === undefined) throw new CliError(`Cannot read '${p}': no such file or folder in the workspace ${displayPath(ws.root) || '.'}.`);
    if (kind === 'file') {
      if (!ws.corpus.isArticle(abs)) throw new CliError(notAnArticle(ws, abs));
      found.add(abs);
    } else {
      for (const a of ws.corpus.articles()) if (isWithin(a, abs)) found.add(a);
    }
  }
  return [...found].sort();
}

/**
 * Which tagged articles the PATHs select (all when there are none): an article, or every article under a folder. A
 * PATH may name an article that is gone (its tags are orphans), but not a path that neither exists nor has tags.
 */
export async function tagScope(ws: OpenedWorkspace, paths: readonly string[]): Promise<(article: string) => boolean> {
  if (!paths.length) return () => true;
  const tagged = [...ws.corpus.allSidecars().keys()];
  const scopes: string[] = [];
  for (const p of paths) {
    const abs = workspacePath(ws, p);
    if ((await kindOf(abs)) === undefined && !tagged.some((a) => isWithin(a, abs))) {
      throw new CliError(`Cannot read '${p}': no such file or folder in the workspace ${displayPath(ws.root) || '.'}, and no tags of it.`);
    }
    scopes.push(abs);
  }
  return (article) => scopes.some((s) => isWithin(article, s));
}

/** The editor's words for a file that is not an article of the corpus. */
export function notAnArticle(ws: OpenedWorkspace, file: string): string {
  return `Only articles of the corpus can be tagged, and ${ws.corpus.relative(file)} is not one (setting corpusAnnotator.corpus: ${ws.settings.corpus.join(', ')}).`;
}

/** The problem of an article's sidecar (new- or old-style place) that keeps it from being written, if any. */
export function sidecarProblem(ws: OpenedWorkspace, article: string): { file: string; line: number; message: string } | undefined {
  const document = ws.corpus.relative(article);
  const annotations = ws.corpus.annotationsDir;
  for (const file of [sidecarPathFor(annotations, document), legacySidecarPathFor(annotations, document)]) {
    const problem = ws.corpus.problems().get(file)?.[0];
    if (problem) return { file, line: problem.line + 1, message: problem.message };
  }
  return undefined;
}

/**
 * Why an article's sidecar cannot be written, as `FILE:LINE: message`; `consequence` says what did not happen ("was
 * not tagged"). `known` is the problem found before the write was tried (a write's own read may have cleared it).
 */
export function sidecarWriteFailure(ws: OpenedWorkspace, article: string, e: unknown, consequence: string, known = sidecarProblem(ws, article)): string {
  const document = ws.corpus.relative(article);
  if (known) return `${displayPath(known.file)}:${known.line}: ${known.message} (${document} ${consequence}; the file was left untouched)`;
  if (e instanceof AnalystFileError) return e.message;
  return `Cannot write the tags of ${document}: ${(e as Error).message}`;
}
