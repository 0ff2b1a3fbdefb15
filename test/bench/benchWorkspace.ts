/**
 * The workspace the corpus-scale benches run on (server.ts, cli.ts): `articles` generated articles of about 4 KB in
 * `seeds/`, all different (test/support/corpusGenerator.ts), and one of 100 KB made of the first thirty,
 * `seeds/zz-long-article.txt`.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { generateCorpus } from '../support/corpusGenerator';

export interface BenchWorkspace {
  /** The articles' file names in `seeds/`, sorted. */
  readonly names: readonly string[];
  /** Characters in all. */
  readonly bytes: number;
}

export async function writeBenchWorkspace(root: string, articles: number): Promise<BenchWorkspace> {
  const docs = generateCorpus({ articles, seed: 11 });
  await fs.mkdir(path.join(root, 'seeds'), { recursive: true });
  for (const d of docs) await fs.writeFile(path.join(root, 'seeds', path.basename(d.uri).replace(/\.\w+$/, '') + '.txt'), d.text);
  const big = docs.slice(0, 30).map((d) => d.text).join('\n\n').slice(0, 100_000);
  await fs.writeFile(path.join(root, 'seeds', 'zz-long-article.txt'), big);
  const names = (await fs.readdir(path.join(root, 'seeds'))).sort();
  return { names, bytes: docs.reduce((n, d) => n + d.text.length, 0) + big.length };
}

/** The baselines a bench's figures are divided by, measured in the same run: `node -e 0`, and a plain read of every article. */
export async function measureBaselines(root: string, names: readonly string[]): Promise<{ nodeStart: number; scan: number; scanned: number }> {
  let t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeStart = performance.now() - t;
  t = performance.now();
  let scanned = 0;
  for (const n of names) scanned += (await fs.readFile(path.join(root, 'seeds', n))).length;
  return { nodeStart, scan: performance.now() - t, scanned };
}
