/**
 * `corpus-annotator check`: validates the analysts' files of the workspace as the editor reads them, and prints
 * `FILE:LINE: message` for each problem (exit code 1 when there is any):
 * - every tag sidecar: YAML, the format, its place (a sidecar must sit where its `document:` says), that its article
 *   exists and is an article of the corpus, tag names the editor would accept, dates that are dates, and sidecars
 *   that are not read at all (an old-style one hidden by the new-style one of its article);
 * - the entity registry, the ignore list and the tag taxonomy (`annotations/tags.yaml`), as their formats read them
 *   (the workspace model reads them all when it opens the folder, and reports what does not parse);
 * - merge conflicts kept in any of them (`conflicts:`, written by the merge driver) and not yet resolved.
 */
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { validateTagLabel, type Tag } from '../core/index';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { isSidecarFile } from '../workspace/sidecarPaths';
import type { CliCommand } from './args';
import { displayPath, openWorkspace, type CliIo, type OpenedWorkspace } from './openWorkspace';

export type CheckCommand = Extract<CliCommand, { command: 'check' }>;

export interface CheckProblem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

/** `FILE:LINE: message`, one a line, sorted by file and line (pure). */
export function problemLines(problems: readonly CheckProblem[], display: (file: string) => string = (f) => f): string[] {
  return [...problems]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .map((p) => `${display(p.file)}:${p.line}: ${p.message}`);
}

export async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { warnAboutProblems: false });
  const { corpus } = ws;
  const problems: CheckProblem[] = [];
  // What the folder's own reading found: files that do not parse, sidecars in another article's place.
  for (const [file, list] of corpus.problems()) for (const p of list) problems.push({ file, line: p.line + 1, message: p.message });
  // Merge conflicts kept in files that parse (merge-driver): each is a problem until an analyst resolves it.
  for (const [file, list] of corpus.warnings()) for (const p of list) problems.push({ file, line: p.line + 1, message: p.message });

  const files = await nodeFileSystem.listFiles(corpus.annotationsDir, (dir) => !path.basename(dir).startsWith('.'));
  const sidecarFiles = files.filter((f) => isSidecarFile(corpus.annotationsDir, f)).sort();
  const inUse = new Map([...corpus.allSidecars()].map(([article, entry]) => [entry.file, { article, entry }]));
  for (const file of sidecarFiles) {
    if (corpus.problems().has(file)) continue;
    const text = (await nodeFileSystem.readText(file)) ?? '';
    const used = inUse.get(file);
    if (!used) {
      // It parses, yet no article reads it (the workspace model names the reason when it knows one).
      problems.push({ file, line: 1, message: 'This sidecar is not read: its tags are not shown.' });
      continue;
    }
    problems.push(...(await sidecarProblems(ws, file, text, used.article, used.entry.sidecar.tags)));
  }

  for (const line of problemLines(problems, displayPath)) io.out(line + '\n');
  const checked = [`${sidecarFiles.length} sidecar${sidecarFiles.length === 1 ? '' : 's'}`, ...[corpus.registryFile, corpus.ignoreFile, corpus.taxonomyFile].map((f) => corpus.relative(f))];
  io.err(`corpus-annotator: checked ${checked.join(', ')}: ${problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'no problems'}.\n`);
  return problems.length ? 1 : 0;
}

/** What the editor would not show as the analyst meant it, in a sidecar that parses. */
async function sidecarProblems(ws: OpenedWorkspace, file: string, text: string, article: string, tags: readonly Tag[]): Promise<CheckProblem[]> {
  const { corpus } = ws;
  const problems: CheckProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => lines.linePos(offset ?? 0).line;
  const root = isMap(doc.contents) ? doc.contents : undefined;
  const documentKey = root?.items.find((p) => isScalar(p.key) && p.key.value === 'document')?.key as { range?: number[] } | undefined;
  const documentLine = lineOf(documentKey?.range?.[0]);
  const relative = corpus.relative(article);
  if (!corpus.isArticle(article)) {
    problems.push({ file, line: documentLine, message: `${relative} is not an article of the corpus (setting corpusAnnotator.corpus: ${ws.settings.corpus.join(', ')}); its tags are not shown.` });
  } else if ((await nodeFileSystem.stamp(article).catch(() => undefined)) === undefined && tags.length) {
    problems.push({ file, line: documentLine, message: `Its article ${relative} does not exist: ${tags.length === 1 ? 'its tag is an orphan' : `its ${tags.length} tags are orphans`}. Move the sidecar with its article, or delete it.` });
  }
  const tagsNode: unknown = root?.get('tags', true);
  const items = isSeq(tagsNode) ? (tagsNode.items as { range?: number[] }[]) : [];
  tags.forEach((tag, i) => {
    const line = lineOf(items[i]?.range?.[0]);
    const label = validateTagLabel(tag.tag);
    if (label) problems.push({ file, line, message: `Tag ${tag.id}: ${label}` });
    for (const [key, value] of [['created', tag.created], ['updated', tag.updated]] as const) {
      if (value && Number.isNaN(Date.parse(value))) problems.push({ file, line, message: `Tag ${tag.id}: \`${key}\` is not a date and time (${JSON.stringify(value)}).` });
    }
  });
  return problems;
}
