/**
 * The CI-sized part of the reliability suite (`npm run stress` runs it at full size): SIGKILLs of a bundled server
 * during tag writes, fuzzed requests to a bundled server, random inputs to the core and the CLI.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fuzzCli, fuzzCore } from '../stress/fuzzInputs';
import { fuzzRequests } from '../stress/fuzzRequests';
import { killRounds, SERVER } from '../stress/killServer';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';

const KILLS = Number(process.env.CI_KILLS ?? 50);
const REQUESTS = Number(process.env.CI_REQUESTS ?? 3000);
const INPUTS = Number(process.env.CI_INPUTS ?? 2000);
const CLI_RUNS = Number(process.env.CI_CLI ?? 200);

describe('reliability (CI size; npm run stress for the full size)', function () {
  this.timeout(600_000);
  let root: string;
  const stale = process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS;
  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first (npm test does)');
    // Killed writers leave their lock: the next server takes it over after 2 s instead of 10.
    process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS = '2000';
  });
  after(() => {
    if (stale === undefined) delete process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS;
    else process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS = stale;
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    await removeTempWorkspace(root);
  });

  it(`loses no acknowledged write and leaves every analyst file parsing over ${KILLS} SIGKILLs during writes`, async () => {
    const r = await killRounds(root, KILLS, 42);
    console.log(`      ${r.kills} kills; acknowledged ${r.acknowledgedAdds} tags, ${r.acknowledgedRemoves} removals, ${r.acknowledgedIgnores} ignores; lost ${r.lost.length}; broken ${r.broken.length}`);
    assert.equal(r.kills, KILLS);
    assert.ok(r.acknowledgedAdds > 0, 'some writes were acknowledged');
    assert.deepEqual(r.broken, [], 'every analyst file parses after every kill');
    assert.deepEqual(r.lost, [], 'no acknowledged write lost');
    assert.deepEqual(r.crashed, [], 'no server exited by itself, or failed to start');
  });

  it(`answers ${REQUESTS} fuzzed requests without an InternalError or a hang`, async () => {
    const r = await fuzzRequests(root, REQUESTS, 42);
    console.log(`      ${r.requests} requests, ${r.notifications} notifications; ${r.errors} error replies`);
    assert.deepEqual(r.failures, []);
    assert.equal(r.answered, r.requests);
  });

  it(`takes ${INPUTS} random corpora in the core and ${CLI_RUNS} random argument lists in the CLI without an exception`, async () => {
    const core = fuzzCore(INPUTS, 42);
    const cli = await fuzzCli(root, CLI_RUNS, 42);
    assert.deepEqual(core.failures, []);
    assert.deepEqual(cli.failures, []);
    assert.equal(core.coreInputs, INPUTS);
    assert.equal(cli.cliRuns, CLI_RUNS);
  });
});
