// Mocha entry run inside the VS Code extension host (test-electron or code-server).
// The build bundles this file to dist/test/suite/index.js and every
// test/integration/suite/*.test.ts to dist/test/suite/*.test.js beside it;
// run() discovers those bundles at run time.
import * as fs from 'fs';
import * as path from 'path';

type MochaCtor = typeof import('mocha');

/** mocha 12 is ESM-only at its entry point; fall back to its CommonJS build where require(esm) is missing. */
function loadMocha(): MochaCtor {
  try {
    const mod = require('mocha');
    return (mod.default ?? mod) as MochaCtor;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw err;
    const mod = require('mocha/lib/mocha.cjs');
    return (mod.default ?? mod) as MochaCtor;
  }
}

/** Where the runner wants the counts written (optional; the log line below is the fallback). */
function writeResult(result: { passed: number; failed: number; pending: number }): void {
  const file = process.env.CORPUS_TEST_RESULT_FILE;
  if (!file) return;
  try {
    fs.writeFileSync(file, JSON.stringify(result));
  } catch (err) {
    console.error(`could not write ${file}: ${String(err)}`);
  }
}

export async function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(process.env.CORPUS_TEST_GREP ? { grep: process.env.CORPUS_TEST_GREP } : {}) });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js files beside ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const result = await new Promise<{ passed: number; failed: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
        resolve({ passed: s.passes, failed: s.failures, pending: s.pending });
      });
    } catch (err) {
      reject(err);
    }
  });
  writeResult(result);
  // Parsed by test/integration/run.ts; keep the format.
  console.log(`[corpus-suite-result] ${JSON.stringify(result)}`);
  if (result.failed > 0) throw new Error(`${result.failed} of ${result.passed + result.failed} tests failed`);
}
