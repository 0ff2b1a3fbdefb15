import * as assert from 'node:assert/strict';
import { countsOf, hostOf, notRunOf, summarize } from '../../../scripts/testSummary.mjs';
import { isWorkbenchChatter } from '../../integration/workbenchChatter';

const layer = (over: object) => ({ label: 'vscode (real extension host)', passed: 0, failed: 0, pending: 0, code: 0, seconds: 1, ...over });

describe('npm test output', () => {
  it('labels the VS Code layer by the host it ran in, after a fallback from test-electron to code-server', () => {
    const out = [
      '[integration] host: electron (VS Code update server reachable)',
      '[integration] VS Code could not be downloaded (getaddrinfo ENOTFOUND update.code.visualstudio.com)',
      '[integration] host: code-server (fallback: VS Code could not be downloaded)',
      'integration: 28 passed, 0 failed',
    ].join('\n');
    assert.equal(hostOf(out), 'code-server');
    assert.deepEqual(countsOf(out, 'integration'), { passed: 28, failed: 0, pending: 0 });
    assert.equal(hostOf('neovim: host: whatever'), undefined, 'only the integration runner’s host line counts');
  });

  it('says a forced test-electron run that could not download VS Code was not run, and does not count it as a failed test', () => {
    const out = '[integration] host: electron (CORPUS_TEST_HOST)\nintegration: not run (CORPUS_TEST_HOST=electron, but VS Code could not be downloaded: offline)\n';
    const why = notRunOf(out, 'integration');
    assert.equal(why, 'CORPUS_TEST_HOST=electron, but VS Code could not be downloaded: offline');
    const { lines, ok } = summarize([layer({ label: 'unit', passed: 400 }), layer({ code: 2, host: hostOf(out), notRun: why })]);
    assert.equal(ok, false, 'the run still fails');
    assert.match(lines.join('\n'), /✖ vscode \(real extension host\) \[electron\]: not run — CORPUS_TEST_HOST=electron, but VS Code could not be downloaded: offline/);
    assert.equal(lines[lines.length - 1], 'all: 400 passed, 0 failed');
    assert.equal(lines[lines.length - 2], 'not run: vscode (real extension host)');
  });

  it('counts a layer that crashed without failing a test as one failure, and skipped checks as skipped', () => {
    const { lines, ok } = summarize([layer({ label: 'lsp', passed: 70, code: 1 }), layer({ label: 'neovim', pending: 15 })]);
    assert.equal(ok, false);
    assert.match(lines[1], /✖ lsp: 70 passed, 0 failed \(1\.0 s\) — exited with an error/);
    assert.match(lines[2], /○ neovim: 0 passed, 0 failed, 15 pending/);
    assert.equal(lines[lines.length - 1], 'all: 70 passed, 1 failed, 15 skipped');
    assert.deepEqual(countsOf('  394 passing (3m)\n  2 failing\n  1 pending'), { passed: 394, failed: 2, pending: 1 });
  });

  it('keeps the workbench’s start-up chatter out of the log, and the suite’s output in', () => {
    for (const line of [
      'Resolving connection token (127.0.0.1:33935)...',
      'Creating a socket (renderer-ExtensionHost-ceb4864b-2e28-4686-96be-81e55a690217) was successful after 391 ms.',
      'Ignoring fetching additional builtin extensions from gallery as it is disabled.',
      '[Service Worker] registered',
      "Creation of workbench contribution 'workbench.contrib.configurationMigration' took 218ms.",
    ]) {
      assert.ok(isWorkbenchChatter(line), line);
    }
    for (const line of ['  Corpus Annotator in VS Code: analysis', '    ✔ hovers a name (2228ms)', '[corpus-suite-result] {"passed":28,"failed":0,"pending":0}', 'Error: Starting server failed', 'Extension host (Remote) is unresponsive.']) {
      assert.ok(!isWorkbenchChatter(line), line);
    }
  });
});
