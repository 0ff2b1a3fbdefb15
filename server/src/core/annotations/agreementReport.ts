/**
 * The agreement report between two analysts (issue 10), from the files of their two annotations folders: what the
 * `agree` CLI prints and the language server's `corpusAnnotator/agreement` request returns. Pure: the files and the
 * articles' texts are given (read from a folder or a git ref by workspace/annotationSources.ts).
 */
import type { EntityRegistry } from '../entities/registry';
import { EMPTY_REGISTRY, parseRegistry } from '../entities/registry';
import type { Tag } from './model';
import { parseSidecar } from './sidecarFormat';
import {
  registryDisagreements,
  spanAgreement,
  tokenAgreement,
  unitizedAlphaByTag,
  wordTokens,
  type LabelAgreement,
  type RegistryDisagreements,
  type SpanAgreement,
  type TagSpan,
} from './agreement';

/** One analyst's annotations: the files of an annotations folder, by their path inside it (`/` separators). */
export interface AnnotationFiles {
  /** What the analyst named it: a folder or a git ref. */
  readonly label: string;
  readonly kind: 'folder' | 'git';
  readonly files: ReadonlyMap<string, string>;
}

/** One analyst's annotations, parsed: tags by article (path relative to the workspace) and the registry. */
export interface AnnotationSide {
  readonly tags: ReadonlyMap<string, readonly Tag[]>;
  readonly registry: EntityRegistry;
  /** Files that do not parse, left out (`file:line: message`). */
  readonly problems: readonly string[];
}

export interface SideSummary {
  readonly source: string;
  readonly kind: 'folder' | 'git';
  readonly articles: number;
  readonly tags: number;
  readonly entities: number;
}

export interface UnitizedAlphaOfTag {
  readonly tag: string;
  readonly alpha: number | null;
  readonly observed: number;
  readonly expected: number;
}

export interface AgreementReport {
  readonly a: SideSummary;
  readonly b: SideSummary;
  readonly spans: SpanAgreement;
  readonly tokens: LabelAgreement & { readonly documents: number };
  readonly registry: RegistryDisagreements;
  /** Krippendorff's unitized alpha per tag (characters of the articles laid end to end). */
  readonly unitized: readonly UnitizedAlphaOfTag[];
  /** Articles tagged by either side whose text is not in the workspace (left out of the token figures). */
  readonly missingArticles: readonly string[];
}

/** The tags (by article) and the registry of one side; files that do not parse are listed in `problems` and left out. */
export function annotationSide(source: AnnotationFiles): AnnotationSide {
  const tags = new Map<string, Tag[]>();
  const problems: string[] = [];
  let registry: EntityRegistry = EMPTY_REGISTRY;
  for (const [file, text] of [...source.files].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (file === 'ignored.yaml' || file === 'tags.yaml') continue;
    if (file === 'entities.yaml') {
      if (!text.trim()) continue;
      const r = parseRegistry(text);
      if (r.ok) registry = r.registry;
      else problems.push(`entities.yaml:${r.errors[0].line + 1}: ${r.errors[0].message}`);
      continue;
    }
    const r = parseSidecar(text, file.replace(/\.yaml$/, '.txt'));
    if (!r.ok) {
      problems.push(`${file}:${r.errors[0].line + 1}: ${r.errors[0].message}`);
      continue;
    }
    const list = tags.get(r.sidecar.document) ?? [];
    list.push(...r.sidecar.tags);
    tags.set(r.sidecar.document, list);
  }
  return { tags, registry, problems };
}

/** The spans of a side, by article. */
export function spansOf(side: AnnotationSide): Map<string, TagSpan[]> {
  return new Map([...side.tags].map(([doc, tags]) => [doc, tags.map((t) => ({ tag: t.tag, start: t.start, end: t.end }))]));
}

/** Every article either side tagged, sorted. */
export function taggedArticles(a: AnnotationSide, b: AnnotationSide): string[] {
  return [...new Set([...a.tags.keys(), ...b.tags.keys()])].sort();
}

/**
 * Every figure between the two sides. `texts` holds the current text of the articles either side tagged (those
 * missing count for spans only).
 */
export function agreementReport(
  a: { readonly files: AnnotationFiles; readonly side: AnnotationSide },
  b: { readonly files: AnnotationFiles; readonly side: AnnotationSide },
  texts: ReadonlyMap<string, string>,
): AgreementReport {
  const spansA = spansOf(a.side);
  const spansB = spansOf(b.side);
  const tokens = new Map<string, [number, number][]>();
  const lengths = new Map<string, number>();
  const missing: string[] = [];
  for (const doc of taggedArticles(a.side, b.side)) {
    const text = texts.get(doc);
    if (text === undefined) missing.push(doc);
    else {
      tokens.set(doc, wordTokens(text));
      lengths.set(doc, text.length);
    }
  }
  const summary = (files: AnnotationFiles, side: AnnotationSide): SideSummary => ({
    source: files.label,
    kind: files.kind,
    articles: side.tags.size,
    tags: [...side.tags.values()].reduce((n, xs) => n + xs.length, 0),
    entities: side.registry.entities.length,
  });
  return {
    a: summary(a.files, a.side),
    b: summary(b.files, b.side),
    spans: spanAgreement(spansA, spansB),
    tokens: tokenAgreement(spansA, spansB, tokens),
    unitized: unitizedAlphaByTag(spansA, spansB, lengths),
    registry: registryDisagreements(a.side.registry, b.side.registry),
    missingArticles: missing,
  };
}

/** The registry's disagreements, one line each, for people (`type of Vientiane: A LOCATION, B ORG`). */
export function registryDisagreementLines(g: RegistryDisagreements): string[] {
  const lines: string[] = [];
  for (const e of g.onlyA) lines.push(`only A: ${e.canonical} (${e.type}, ${e.id})`);
  for (const e of g.onlyB) lines.push(`only B: ${e.canonical} (${e.type}, ${e.id})`);
  for (const t of g.types) lines.push(`type of ${t.canonical}: A ${t.a}, B ${t.b}`);
  for (const a of g.aliases) {
    const parts = [...(a.onlyA.length ? [`only A: ${a.onlyA.join(', ')}`] : []), ...(a.onlyB.length ? [`only B: ${a.onlyB.join(', ')}`] : [])];
    lines.push(`names of ${a.canonical}: ${parts.join('; ')}`);
  }
  for (const o of g.owners) lines.push(`"${o.name}" is a name of ${o.a} for A, of ${o.b} for B`);
  for (const s of g.notEntities.onlyA) lines.push(`not an entity for A only: ${s}`);
  for (const s of g.notEntities.onlyB) lines.push(`not an entity for B only: ${s}`);
  return lines;
}
