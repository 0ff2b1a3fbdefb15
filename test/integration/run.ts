// Runs the integration suite (test/integration/suite) inside a real VS Code:
// @vscode/test-electron where VS Code can be downloaded, code-server otherwise.
//   npx tsx test/integration/run.ts          (CORPUS_TEST_HOST=electron|code-server forces a host)
// Exit code 0 only when the suite ran at least one test and none failed; 2, with `integration: not run (why)`, when
// the forced host cannot be had (no test ran).
import * as fs from 'fs';
import * as path from 'path';
import { createSeedWorkspace, ensureCodeServer, pruneOld, removeQuietly } from '../../scripts/code-server/index.mjs';
import { bundleSuite } from './bundleSuite';
import { chooseHost, type HostChoice } from './hostChoice';
import { runInCodeServer } from './runCodeServer';
import { ensureElectronVSCode, runInElectron } from './runElectron';
import type { SuiteOutcome, SuiteRun } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
/** The extension under test: the project itself unless CORPUS_TEST_EXTENSION_PATH points elsewhere (harness checks). */
const EXTENSION_PATH = path.resolve(process.env.CORPUS_TEST_EXTENSION_PATH ?? ROOT);
const TIMEOUT_MS = Number(process.env.CORPUS_TEST_TIMEOUT_MS ?? 5 * 60_000);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function mainEntry(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(EXTENSION_PATH, 'package.json'), 'utf8')) as { main?: string };
  return path.resolve(EXTENSION_PATH, pkg.main ?? 'dist/client.js');
}

/** The build bundles the suite to dist/test/suite; bundle it here too when that is missing or older than its sources. */
async function ensureSuiteBundle(say: (s: string) => void): Promise<string> {
  const outDir = path.join(ROOT, 'dist', 'test', 'suite');
  const index = path.join(outDir, 'index.js');
  const srcDir = path.join(ROOT, 'test', 'integration', 'suite');
  const sources = fs.readdirSync(srcDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const bundlesPresent = sources.every((f) => fs.existsSync(path.join(outDir, f.replace(/\.ts$/, '.js'))));
  const allSources = fs.readdirSync(srcDir).filter((f) => f.endsWith('.ts'));
  const stale = !built || !bundlesPresent || allSources.some((f) => fs.statSync(path.join(srcDir, f)).mtimeMs > built);
  if (stale) {
    const files = await bundleSuite({ root: ROOT, outDir });
    say(`[integration] bundled ${files.length - 1} test file(s) into ${path.relative(ROOT, outDir)}`);
  }
  const tests = fs.readdirSync(outDir).filter((f) => f.endsWith('.test.js'));
  say(`[integration] suite: ${tests.join(', ')}`);
  return index;
}

type PreparedHost = { host: 'electron'; executable: string } | { host: 'code-server' };

/** The host asked for (CORPUS_TEST_HOST=electron) cannot be had: no test can run, which is not a failed test. */
class HostUnavailable extends Error {}

/**
 * Chooses the host and gets it ready (download or install), before the suite's clock starts. A fallback from
 * test-electron to code-server says so with a `host:` line of its own, so that the run is labelled by the host it
 * ran in.
 */
async function prepareHost(choice: HostChoice): Promise<PreparedHost> {
  log(`[integration] host: ${choice.host} (${choice.why})`);
  if (choice.host === 'electron') {
    try {
      return { host: 'electron', executable: await ensureElectronVSCode(ROOT) };
    } catch (err) {
      const why = (err as Error).message.split('\n')[0];
      if (process.env.CORPUS_TEST_HOST === 'electron') throw new HostUnavailable(`CORPUS_TEST_HOST=electron, but VS Code could not be downloaded: ${why}`);
      log(`[integration] VS Code could not be downloaded (${why})`);
      log('[integration] host: code-server (fallback: VS Code could not be downloaded)');
    }
  }
  await ensureCodeServer({ log });
  return { host: 'code-server' };
}

async function runSuite(host: PreparedHost, run: SuiteRun): Promise<SuiteOutcome> {
  return host.host === 'electron' ? runInElectron(run, host.executable) : runInCodeServer(run);
}

/** Last resort if a host ignores the suite's own time-out: exit (process exit hooks end the hosts). */
function startWatchdog(): NodeJS.Timeout {
  const ms = TIMEOUT_MS + 60_000;
  const t = setTimeout(() => {
    log(`[integration] hard time-out after ${Math.round(ms / 1000)}s`);
    log('integration: 0 passed, 1 failed');
    process.exit(1);
  }, ms);
  t.unref();
  return t;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const entry = mainEntry();
  if (!fs.existsSync(entry)) {
    log(`[integration] ${path.relative(ROOT, entry)} is missing: run \`npm run build\` first`);
    return 1;
  }
  const suiteIndex = await ensureSuiteBundle(log);
  const cache = path.join(ROOT, '.vscode-test');
  pruneOld(cache, 'runs-');
  pruneOld(path.join(cache, 'workspaces'), 'ws-');
  const workspace = createSeedWorkspace(ROOT);
  const runDir = fs.mkdtempSync(path.join(cache, 'runs-'));
  const run: SuiteRun = {
    root: EXTENSION_PATH,
    suiteIndex,
    workspace,
    runDir,
    resultFile: path.join(runDir, 'result.json'),
    timeoutMs: TIMEOUT_MS,
    log,
  };
  log(`[integration] workspace: ${workspace}`);
  let watchdog: NodeJS.Timeout | undefined;

  let outcome: SuiteOutcome;
  let host: PreparedHost | undefined;
  let choice: HostChoice | undefined;
  try {
    choice = await chooseHost(ROOT);
    host = await prepareHost(choice);
    watchdog = startWatchdog();
    outcome = await runSuite(host, run);
  } catch (err) {
    if (err instanceof HostUnavailable) {
      removeQuietly(workspace);
      removeQuietly(runDir);
      log(`[integration] ${err.message}. No test ran; unset CORPUS_TEST_HOST (or set it to code-server) to run the suite in code-server.`);
      log(`integration: not run (${err.message})`);
      return 2;
    }
    log(`[integration] ${(err as Error).stack ?? String(err)}`);
    outcome = { host: host?.host ?? choice?.host ?? 'code-server', exitCode: 1, reason: 'the test host could not be prepared or started' };
  }
  clearTimeout(watchdog);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const c = outcome.counts;
  const ran = c ? c.passed + c.failed : 0;
  const ok = outcome.exitCode === 0 && c !== undefined && c.failed === 0 && ran > 0;
  if (outcome.reason) log(`[integration] ${outcome.reason}`);
  if (!c) log('[integration] the suite reported no result');
  else if (ran === 0) log('[integration] the suite ran no test');
  if (ok) {
    removeQuietly(workspace);
    removeQuietly(runDir);
  } else {
    log(`[integration] kept for inspection: ${workspace} and ${runDir}`);
  }
  log(`[integration] ${outcome.host} run ${ok ? 'passed' : 'FAILED'} in ${secs}s`);
  const pendingPart = c && c.pending ? `, ${c.pending} skipped` : '';
  log(`integration: ${c?.passed ?? 0} passed, ${c?.failed ?? (ok ? 0 : 1)} failed${pendingPart}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
