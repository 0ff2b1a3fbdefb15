/**
 * Turns a document's analysis into LSP diagnostics, according to the settings. With `problems.list: worklist` (the
 * default) only what an analyst acts on gets the severity of its kind (core/worklist.ts: a name not in the registry
 * yet, once per article; a possible merge; a date that could not be resolved); every other finding is a hint, still
 * flagged in place (dotted, faded) and in hovers, but not listed in the Problems panel.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import {
  boilerplateMessage,
  dateMessage,
  dateWorklist,
  entityMessage,
  entityTypeName,
  entityWorklist,
  LineIndex,
  type DocumentAnalysis,
  type EntityCluster,
  type EntityClustering,
} from '../core/index';
import { toSeverity } from './settings';
import type { Settings } from '../workspace/settings';

/** Copies of a repeated passage listed as a diagnostic's related information. */
const MAX_RELATED_COPIES = 20;

export const DIAGNOSTIC_SOURCE = 'corpus';

export interface LocationResolver {
  /** URI and line index of a document key, for related information; undefined if unknown. */
  locate(key: string): { uri: string; lines: LineIndex } | undefined;
}

/** Why an entity or date diagnostic is on the worklist (its `data.worklist`); absent when it is only flagged in place. */
export type WorklistReason = 'new-name' | 'possible-merge' | 'unresolved-date';

/** The severity of a finding: its kind's, on the worklist (or when everything is listed); a hint otherwise. */
function severityOf(kind: DiagnosticSeverity | undefined, listed: boolean): DiagnosticSeverity | undefined {
  if (kind === undefined) return undefined;
  return listed ? kind : DiagnosticSeverity.Hint;
}

function mergeMessage(others: readonly EntityCluster[]): string {
  const names = others.map((c) => `${c.canonical} (${entityTypeName(c.type)})`);
  return `Perhaps ${names.join(' or ')}: merge them or keep them apart (Ctrl+.).`;
}

export function toDiagnostics(
  analysis: DocumentAnalysis,
  lines: LineIndex,
  settings: Settings,
  clustering: EntityClustering,
  resolver: LocationResolver,
  /** Whether the registry names an entity already (lsp/entityListing.ts, registryMembership). */
  inRegistry: (cluster: EntityCluster) => boolean = () => false,
  /** 'article': `clustering` holds this article's names only, while the corpus is being indexed (articleAlone). */
  scope: 'corpus' | 'article' = 'corpus',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  const everything = settings.problems.list === 'everything';

  const entitySeverity = toSeverity(settings.entities.severity);
  if (entitySeverity) {
    // Worded once per entity and spelling: an article names most entities several times.
    const worded = new Map<string, string>();
    for (const v of entityWorklist(analysis, clustering, { inRegistry })) {
      const m = v.mention;
      const cluster = clustering.cluster(m.entityId);
      const key = `${m.entityId}\u0000${m.type}\u0000${m.canonical}\u0000${m.text}`;
      let base = worded.get(key);
      if (base === undefined) worded.set(key, (base = entityMessage(m, cluster, scope)));
      // What to do comes first: the Problems panel cuts long messages at its width.
      const message =
        v.reason === 'possible-merge' ? `May be another entity — ${base}. ${mergeMessage(v.mergeWith ?? [])}`
        : v.reason === 'new-name' ? `Not in the registry yet — ${base}. Confirm or correct it (Ctrl+.).`
        : base;
      out.push({
        range: range(m.start, m.end),
        severity: severityOf(entitySeverity, everything || v.reason !== undefined),
        source: DIAGNOSTIC_SOURCE,
        code: `entity.${m.type.toLowerCase()}`,
        message,
        data: { kind: 'entity', entityId: m.entityId, ...(v.reason ? { worklist: v.reason } : {}) },
      });
    }
  }

  const dateSeverity = toSeverity(settings.dates.severity);
  if (dateSeverity) {
    for (const v of dateWorklist(analysis)) {
      const d = v.date;
      if (d.kind === 'DURATION' && !settings.dates.showDurations) continue;
      out.push({
        range: range(d.start, d.end),
        severity: severityOf(dateSeverity, everything || v.reason !== undefined),
        source: DIAGNOSTIC_SOURCE,
        code: `date.${d.kind.toLowerCase()}`,
        message: v.reason ? `Not resolved — ${dateMessage(d)}. Check the article's date, or the expression.` : dateMessage(d),
        data: { kind: 'date', value: d.value, ...(v.reason ? { worklist: v.reason } : {}) },
      });
    }
  }

  const boilerplateSeverity = toSeverity(settings.boilerplate.severity);
  if (boilerplateSeverity) {
    for (const b of analysis.boilerplate) {
      const related: DiagnosticRelatedInformation[] = [];
      // The first copies only (the hover counts them all): a line of a templated page can have hundreds.
      for (const copy of b.copies.length > MAX_RELATED_COPIES ? b.copies.slice(0, MAX_RELATED_COPIES) : b.copies) {
        const where = resolver.locate(copy.uri);
        if (!where) continue;
        related.push({
          location: { uri: where.uri, range: { start: where.lines.positionAt(copy.start), end: where.lines.positionAt(copy.end) } },
          message: copy.uri === analysis.uri ? 'Another copy in this article' : 'Another copy',
        });
      }
      out.push({
        range: range(b.start, b.end),
        severity: boilerplateSeverity,
        source: DIAGNOSTIC_SOURCE,
        code: `boilerplate.${b.kind}`,
        message: boilerplateMessage(b),
        tags: [DiagnosticTag.Unnecessary],
        ...(related.length ? { relatedInformation: related } : {}),
        data: { kind: 'boilerplate', boilerplateKind: b.kind },
      });
    }
  }
  return out;
}
