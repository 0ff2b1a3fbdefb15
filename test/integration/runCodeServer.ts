// Runs the bundled suite in code-server's real Node extension host, with the
// workbench opened in headless Chromium (the @vscode/test-web automation contract).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { ensureCodeServer, launchBrowser, launchCodeServer, workbenchUrl } from '../../scripts/code-server/index.mjs';
import { parseResultLine, suiteEnv, type SuiteCounts, type SuiteOutcome, type SuiteRun } from './types';
import { isWorkbenchChatter } from './workbenchChatter';

type Settled = { kind: 'exit'; code: number } | { kind: 'error'; reason: string };

export async function runInCodeServer(run: SuiteRun): Promise<SuiteOutcome> {
  const layout = await ensureCodeServer({ log: run.log });
  const t0 = Date.now();
  const serverLog: string[] = [];
  const server = await launchCodeServer({
    entry: layout.entry,
    runDir: path.join(run.runDir, 'code-server'),
    env: suiteEnv(run),
    onLog: (line) => serverLog.push(line),
  });
  run.log(`[code-server] listening on ${server.baseUrl} (pid ${server.pid}, log ${server.logFile})`);
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let counts: SuiteCounts | undefined;
  try {
    browser = await launchBrowser({ profileDir: path.join(run.runDir, 'chromium') });
    const { page } = browser;
    let settle!: (s: Settled) => void;
    const settled = new Promise<Settled>((resolve) => (settle = resolve));
    // Every workbench line goes to workbench.log; the start-up chatter is not printed.
    const workbenchLog = path.join(run.runDir, 'workbench.log');
    let quiet = 0;
    await page.exposeFunction('codeAutomationLog', (_level: unknown, args: unknown[]) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      fs.appendFileSync(workbenchLog, `${line}\n`);
      counts = parseResultLine(line) ?? counts;
      if (isWorkbenchChatter(line)) quiet++;
      else run.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle({ kind: 'exit', code }));
    page.on('pageerror', (err) => run.log(`[page error] ${err.message}`));
    page.on('crash', () => settle({ kind: 'error', reason: 'the workbench page crashed' }));
    void server.exited.then((code) => settle({ kind: 'error', reason: `code-server exited early (${code})` }));
    const timer = setTimeout(
      () => settle({ kind: 'error', reason: `timed out after ${Math.round(run.timeoutMs / 1000)}s` }),
      run.timeoutMs,
    );
    const url = workbenchUrl(server.baseUrl, {
      folder: run.workspace,
      extensionDevelopmentPath: run.root,
      extensionTestsPath: run.suiteIndex,
    });
    await page.goto(url);
    const result = await settled;
    clearTimeout(timer);
    run.log(`[code-server] suite settled in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    counts = readResultFile(run.resultFile) ?? counts;
    if (result.kind !== 'exit' || result.code !== 0) {
      if (quiet) run.log(`[code-server] ${quiet} workbench start-up lines not shown: ${workbenchLog}`);
      printExtensionLogs(run);
    }
    if (result.kind === 'error') {
      run.log(`[code-server] last server log lines:\n${serverLog.slice(-15).join('\n')}`);
      return { host: 'code-server', exitCode: 1, counts, reason: result.reason };
    }
    return { host: 'code-server', exitCode: result.code, counts };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

export function readResultFile(file: string): SuiteCounts | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteCounts;
  } catch {
    return undefined;
  }
}

/** On failure, the extension's own output channels (language server stderr included) tell why. */
function printExtensionLogs(run: SuiteRun): void {
  let id: string;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(run.root, 'package.json'), 'utf8')) as { publisher: string; name: string };
    id = `${pkg.publisher}.${pkg.name}`.toLowerCase();
  } catch {
    return;
  }
  const logsRoot = path.join(run.runDir, 'code-server', 'user-data', 'logs');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log') && p.toLowerCase().includes(`${path.sep}${id}${path.sep}`)) found.push(p);
    }
  };
  walk(logsRoot);
  for (const file of found) {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    run.log(`[code-server] --- last ${Math.min(lines.length, 40)} lines of ${path.relative(run.runDir, file)} ---`);
    for (const line of lines.slice(-40)) run.log(line);
  }
}
