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
if (process.env.ADVERSARIAL_CORPUS) {
  // All the inputs as the articles of one corpus (entity clusters and repeated passages across them), cut to
  // ADVERSARIAL_CHARS each: one result, named `corpus`.
  const size = Number(process.env.ADVERSARIAL_CHARS ?? 100_000);
  const inputs = ADVERSARIAL_INPUTS.filter((i) => !wanted.length || wanted.includes(i.name));
  const texts = inputs.map((i) => i.text().slice(0, size));
  gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const service = createCorpusService({ nerModel: model });
  texts.forEach((t, k) => service.setDocument(`adversarial-${k}.txt`, t));
  let entities = 0, dates = 0, boilerplate = 0, timeline = 0;
  let error: string | undefined;
  try {
    const sources = texts.map((text, k) => {
      const a = service.analyze(`adversarial-${k}.txt`, undefined, NEVER_CANCELLED);
      entities += a.entities.length;
      dates += a.dates.length;
      boilerplate += a.boilerplate.length;
      return { uri: a.uri, text, dates: a.dates, documentDate: a.documentDate, entities: a.entities };
    });
    timeline = buildTimeline(sources).length;
    service.boilerplateClusters(NEVER_CANCELLED);
  } catch (e) {
    error = String((e as Error).stack ?? e);
  }
  const result: AdversarialResult = { name: 'corpus', chars: texts.reduce((n, t) => n + t.length, 0), ms: Math.round(performance.now() - started), cpuMs: cpuMsSince(cpu), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), entities, dates, boilerplate, timeline, ...(error ? { error } : {}) };
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

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
