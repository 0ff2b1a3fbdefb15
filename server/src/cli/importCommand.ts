/**
 * `corpus-annotator import --format wadm FILE`: reads Web Annotations (this tool's export, or another tool's) into the
 * sidecars. A tag whose id is already in the article's sidecar is replaced, other tags are added, none is removed, so
 * importing an export of the same workspace changes nothing. Every annotation is checked before anything is written.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorTag, newTagId, type Tag } from '../core/index';
import { sidecarPathFor } from '../workspace/sidecarPaths';
import type { CliCommand } from './args';
import { CliError, displayPath, isWithin, openWorkspace, sidecarProblem, sidecarWriteFailure, type CliIo, type OpenedWorkspace } from './openWorkspace';
import { pathOfSource, readWebAnnotations, tagOfAnnotation, type ImportedAnnotation } from '../core/annotations/webAnnotation';

export type ImportCommand = Extract<CliCommand, { command: 'import' }>;

export interface MergeResult {
  readonly tags: Tag[];
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

/** JSON with keys sorted, so that two tags with the same content compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The article's tags after the import: same id replaced (when different), new ids added, the rest kept. A tag with a
 * new id but the same label on the same passage as one already there (another tool's annotation imported twice) is
 * the tag already there, as when tagging.
 */
export function mergeTags(current: readonly Tag[], incoming: readonly Tag[]): MergeResult {
  const tags = [...current];
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  for (const tag of incoming) {
    const i = tags.findIndex((t) => t.id === tag.id);
    if (i < 0 && tags.some((t) => t.tag === tag.tag && t.quote === tag.quote && t.start === tag.start && t.end === tag.end)) unchanged++;
    else if (i < 0) {
      tags.push(tag);
      added++;
    } else if (canonical(tags[i]) === canonical(tag)) unchanged++;
    else {
      tags[i] = tag;
      replaced++;
    }
  }
  return { tags, added, replaced, unchanged };
}

/** The article an annotation's `source` names: a path relative to the workspace, or a `file:` URI inside it. */
function articleOfSource(ws: OpenedWorkspace, source: string): string | undefined {
  let file: string | undefined;
  if (/^file:/i.test(source)) {
    try {
      file = fileURLToPath(source);
    } catch {
      return undefined;
    }
  } else {
    const relative = pathOfSource(source);
    file = relative === undefined ? undefined : ws.corpus.resolve(relative);
  }
  return file !== undefined && isWithin(file, ws.root) && file !== ws.root ? file : undefined;
}

export async function runImport(command: ImportCommand, io: CliIo): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(command.file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read '${command.file}': ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const read = readWebAnnotations(json);
  if (!read.ok) throw new CliError(`${command.file} cannot be imported; nothing was written:\n  ${read.problems.join('\n  ')}`);
  const ws = await openWorkspace(command.workspace, io, { consequence: 'not imported into' });

  // Every annotation must name an article of the corpus, once; otherwise nothing is written.
  const problems: string[] = [];
  const byArticle = new Map<string, ImportedAnnotation[]>();
  for (const a of read.annotations) {
    const article = articleOfSource(ws, a.source);
    if (!article) problems.push(`${a.label}: its source ${JSON.stringify(a.source)} is not a file of the workspace ${displayPath(ws.root) || '.'}.`);
    else if (!ws.corpus.isArticle(article)) {
      problems.push(`${a.label}: ${ws.corpus.relative(article)} is not an article of the corpus (setting corpusAnnotator.corpus: ${ws.settings.corpus.join(', ')}).`);
    } else {
      const list = byArticle.get(article) ?? [];
      if (a.tagId !== undefined && list.some((b) => b.tagId === a.tagId)) problems.push(`${a.label}: a second tag with id ${a.tagId} on ${ws.corpus.relative(article)}.`);
      list.push(a);
      byArticle.set(article, list);
    }
  }
  if (problems.length) throw new CliError(`${command.file} cannot be imported into this workspace; nothing was written:\n  ${problems.join('\n  ')}`);

  // A sidecar that is broken (or holds another article's tags) is never written: then nothing is.
  const broken = [...byArticle.keys()].sort().flatMap((article) => {
    const known = sidecarProblem(ws, article);
    return known ? [sidecarWriteFailure(ws, article, undefined, 'was not imported into', known)] : [];
  });
  if (broken.length) throw new CliError(`nothing was imported:\n  ${broken.join('\n  ')}`, 1);

  const now = new Date();
  let failed = false;
  const totals = { added: 0, replaced: 0, unchanged: 0, orphaned: 0 };
  for (const article of [...byArticle.keys()].sort()) {
    const text = await ws.corpus.readArticle(article).catch(() => undefined);
    const incoming = byArticle.get(article)!.map((a) => tagOfAnnotation(a, text, () => newTagId(now, Math.random), now));
    totals.orphaned += incoming.filter((t) => text === undefined || anchorTag(text, t).status === 'orphaned').length;
    const sidecarFile = ws.corpus.sidecarOf(article)?.file ?? sidecarPathFor(ws.corpus.annotationsDir, ws.corpus.relative(article));
    let result: MergeResult;
    if (command.dryRun) {
      result = mergeTags(ws.corpus.sidecarOf(article)?.sidecar.tags ?? [], incoming);
    } else {
      try {
        result = await ws.corpus.changeTags(article, (tags) => {
          const merged = mergeTags(tags, incoming);
          return { tags: merged.added || merged.replaced ? merged.tags : undefined, result: merged };
        });
      } catch (e) {
        io.err(`corpus-annotator: ${sidecarWriteFailure(ws, article, e, 'was not imported')}\n`);
        failed = true;
        continue;
      }
    }
    totals.added += result.added;
    totals.replaced += result.replaced;
    totals.unchanged += result.unchanged;
    const verb = command.dryRun ? 'would be ' : '';
    io.out(`${displayPath(sidecarFile)}: ${result.added} ${verb}added, ${result.replaced} ${verb}replaced, ${result.unchanged} unchanged\n`);
  }
  const n = read.annotations.length;
  io.err(
    `corpus-annotator: ${command.dryRun ? 'dry run, nothing written: ' : ''}${n} annotation${n === 1 ? '' : 's'} in ${path.basename(command.file)}: ` +
      `${totals.added} added, ${totals.replaced} replaced, ${totals.unchanged} unchanged` +
      `${totals.orphaned ? `; ${totals.orphaned} orphaned (not found in their article as it is now)` : ''}.\n`,
  );
  return failed ? 1 : 0;
}
