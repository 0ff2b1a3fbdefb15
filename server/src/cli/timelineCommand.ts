/** `corpus-annotator timeline`: the corpus timeline of the given articles, printed as JSON, CSV or text. */
import { buildTimeline, NEVER_CANCELLED, timelineSource, type AnalysisOptions, type CorpusService, type TimelineSource } from '../core/index';
import type { TimelineFormat } from './args';
import { timelineCsv, timelineJson, timelineTextLines, toJsonEntries } from './timelineOutput';

export function printTimeline(
  service: CorpusService,
  keys: readonly string[],
  format: TimelineFormat,
  out: (s: string) => void,
  options: AnalysisOptions,
  display: (key: string) => string,
): void {
  // As the editor's timeline reads them (timelineSource): dates inside boilerplate are marked.
  const sources: TimelineSource[] = keys.map((uri) => timelineSource(uri, service.getText(uri) ?? '', service.analyze(uri, options, NEVER_CANCELLED)));
  const entries = toJsonEntries(buildTimeline(sources), (uri) => service.getText(uri) ?? '', display);
  if (format === 'json') out(timelineJson(entries) + '\n');
  else if (format === 'csv') out(timelineCsv(entries));
  else for (const line of timelineTextLines(entries)) out(line + '\n');
}
