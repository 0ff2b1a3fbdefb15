/** Turns a document's analysis into LSP diagnostics, according to the settings. */
import { DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import {
  boilerplateMessage,
  dateMessage,
  entityMessage,
  LineIndex,
  type DocumentAnalysis,
  type EntityClustering,
} from '../core/index';
import { toSeverity } from './settings';
import type { Settings } from '../workspace/settings';

export const DIAGNOSTIC_SOURCE = 'corpus';

export interface LocationResolver {
  /** URI and line index of a document key, for related information; undefined if unknown. */
  locate(key: string): { uri: string; lines: LineIndex } | undefined;
}

export function toDiagnostics(
  analysis: DocumentAnalysis,
  lines: LineIndex,
  settings: Settings,
  clustering: EntityClustering,
  resolver: LocationResolver,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });

  const entitySeverity = toSeverity(settings.entities.severity);
  if (entitySeverity) {
    for (const m of analysis.entities) {
      out.push({
        range: range(m.start, m.end),
        severity: entitySeverity,
        source: DIAGNOSTIC_SOURCE,
        code: `entity.${m.type.toLowerCase()}`,
        message: entityMessage(m, clustering.cluster(m.entityId)),
        data: { kind: 'entity', entityId: m.entityId },
      });
    }
  }

  const dateSeverity = toSeverity(settings.dates.severity);
  if (dateSeverity) {
    for (const d of analysis.dates) {
      if (d.kind === 'DURATION' && !settings.dates.showDurations) continue;
      out.push({
        range: range(d.start, d.end),
        severity: dateSeverity,
        source: DIAGNOSTIC_SOURCE,
        code: `date.${d.kind.toLowerCase()}`,
        message: dateMessage(d),
        data: { kind: 'date', value: d.value },
      });
    }
  }

  const boilerplateSeverity = toSeverity(settings.boilerplate.severity);
  if (boilerplateSeverity) {
    for (const b of analysis.boilerplate) {
      const related: DiagnosticRelatedInformation[] = [];
      for (const copy of b.copies) {
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
