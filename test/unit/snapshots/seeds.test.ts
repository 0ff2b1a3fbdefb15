/**
 * Snapshot tests over every article in seeds/: what the core finds (entities with their clusters, dates with their
 * values, boilerplate with its copies), as a readable text file per article under test/snapshots/. A change in
 * behaviour shows as a diff to review. Regenerate with `UPDATE_SNAPSHOTS=1 npm run test:unit`.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService, LineIndex, NEVER_CANCELLED, type CorpusService } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { REPO_ROOT, SEEDS_DIR, seedNames } from '../../support/workspace';

const SNAPSHOTS = path.join(REPO_ROOT, 'test/snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function snapshot(service: CorpusService, key: string): string {
  const text = service.getText(key) ?? '';
  const lines = new LineIndex(text);
  const at = (o: number) => {
    const p = lines.positionAt(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const a = service.analyze(key, { dates: { includeDurations: true } }, NEVER_CANCELLED);
  const out = [`# ${key}`, `article date: ${a.documentDate ? `${a.documentDate.value} (${a.documentDate.source})` : 'unknown'}`, '', '## entities'];
  for (const e of a.entities) out.push(`${at(e.start)} ${e.type} ${JSON.stringify(e.text)} -> ${e.entityId}${e.canonical !== e.text ? ` (${e.canonical})` : ''}`);
  out.push('', '## dates');
  for (const d of a.dates) out.push(`${at(d.start)} ${d.kind} ${JSON.stringify(d.text)} = ${d.value} — ${d.resolution}`);
  out.push('', '## boilerplate');
  for (const b of a.boilerplate) {
    const snippet = b.text.length > 60 ? `${b.text.slice(0, 59)}…` : b.text;
    const copies = b.copies.map((c) => `${c.uri === key ? 'here' : path.basename(c.uri)}@${c.start}`).join(', ');
    out.push(`${at(b.start)} ${b.kind} ${JSON.stringify(snippet)} — ${b.reason}${copies ? ` [copies: ${copies}]` : ''}`);
  }
  return out.join('\n') + '\n';
}

describe('snapshots of the seeds corpus', function () {
  this.timeout(60000);
  let service: CorpusService;
  let names: string[] = [];

  before(async () => {
    service = createCorpusService({ nerModel: loadNerModel() });
    names = await seedNames();
    for (const n of names) service.setDocument(`seeds/${n}`, await fs.readFile(path.join(SEEDS_DIR, n), 'utf8'));
  });

  it('has one snapshot per seed article and no stale ones', async () => {
    if (UPDATE) await fs.mkdir(SNAPSHOTS, { recursive: true });
    const have = (await fs.readdir(SNAPSHOTS).catch(() => [] as string[])).filter((n) => n.endsWith('.snap.txt'));
    const want = names.map((n) => n.replace(/\.txt$/, '.snap.txt'));
    if (UPDATE) for (const stale of have.filter((h) => !want.includes(h))) await fs.rm(path.join(SNAPSHOTS, stale));
    else assert.deepEqual(have.sort(), want.sort(), 'run UPDATE_SNAPSHOTS=1 npm run test:unit to create them');
  });

  for (const name of ['000_87a1712161fb5682.txt', '001_1f87558668262b9a.txt', '002_69392594dcc70311.txt', '003_0e5bd4099b662286.txt', '004_f85d18add8346542.txt']) {
    it(`matches the snapshot of ${name}`, async () => {
      if (!names.includes(name)) return assert.fail(`${name} is missing from seeds/`);
      const file = path.join(SNAPSHOTS, name.replace(/\.txt$/, '.snap.txt'));
      const actual = snapshot(service, `seeds/${name}`);
      if (UPDATE) {
        await fs.writeFile(file, actual);
        return;
      }
      const expected = await fs.readFile(file, 'utf8').catch(() => undefined);
      assert.ok(expected !== undefined, `no snapshot ${path.relative(REPO_ROOT, file)}: run UPDATE_SNAPSHOTS=1 npm run test:unit`);
      assert.equal(actual, expected);
    });
  }
});
