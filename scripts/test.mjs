// `npm test`: installs what is missing, builds, type-checks, then runs every layer of tests and prints the count of
// each: unit tests of the core and CLI, LSP-level tests of the server, the README's config in a headless Neovim (a
// second real LSP client; skipped, and said so, where nvim is not installed, except in CI), and the suite in a real
// VS Code extension host.
// Every layer runs even if an earlier one fails, so one run shows everything; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsOf, hostOf, notRunOf, summarize } from './testSummary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Logs that are not a terminal (CI, a file) get no colour codes: mocha colours its output whenever CI is set.
const env = !process.stdout.isTTY && process.env.FORCE_COLOR === undefined ? { ...process.env, NO_COLOR: '1' } : { ...process.env };
// Servers started by the tests keep their analysis cache in a folder of this run, removed at the end, not in the user's.
const testCache = env.CORPUS_ANNOTATOR_CACHE ? undefined : mkdtempSync(path.join(os.tmpdir(), 'corpus-annotator-test-cache-'));
if (testCache) env.CORPUS_ANNOTATOR_CACHE = testCache;
process.on('exit', () => testCache && rmSync(testCache, { recursive: true, force: true }));

function run(label, command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${label}: ${[path.basename(command), ...args].join(' ')}`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'], env });
    let out = '';
    child.stdout?.on('data', (d) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
    child.on('error', (e) => {
      console.error(`${label}: ${e.message}`);
      resolve({ code: 1, out, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const prep = [
  ['install', process.execPath, [path.join(root, 'scripts/ensure-deps.mjs')]],
  ['build', process.execPath, [path.join(root, 'scripts/build.mjs')]],
  ['typecheck', bin('tsc'), ['-b']],
];
for (const [label, cmd, args] of prep) {
  const r = await run(label, cmd, args);
  if (r.code !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.code}); no tests were run.`);
    process.exit(1);
  }
}

const layers = [
  { label: 'unit (core, CLI)', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.unit.json'] },
  { label: 'lsp (server over LSP)', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.lsp.json'] },
  { label: 'neovim (headless, README config)', cmd: bin('tsx'), args: ['test/nvim/run.ts'], name: 'neovim' },
  { label: 'vscode (real extension host)', cmd: bin('tsx'), args: ['test/integration/run.ts'], name: 'integration' },
];
const results = [];
for (const layer of layers) {
  const r = await run(layer.label, layer.cmd, layer.args, { capture: true });
  const notRun = notRunOf(r.out, layer.name);
  results.push({ label: layer.label, ...countsOf(r.out, layer.name), code: r.code, seconds: r.seconds, host: hostOf(r.out), ...(notRun ? { notRun } : {}) });
}

const summary = summarize(results);
console.log(`\n${summary.lines.join('\n')}`);
process.exit(summary.ok ? 0 : 1);
