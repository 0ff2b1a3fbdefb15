/**
 * Entity type benchmark: after clustering, every mention shows its entity's type (core/entities/clusterType.ts). On
 * CoNLL-2003 (documents as in the ner bench, clustered as one corpus), the share of mentions on gold spans whose
 * entity's type is the gold type, side by side with the type each mention was read with and with the plain majority of
 * the readings (the rule before clusterType.ts), and the entities whose type the name decided against the majority.
 * `valid.txt` was never trained on; `train.txt` is the tagger's own training set (its US city sports teams are ORG).
 *
 *   npx tsx test/bench/entity-types.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { clusterEntities } from '../../server/src/core/entities/aliases';
import { createEntityRecognizer } from '../../server/src/core/entities/recognizer';
import { ENTITY_TYPES, type EntityType, type RecognizedEntity } from '../../server/src/core/types';
import { loadNerModel } from '../../server/src/node/nerModelFile';
import { parseConll } from '../../server/src/training/conll';
import { spansOfTags } from '../../server/src/training/spanEval';

export type { BenchResult } from './benchResult';
import type { BenchResult } from './benchResult';

const FILES = ['/work/shared/data/conll2003/valid.txt', '/work/shared/data/conll2003/train.txt'];
const CODE: Record<EntityType, string> = { PERSON: 'PER', ORG: 'ORG', LOCATION: 'LOC', MISC: 'MISC' };

function plainMajority(votes: ReadonlyMap<EntityType, number>): EntityType {
  let best: EntityType = 'MISC';
  let count = -1;
  for (const t of ENTITY_TYPES) if ((votes.get(t) ?? 0) > count) [best, count] = [t, votes.get(t) ?? 0];
  return best;
}

export function run(): BenchResult {
  const lines: string[] = [];
  let ok = true;
  const files = FILES.filter((f) => existsSync(f));
  if (!files.length) return { name: 'entity-types', lines: ['CoNLL-2003 not found under ../shared/data: skipped (not measured)'], ok: true };
  const recognizer = createEntityRecognizer(loadNerModel());
  for (const file of files) {
    const docs: { uri: string; entities: RecognizedEntity[] }[] = [];
    const gold = new Map<string, string>();
    parseConll(readFileSync(file, 'utf8')).forEach((doc, d) => {
      const uri = `doc-${String(d).padStart(4, '0')}`;
      const starts: number[] = [];
      const ends: number[] = [];
      let offset = 0;
      for (const s of doc) for (const w of s.words) (starts.push(offset), ends.push(offset + w.length), (offset += w.length + 1));
      let index = 0;
      for (const s of doc) {
        for (const sp of spansOfTags(s.tags)) gold.set(`${uri}:${starts[index + sp.start]}:${ends[index + sp.end - 1]}`, sp.type);
        index += s.words.length;
      }
      docs.push({ uri, entities: recognizer.recognize(doc.map((s) => s.words.join(' ')).join('\n')) });
    });
    const read = new Map<string, EntityType>();
    for (const d of docs) for (const e of d.entities) read.set(`${d.uri}:${e.start}:${e.end}`, e.type);
    const clusters = clusterEntities(docs).clusters();
    let n = 0;
    let asRead = 0;
    let majority = 0;
    let entity = 0;
    const decided: string[] = [];
    for (const c of clusters) {
      const votes = new Map<EntityType, number>();
      for (const m of c.mentions) {
        const t = read.get(`${m.uri}:${m.start}:${m.end}`)!;
        votes.set(t, (votes.get(t) ?? 0) + 1);
      }
      const plain = plainMajority(votes);
      if (plain !== c.type) decided.push(`${c.canonical} (${[...votes].map(([t, k]) => `${CODE[t]} ${k}`).join(', ')}: ${CODE[c.type]})`);
      for (const m of c.mentions) {
        const key = `${m.uri}:${m.start}:${m.end}`;
        const g = gold.get(key);
        if (!g) continue;
        n++;
        if (CODE[read.get(key)!] === g) asRead++;
        if (CODE[plain] === g) majority++;
        if (CODE[c.type] === g) entity++;
      }
    }
    const pct = (k: number) => `${((100 * k) / n).toFixed(2)} %`;
    const heldOut = file.endsWith('valid.txt');
    if (heldOut) ok &&= entity >= majority;
    lines.push(
      `${file.split('/').pop()}: ${clusters.length} entities, ${n} mentions on gold spans; type right as read ${pct(asRead)}, ` +
        `entity type by plain majority ${pct(majority)}, by clusterType.ts ${pct(entity)}${heldOut ? ' (target: not below the plain majority)' : ''}`,
    );
    lines.push(`  decided by the name against the majority (${decided.length}): ${decided.slice(0, 12).join('; ')}`);
  }
  return { name: 'entity-types', lines, ok };
}

if (require.main === module) {
  const r = run();
  for (const line of r.lines) console.log(line);
  console.log(r.ok ? 'targets met' : 'targets NOT met');
  process.exitCode = r.ok ? 0 : 1;
}
