// Bundles the integration suite for the extension host: test/integration/suite/index.ts
// and every test/integration/suite/*.test.ts, each to its own CommonJS file in
// dist/test/suite/, with `vscode` and `mocha` left to the host.
// The build may call bundleSuite() (e.g. via tsx's tsImport); run.ts calls it too.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

export interface BundleSuiteOptions {
  /** Project root; defaults to two folders up from this file. */
  root?: string;
  /** Output folder; defaults to <root>/dist/test/suite. */
  outDir?: string;
  /** Minify (never needed for tests). */
  minify?: boolean;
}

/** Returns the absolute paths of the bundles written (index.js first). */
export async function bundleSuite(opts: BundleSuiteOptions = {}): Promise<string[]> {
  const root = opts.root ?? path.resolve(__dirname, '..', '..');
  const srcDir = path.join(root, 'test', 'integration', 'suite');
  const outDir = opts.outDir ?? path.join(root, 'dist', 'test', 'suite');
  const tests = fs.readdirSync(srcDir).filter((f) => f.endsWith('.test.ts')).sort();
  const entryPoints = ['index.ts', ...tests].map((f) => path.join(srcDir, f));
  // Stale bundles of deleted tests would still be discovered by index.js.
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha', 'mocha/*'],
    sourcemap: 'inline',
    minify: opts.minify ?? false,
    logLevel: 'warning',
  });
  return entryPoints.map((e) => path.join(outDir, path.basename(e).replace(/\.ts$/, '.js')));
}

if (require.main === module) {
  bundleSuite().then(
    (files) => console.log(`bundled ${files.length} suite files into ${path.dirname(files[0])}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
