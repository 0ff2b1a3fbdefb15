/**
 * `corpus-annotator tag`: tags `[start, end)` of one article, or every occurrence of a literal text in the articles
 * under some PATHs, through the workspace model's `addTag`, as the editor's Tag Selection does: only articles of the
 * corpus, one locked read-modify-write of the sidecar per tag (so several processes can tag one article together),
 * and a broken sidecar is never written.
 */
import { anchorTag, LineIndex, type Tag } from '../core/index';
import { gitUserName } from '../node/gitUserName';
import type { CliCommand } from './args';
import { articlesUnder, CliError, displayPath, notAnArticle, openWorkspace, sidecarProblem, sidecarWriteFailure, workspacePath, type CliIo, type OpenedWorkspace } from './openWorkspace';
import { shortQuote } from '../core/annotations/tagsOutput';

export type TagCommand = Extract<CliCommand, { command: 'tag' }>;

interface Range {
  readonly start: number;
  readonly end: number;
}

/** Every occurrence of `needle` in `text`, left to right, not overlapping. */
export function occurrences(text: string, needle: string): Range[] {
  const found: Range[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) found.push({ start: i, end: i + needle.length });
  return found;
}

const splitsCharacter = (text: string, offset: number): boolean =>
  offset > 0 && offset < text.length && /[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset]);

export async function runTag(command: TagCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { warnAboutProblems: false });
  // Who tags, as the editor records it: --author, else the corpusAnnotator.author setting, else git's user.name.
  const author = command.author ?? (ws.settings.author || (await gitUserName(ws.root)));
  const input = { tag: command.tag, ...(command.note ? { note: command.note } : {}), ...(author ? { author } : {}) };
  const { target } = command;

  if (target.kind === 'range') {
    const file = workspacePath(ws, target.file);
    if (!ws.corpus.isArticle(file)) throw new CliError(notAnArticle(ws, file));
    const text = await readArticle(ws, file);
    if (text === undefined) throw new CliError(`Cannot read '${target.file}': no such article in the workspace ${displayPath(ws.root) || '.'}.`);
    if (target.end > text.length) {
      throw new CliError(`--end ${target.end} is past the end of ${ws.corpus.relative(file)}, which has ${text.length} UTF-16 code units.`);
    }
    for (const [name, offset] of [['--start', target.start], ['--end', target.end]] as const) {
      if (splitsCharacter(text, offset)) throw new CliError(`${name} ${offset} falls inside a character of ${ws.corpus.relative(file)} (between the two halves of a surrogate pair).`);
    }
    const outcome = await tagPassages(ws, file, text, [target], input, io);
    return outcome.failed ? 1 : 0;
  }

  const articles = await articlesUnder(ws, target.paths);
  let added = 0;
  let existing = 0;
  let failed = false;
  let tagged = 0;
  for (const article of articles) {
    const text = await readArticle(ws, article);
    if (text === undefined) continue;
    const ranges = occurrences(text, target.text);
    if (!ranges.length) continue;
    tagged++;
    const outcome = await tagPassages(ws, article, text, ranges, input, io);
    added += outcome.added;
    existing += outcome.existing;
    failed ||= outcome.failed;
  }
  const quoted = JSON.stringify(shortQuote(target.text, 40));
  if (!tagged) io.err(`corpus-annotator: no occurrence of ${quoted} in ${articles.length} article${articles.length === 1 ? '' : 's'}; nothing tagged.\n`);
  else {
    io.err(
      `corpus-annotator: ${added} passage${added === 1 ? '' : 's'} tagged ${JSON.stringify(command.tag)} in ${tagged} article${tagged === 1 ? '' : 's'}` +
        `${existing ? ` (${existing} already had the tag)` : ''}.\n`,
    );
  }
  return failed ? 1 : 0;
}

async function readArticle(ws: OpenedWorkspace, file: string): Promise<string | undefined> {
  try {
    return await ws.corpus.readArticle(file);
  } catch (e) {
    throw new CliError(`Cannot read '${displayPath(file)}': ${(e as Error).message}`);
  }
}

/** Tags each range of one article; stops at the first write that fails (its message names the file and line). */
async function tagPassages(
  ws: OpenedWorkspace,
  article: string,
  text: string,
  ranges: readonly Range[],
  input: { tag: string; note?: string; author?: string },
  io: CliIo,
): Promise<{ added: number; existing: number; failed: boolean }> {
  const known = sidecarProblem(ws, article);
  if (known) {
    io.err(`corpus-annotator: ${sidecarWriteFailure(ws, article, undefined, 'was not tagged', known)}\n`);
    return { added: 0, existing: 0, failed: true };
  }
  const lines = new LineIndex(text);
  const label = input.tag.trim();
  let added = 0;
  let existing = 0;
  for (const range of ranges) {
    const where = () => {
      const p = lines.positionAt(range.start);
      return `${displayPath(article)}:${p.line + 1}:${p.character + 1}`;
    };
    // The tag already on this passage, wherever its stored offsets are now (the text may have moved since).
    const before = ws.corpus.sidecarOf(article)?.sidecar.tags ?? [];
    const already = before.find((t) => t.tag === label && sameRange(anchorTag(text, t), range));
    let tag: Tag;
    try {
      tag = already ?? (await ws.corpus.addTag(article, text, { ...input, start: range.start, end: range.end }));
    } catch (e) {
      io.err(`corpus-annotator: ${sidecarWriteFailure(ws, article, e, 'was not tagged')}\n`);
      return { added, existing, failed: true };
    }
    if (already || before.some((t) => t.id === tag.id)) {
      existing++;
      io.out(`${where()}: already tagged ${JSON.stringify(tag.tag)} (id ${tag.id})\n`);
    } else {
      added++;
      io.out(`${where()}: tagged "${shortQuote(tag.quote)}" as ${JSON.stringify(tag.tag)} (id ${tag.id})\n`);
    }
  }
  return { added, existing, failed: false };
}

function sameRange(a: { start: number; end: number; status: string }, b: Range): boolean {
  return a.status !== 'orphaned' && a.start === b.start && a.end === b.end;
}
