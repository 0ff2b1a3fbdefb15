// Bundles the extension client, the language server, the CLI and the integration-test suite with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(root, 'dist');

const common = {
  bundle: true,
  platform: 'node',
  // Prefer packages' ES module builds: jsonc-parser's UMD build loads its parts by computed require() paths that a bundle cannot resolve.
  mainFields: ['module', 'main'],
  target: 'node20',
  // Node has had Unicode property escapes (`\p{Lu}`) since 10, but esbuild's table for node20 lacks them: it rewrote
  // every such literal as `new RegExp("…")`, a regular expression made again each time the code around it ran
  // (75,000 a pass over CoNLL-2003 in the recogniser alone).
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function suiteEntries() {
  const dir = path.join(root, 'test/integration/suite');
  try {
    return (await fs.readdir(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

async function copyModels() {
  const models = path.join(root, 'server/models');
  await fs.mkdir(dist, { recursive: true });
  let names = [];
  try {
    names = await fs.readdir(models);
  } catch {
    return;
  }
  for (const n of names) await fs.copyFile(path.join(models, n), path.join(dist, n));
}

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: dist, external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/node/main.ts', clusteringWorker: 'server/src/node/clusteringWorker.ts', analysisWorker: 'server/src/node/analysisWorker.ts', readerWorker: 'server/src/node/readerWorker.ts' }, outdir: dist },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: dist },
  // The timeline plot's script, run inside its webview (a browser).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { timelinePlot: 'client/src/timelinePlot/webview.ts' }, outdir: dist },
];
if (!production) {
  const suite = await suiteEntries();
  if (suite.length) builds.push({ ...common, entryPoints: suite, outdir: path.join(dist, 'test/suite'), external: ['vscode', 'mocha'] });
}

const started = Date.now();
// dist/ is not wiped: esbuild overwrites its outputs, and parallel builds must not delete each other's files.
await copyModels();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('Watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await fs.chmod(path.join(dist, 'cli.js'), 0o755);
  console.log(`Built client, server and CLI into dist/ in ${Date.now() - started} ms${production ? ' (production)' : ''}.`);
}
