/**
 * Agreement and adjudication through LSP (issue 10): the two sides are read from git refs or annotation folders
 * inside the workspace folder (workspace/annotationSources.ts, through the folder's boundary), the figures and the
 * disagreements come from the core, and an adjudication is written to the article's sidecar by the folder's model
 * (`CorpusFolder.changeTags`: its lock, broken files never rewritten, comments kept), recorded for Undo.
 */
import * as path from 'node:path';
import {
  agreementReport,
  annotationSide,
  disagreementsOf,
  LineIndex,
  registryDisagreementLines,
  stateOf,
  taggedArticles,
  throwIfCancelled,
  ADJUDICATION_CHOICES,
  type AnnotationFiles,
  type CancellationToken,
  type Disagreement,
  type Prf,
  type Tag,
} from '../core/index';
import type {
  AdjudicateResult,
  AgreementParams,
  AgreementResult,
  AgreementSourcesResult,
  DisagreementItem,
  SideTag,
} from '../protocolAgreement';
import { confineToFolder, MAX_ANALYST_FILE_BYTES } from '../workspace/boundary';
import { AnalystFileError, type CorpusFolder } from '../workspace/corpusFolder';
import { readAnnotationSource, SourceError, type GitAnnotations } from '../workspace/annotationSources';
import { sidecarPathFor } from '../workspace/sidecarPaths';
import { writeAdjudication, type AdjudicationOutcome } from '../workspace/adjudication';
import { oneOf, paramsObject, requiredString } from './params';
import { UserError, type TagService, type TextSource } from './tagService';
import { uriToPath, type Workspace } from './workspace';

export interface Progress {
  report(message: string, percentage?: number): void;
}

/** Reads no repository: agreement and adjudication between folders only. */
const NO_GIT: GitAnnotations = {
  isRef: async () => false,
  readFiles: async () => new Map(),
  refs: async () => [],
};

export class AgreementService {
  constructor(
    private readonly workspace: Workspace,
    private readonly texts: TextSource,
    private readonly tags: TagService,
    private readonly git: GitAnnotations = NO_GIT,
  ) {}

  /** The sides one may compare in a folder: its repository's refs (current branch first), then annotation folders. */
  async sources(uri: string | undefined): Promise<AgreementSourcesResult> {
    const corpus = await this.folderOf(uri, 'Agreement sources');
    const refs = await this.git.refs(corpus.root).catch(() => []);
    const sources: AgreementSourcesResult['sources'] = refs.map((r) => ({
      name: r.name,
      kind: r.kind,
      ...(r.current ? { current: true } : {}),
      ...(r.subject || r.author ? { detail: [r.subject, r.author].filter(Boolean).join(' — ') } : {}),
    }));
    return { folder: this.workspace.uriOf(corpus.root), sources };
  }

  async agreement(params: AgreementParams, token: CancellationToken, progress?: Progress): Promise<AgreementResult> {
    const corpus = await this.folderOf(params.uri, 'Agreement');
    progress?.report(`Reading ${params.a}…`, 0);
    const filesA = await this.read(corpus, params.a);
    throwIfCancelled(token);
    progress?.report(`Reading ${params.b}…`, 20);
    const filesB = await this.read(corpus, params.b);
    throwIfCancelled(token);
    const sideA = annotationSide(filesA);
    const sideB = annotationSide(filesB);
    const docs = taggedArticles(sideA, sideB);
    const texts = new Map<string, string>();
    for (let i = 0; i < docs.length; i++) {
      throwIfCancelled(token);
      const text = await this.texts.textOf(corpus.resolve(docs[i])).catch(() => undefined);
      if (text !== undefined) texts.set(docs[i], text);
      if (i % 50 === 0) progress?.report(`Comparing ${docs.length} articles…`, 40 + Math.round((i / Math.max(1, docs.length)) * 50));
    }
    const report = agreementReport({ files: filesA, side: sideA }, { files: filesB, side: sideB }, texts);
    const disagreements: DisagreementItem[] = [];
    for (const doc of docs) {
      const text = texts.get(doc);
      if (text === undefined) continue;
      const file = corpus.resolve(doc);
      const current = corpus.sidecarOf(file)?.sidecar.tags ?? [];
      for (const d of disagreementsOf(sideA.tags.get(doc) ?? [], sideB.tags.get(doc) ?? [])) disagreements.push(this.toItem(corpus, file, text, d, current));
    }
    const prf = (p: Prf) => ({ countA: p.countA, countB: p.countB, matchedA: p.matchedA, matchedB: p.matchedB, precision: p.precision, recall: p.recall, f1: p.f1 });
    return {
      folder: this.workspace.uriOf(corpus.root),
      a: report.a,
      b: report.b,
      spans: {
        tags: report.spans.tags.map((t) => ({ tag: t.tag, exact: prf(t.exact), overlap: prf(t.overlap) })),
        all: { exact: prf(report.spans.all.exact), overlap: prf(report.spans.all.overlap) },
      },
      tokens: { items: report.tokens.items, documents: report.tokens.documents, observed: report.tokens.observed, cohenKappa: report.tokens.cohenKappa, gwetAC1: report.tokens.gwetAC1 },
      unitizedAlpha: report.unitized.map((u) => ({ tag: u.tag, alpha: u.alpha })),
      registry: registryDisagreementLines(report.registry),
      missingArticles: [...report.missingArticles],
      problems: [...sideA.problems.map((p) => `${params.a}: ${p}`), ...sideB.problems.map((p) => `${params.b}: ${p}`)],
      disagreements,
    };
  }

