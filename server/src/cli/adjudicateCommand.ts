/**
 * `corpus-annotator adjudicate --a A --b B [--document PATH] [--choose N=CHOICE ... | --take CHOICE]`: the
 * disagreements between two analysts' tags (A and B read as `agree` reads them: git refs or annotations folders), and
 * the choices written to the sidecars. The disagreements come from the core (disagreements.ts) and each choice is
 * written by workspace/adjudication.ts through the workspace model, as the language server's `adjudicate` command
 * writes it: the folder's lock, other tags and comments kept, the merge conflicts on those tags resolved, a sidecar
 * that does not parse left untouched.
 */
import * as path from 'node:path';
import { annotationSide, disagreementsOf, LineIndex, stateOf, taggedArticles, type Disagreement, type Tag } from '../core/index';
import { writeAdjudication } from '../workspace/adjudication';
import type { AdjudicationChoiceArg, CliCommand } from './args';
import { CliError, displayPath, notAnArticle, openWorkspace, sidecarProblem, sidecarWriteFailure, workspacePath, type CliIo } from './openWorkspace';
import { readSide } from './readSide';
import { shortQuote } from '../core/annotations/tagsOutput';

export type AdjudicateCommand = Extract<CliCommand, { command: 'adjudicate' }>;

interface Row {
  readonly document: string;
  readonly number: number;
  readonly line: number;
  readonly column: number;
  readonly d: Disagreement;
  readonly text: string;
  now: string;
  chosen?: AdjudicationChoiceArg;
  removed?: number;
  added?: number;
  error?: string;
}

const CHOICE_WORDS: Record<AdjudicationChoiceArg, string> = { a: 'A', b: 'B', both: 'both', neither: 'neither' };

export async function runAdjudicate(command: AdjudicateCommand, io: CliIo): Promise<number> {
  const ws = await openWorkspace(command.workspace, io, { warnAboutProblems: false });
  const annotationsFolder = path.relative(ws.root, ws.corpus.annotationsDir) || '.';
  const [filesA, filesB] = [await readSide(ws.root, annotationsFolder, command.a), await readSide(ws.root, annotationsFolder, command.b)];
  const sideA = annotationSide(filesA);
  const sideB = annotationSide(filesB);
  for (const [files, side] of [[filesA, sideA], [filesB, sideB]] as const) {
    for (const p of side.problems) io.err(`corpus-annotator: warning: ${files.label}: ${p} (left out)\n`);
  }
  let documents: string[];
  if (command.document !== undefined) {
    const file = workspacePath(ws, command.document);
    if (!ws.corpus.isArticle(file)) throw new CliError(notAnArticle(ws, file).replace('can be tagged', 'can be adjudicated'));
    documents = [ws.corpus.relative(file)];
  } else documents = taggedArticles(sideA, sideB);

  const rows: Row[] = [];
  let failed = false;
  for (const document of documents) {
    const article = ws.corpus.resolve(document);
    const text = await ws.corpus.readArticle(article).catch(() => undefined);
    if (text === undefined) {
      io.err(`corpus-annotator: warning: ${document} is not in the workspace folder; its disagreements are left out\n`);
      continue;
    }
    const lines = new LineIndex(text);
    const found = disagreementsOf(sideA.tags.get(document) ?? [], sideB.tags.get(document) ?? []);
    const current = () => ws.corpus.sidecarOf(article)?.sidecar.tags ?? [];
    const here: Row[] = found.map((d, i) => {
      const p = lines.positionAt(Math.min(d.start, text.length));
      return { document, number: i + 1, line: p.line + 1, column: p.character + 1, d, text: text.slice(d.start, d.end), now: stateOf(current(), d).state };
    });
    const { choices } = command;
    if (choices.kind === 'choose') {
      const missing = [...choices.choices.keys()].filter((n) => n > found.length);
      if (missing.length) throw new CliError(`${document} has ${found.length} disagreement${found.length === 1 ? '' : 's'} between ${command.a} and ${command.b}; there is no ${missing.join(', ')}.`);
    }
    for (const row of here) {
      const choice = choices.kind === 'take' ? choices.choice : choices.kind === 'choose' ? choices.choices.get(row.number) : undefined;
      if (!choice) continue;
      const known = sidecarProblem(ws, article);
      try {
        const outcome = await writeAdjudication(ws.corpus, article, row.d, choice);
        Object.assign(row, { chosen: choice, removed: outcome.removed.length, added: outcome.added.length });
      } catch (e) {
        row.error = sidecarWriteFailure(ws, article, e, 'was not adjudicated', known);
        failed = true;
      }
    }
    for (const row of here) row.now = stateOf(current(), row.d).state;
    rows.push(...here);
  }

  if (command.format === 'json') io.out(`${JSON.stringify(adjudicationJson(command, rows), null, 2)}\n`);
  else io.out(adjudicationText(command, rows));
  for (const row of rows) if (row.error) io.err(`corpus-annotator: ${row.error}\n`);
  return failed ? 1 : 0;
}

const side = (tags: readonly Tag[]): string => (tags.length ? tags.map((t) => `${t.tag} “${shortQuote(t.quote)}”${t.author ? ` (${t.author})` : ''}`).join(', ') : 'no tag');

function adjudicationText(command: AdjudicateCommand, rows: readonly Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const where = `${displayPath(r.document)}:${r.line}:${r.column}: #${r.number}`;
    if (r.chosen) out.push(`${where} kept ${CHOICE_WORDS[r.chosen]} (${r.removed} removed, ${r.added} added)`);
    else if (r.error) out.push(`${where} not written`);
    else out.push(`${where} A: ${side(r.d.a)} | B: ${side(r.d.b)} | now: ${r.now}`);
  }
  const decided = rows.filter((r) => r.chosen).length;
  const articles = new Set(rows.map((r) => r.document)).size;
  const total = `${rows.length} disagreement${rows.length === 1 ? '' : 's'} between ${command.a} and ${command.b} in ${articles} article${articles === 1 ? '' : 's'}`;
  out.push(command.choices.kind === 'list' ? `${total}.` : `Adjudicated ${decided} of ${total}.`);
  return `${out.join('\n')}\n`;
}

function adjudicationJson(command: AdjudicateCommand, rows: readonly Row[]) {
  const tag = (t: Tag) => ({ id: t.id, tag: t.tag, start: t.start, end: t.end, quote: t.quote, ...(t.author ? { author: t.author } : {}), ...(t.note ? { note: t.note } : {}) });
  return {
    version: 1,
    a: command.a,
    b: command.b,
    disagreements: rows.map((r) => ({
      path: r.document,
      number: r.number,
      key: r.d.key,
      line: r.line,
      column: r.column,
      start: r.d.start,
      end: r.d.end,
      text: r.text,
      a: r.d.a.map(tag),
      b: r.d.b.map(tag),
      now: r.now,
      ...(r.chosen ? { chosen: r.chosen, removed: r.removed, added: r.added } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}
