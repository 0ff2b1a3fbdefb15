// `npm test`: installs what is missing, builds, type-checks, then runs every layer of tests and prints the count of
// each: unit tests of the core and CLI, LSP-level tests of the server, the README's config in a headless Neovim (a
// second real LSP client; skipped, and said so, where nvim is not installed, except in CI), and the suite in a real
// VS Code extension host.
// Every layer runs even if an earlier one fails, so one run shows everything; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${label}: ${[path.basename(command), ...args].join(' ')}`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'], env: process.env });
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

function mochaCounts(out) {
  const n = (re) => Number(re.exec(out)?.[1] ?? 0);
  return { passed: n(/(\d+) passing/), failed: n(/(\d+) failing/), pending: n(/(\d+) pending/) };
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
  { label: 'unit (core, CLI)', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.unit.json'], counts: mochaCounts },
  { label: 'lsp (server over LSP)', cmd: bin('mocha'), args: ['--config', 'test/.mocharc.lsp.json'], counts: mochaCounts },
  {
    label: 'neovim (headless, README config)',
    cmd: bin('tsx'),
    args: ['test/nvim/run.ts'],
    counts: (out) => {
      const m = /^neovim: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m.exec(out);
      return m ? { passed: Number(m[1]), failed: Number(m[2]), pending: Number(m[3] ?? 0) } : { passed: 0, failed: 0, pending: 0 };
    },
  },
  {
    label: 'vscode (real extension host)',
    cmd: bin('tsx'),
    args: ['test/integration/run.ts'],
    counts: (out) => {
      const m = /integration: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(out);
      return m ? { passed: Number(m[1]), failed: Number(m[2]), pending: Number(m[3] ?? 0) } : { passed: 0, failed: 0, pending: 0 };
    },
  },
];
const results = [];
for (const layer of layers) {
  const r = await run(layer.label, layer.cmd, layer.args, { capture: true });
  const c = layer.counts(r.out);
  results.push({ ...layer, ...c, code: r.code, seconds: r.seconds, host: /host: ([\w-]+)/.exec(r.out)?.[1] });
}

console.log('\nTest summary');
let passed = 0;
let failed = 0;
let pending = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed + (r.code !== 0 && r.failed === 0 ? 1 : 0);
  pending += r.pending;
  const status = r.code !== 0 ? '✖' : r.pending && !r.passed ? '○' : '✔';
  const host = r.host ? ` [${r.host}]` : '';
  console.log(`  ${status} ${r.label}${host}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''} (${r.seconds.toFixed(1)} s)${r.code !== 0 && r.failed === 0 ? ' — exited with an error' : ''}`);
}
console.log(`all: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
