/**
 * `npm run bench`: runs every benchmark, each in its own Node process (so memory figures are its own), one after
 * another (so they do not compete for the cores). Each prints its figures as ratios against a baseline measured in the
 * same run. `npm run bench -- ner dates` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BENCHES = ['ner', 'pipeline', 'entities-aliases', 'entity-types', 'entity-views', 'dates', 'boilerplate', 'server', 'views', 'timeline', 'shutdown', 'mapReduce', 'cli'] as const;

function main(): number {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !BENCHES.includes(w as (typeof BENCHES)[number]));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHES.join(', ')}`);
    return 2;
  }
  const list = wanted.length ? wanted : [...BENCHES];
  const summary: string[] = [];
  for (const name of list) {
    console.log(`\n=== bench: ${name} ===`);
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, `${name}.ts`)], { stdio: 'inherit' });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    summary.push(`${name}: ${r.status === 0 ? 'targets met' : `targets NOT met or failed (exit ${r.status})`} (${secs} s)`);
  }
  console.log('\n=== summary ===');
  for (const s of summary) console.log(s);
  return 0;
}

process.exitCode = main();
