/**
 * Analyses adversarial inputs (test/support/adversarial.ts) one after the other in this process, and prints one JSON
 * line per input: milliseconds for `createCorpusService(...).analyze` plus `buildTimeline`, and the peak resident set
 * size of the process so far (an upper bound of the input's own peak). Run with `--expose-gc` so each input starts
 * from a collected heap.
 *
 *   node --expose-gc --import tsx test/stress/adversarialRun.ts [name …]
 */
import { ADVERSARIAL_INPUTS } from '../support/adversarial';
import { buildTimeline, createCorpusService, NEVER_CANCELLED } from '../../server/src/core/index';
import { loadNerModel } from '../../server/src/node/nerModelFile';

export interface AdversarialResult {
  name: string;
  chars: number;
  ms: number;
  /** Processor time (user + system) of the process during the analysis: what load on a shared machine does not inflate. */
  cpuMs: number;
  peakRssMb: number;
  entities: number;
  dates: number;
  boilerplate: number;
  timeline: number;
  error?: string;
}

const wanted = process.argv.slice(2);
const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return Math.round((d.user + d.system) / 1000);
};
const model = loadNerModel();
const gc = (globalThis as { gc?: () => void }).gc;
for (const input of ADVERSARIAL_INPUTS) {
  if (wanted.length && !wanted.includes(input.name)) continue;
  const text = process.env.ADVERSARIAL_CHARS ? input.text().slice(0, Number(process.env.ADVERSARIAL_CHARS)) : input.text();
  gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let result: AdversarialResult;
  try {
    const service = createCorpusService({ nerModel: model });
    service.setDocument('adversarial.txt', text);
    const a = service.analyze('adversarial.txt', undefined, NEVER_CANCELLED);
    const timeline = buildTimeline([{ uri: a.uri, text, dates: a.dates, documentDate: a.documentDate, entities: a.entities }]);
    const ms = performance.now() - started;
    result = { name: input.name, chars: text.length, ms: Math.round(ms), cpuMs: cpuMsSince(cpu), peakRssMb: 0, entities: a.entities.length, dates: a.dates.length, boilerplate: a.boilerplate.length, timeline: timeline.length };
  } catch (e) {
    result = { name: input.name, chars: text.length, ms: Math.round(performance.now() - started), cpuMs: cpuMsSince(cpu), peakRssMb: 0, entities: 0, dates: 0, boilerplate: 0, timeline: 0, error: String((e as Error).stack ?? e) };
  }
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(result) + '\n');
}