  /** The disagreements between A and B on one article, with what its sidecar holds there now. */
  async disagreements(uri: string, a: string, b: string): Promise<DisagreementItem[]> {
    const { corpus, file, text, sideA, sideB, document } = await this.articleSides(uri, a, b, 'Disagreements');
    const current = corpus.sidecarOf(file)?.sidecar.tags ?? [];
    return disagreementsOf(sideA.tags.get(document) ?? [], sideB.tags.get(document) ?? []).map((d) => this.toItem(corpus, file, text, d, current));
  }

  /** Keeps A's tags, B's, both or neither at one disagreement of an article, in its sidecar. */
  async adjudicate(raw: unknown): Promise<AdjudicateResult> {
    const what = 'Adjudicate';
    const args = paramsObject(raw, what);
    const uri = requiredString(args, 'uri', what);
    const a = requiredString(args, 'a', what);
    const b = requiredString(args, 'b', what);
    const key = requiredString(args, 'key', what);
    const choice = oneOf(args, 'choice', ADJUDICATION_CHOICES, what);
    if (!choice) throw new UserError(`${what}: \`choice\` must be one of ${ADJUDICATION_CHOICES.join(', ')}.`);
    const { corpus, file, text, sideA, sideB, document } = await this.articleSides(uri, a, b, what);
    const d = disagreementsOf(sideA.tags.get(document) ?? [], sideB.tags.get(document) ?? []).find((x) => x.key === key);
    if (!d) throw new UserError(`${what}: that disagreement is no longer between ${a} and ${b} on ${document} (list them again).`);
    let outcome: AdjudicationOutcome;
    try {
      outcome = await writeAdjudication(corpus, file, d, choice);
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
    const before = new Map<string, Tag | undefined>(outcome.added.map((t) => [t.id, undefined]));
    for (const t of outcome.removed) before.set(t.id, t);
    // Undo puts the tags back, and the merge conflict entries the adjudication resolved.
    if (before.size || outcome.conflicts.length) {
      this.tags.remember(`adjudication (${CHOICE_WORDS[choice]}) on ${document}`, file, [...before].map(([id, tag]) => ({ id, before: tag })), outcome.conflicts);
    }
    const current = corpus.sidecarOf(file)?.sidecar.tags ?? [];
    return { removed: outcome.removed.length, added: outcome.added.length, item: this.toItem(corpus, file, text, d, current) };
  }

  private async articleSides(uri: string, a: string, b: string, what: string) {
    const file = uriToPath(uri);
    if (!file) throw new UserError(`${what}: \`uri\` must be the file: URI of an article, got ${JSON.stringify(uri)}.`);
    await this.workspace.ready;
    const corpus = this.workspace.corpusOf(file);
    if (!corpus || !corpus.isArticle(file)) throw new UserError(`${what}: ${path.basename(file)} is not an article of the corpus.`);
    const text = await this.texts.textOf(file);
    if (text === undefined) throw new UserError(`${what}: cannot read ${path.basename(file)}.`);
    const document = corpus.relative(file);
    const sidecar = path.relative(corpus.annotationsDir, sidecarPathFor(corpus.annotationsDir, document)).split(path.sep).join('/');
    const [filesA, filesB] = [await this.read(corpus, a, [sidecar]), await this.read(corpus, b, [sidecar])];
    return { corpus, file, text, document, sideA: annotationSide(filesA), sideB: annotationSide(filesB) };
  }

  private async read(corpus: CorpusFolder, spec: string, only?: readonly string[]): Promise<AnnotationFiles> {
    // Folders only inside the workspace folder, through its boundary.
    const fs = confineToFolder(this.workspace.fs, corpus.root, { annotationsDir: corpus.annotationsDir, maxAnalystFileBytes: MAX_ANALYST_FILE_BYTES, maxArticleBytes: MAX_ANALYST_FILE_BYTES });
    const annotationsFolder = path.relative(corpus.root, corpus.annotationsDir) || '.';
    try {
      return await readAnnotationSource(spec, { root: corpus.root, annotationsFolder, fs, git: this.git, ...(only ? { only } : {}) });
    } catch (e) {
      if (e instanceof SourceError) throw new UserError(`${e.message} (a side is a git ref, or an annotations folder inside the workspace folder)`);
      throw e;
    }
  }

  private async folderOf(uri: string | undefined, what: string): Promise<CorpusFolder> {
    await this.workspace.ready;
    const file = uri ? uriToPath(uri) : undefined;
    if (uri !== undefined && !file) throw new UserError(`${what}: \`uri\` must be a file: URI, got ${JSON.stringify(uri)}.`);
    const corpus = file ? this.workspace.corpusOf(file) : this.workspace.all()[0];
    if (!corpus) throw new UserError(`${what}: there is no workspace folder${file ? ` holding ${path.basename(file)}` : ''}.`);
    return corpus;
  }

  private toItem(corpus: CorpusFolder, file: string, text: string, d: Disagreement, current: readonly Tag[]): DisagreementItem {
    const lines = new LineIndex(text);
    const range = (start: number, end: number) => {
      const s = Math.max(0, Math.min(start, text.length));
      const e = Math.max(s, Math.min(end, text.length));
      return { start: lines.positionAt(s), end: lines.positionAt(e) };
    };
    const side = (t: Tag): SideTag => ({ id: t.id, tag: t.tag, quote: t.quote, range: range(t.start, t.end), ...(t.author ? { author: t.author } : {}), ...(t.note ? { note: t.note } : {}) });
    const now = stateOf(current, d);
    return {
      uri: this.workspace.uriOf(file),
      document: corpus.relative(file),
      key: d.key,
      range: range(d.start, d.end),
      text: text.slice(Math.max(0, d.start), Math.min(text.length, d.end)),
      a: d.a.map(side),
      b: d.b.map(side),
      now: now.tags.map(side),
      state: now.state,
    };
  }
}

const CHOICE_WORDS = { a: 'A', b: 'B', both: 'both', neither: 'neither' } as const;
