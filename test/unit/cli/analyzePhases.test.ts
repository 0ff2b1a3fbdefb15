import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { main } from '../../../server/src/cli/main';
import { runCli } from '../../support/cli';
import { REPO_ROOT } from '../../support/workspace';

describe('CLI analyze --phase map|reduce|distributed, worker', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'analyze-phases-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads the phases and their options, and refuses what does not fit them', () => {
    assert.deepEqual(parseArgs(['analyze', '--phase', 'map', 'seeds']), { command: 'analyze-phase', phase: 'map', format: 'json', paths: ['seeds'] });
    assert.deepEqual(parseArgs(['analyze', '--phase', 'map', '--files-from', '-']), { command: 'analyze-phase', phase: 'map', format: 'json', paths: [], filesFrom: '-' });
    assert.deepEqual(parseArgs(['analyze', '--phase', 'reduce', '--format', 'jsonl', 'a.jsonl', '-']), { command: 'analyze-phase', phase: 'reduce', format: 'jsonl', paths: ['a.jsonl', '-'] });
    assert.deepEqual(parseArgs(['analyze', '--phase', 'distributed', '--redis', 'redis://h:1', 'seeds', '--workspace', 'w']), {
      command: 'analyze-phase', phase: 'distributed', format: 'json', paths: ['seeds'], redis: 'redis://h:1', workspace: 'w',
    });
    assert.deepEqual(parseArgs(['worker', '--redis', 'unix:///tmp/r.sock', '--concurrency', '2']), { command: 'worker', redis: 'unix:///tmp/r.sock', concurrency: 2 });
    for (const bad of [
      ['analyze', '--phase', 'shuffle', 'seeds'],
      ['analyze', '--phase', 'map'],
      ['analyze', '--phase', 'map', '--format', 'json', 'seeds'],
      ['analyze', '--phase', 'reduce'],
      ['analyze', '--phase', 'reduce', '--format', 'text', 'a.jsonl'],
      ['analyze', '--phase', 'reduce', '--files-from', 'list', 'a.jsonl'],
      ['analyze', '--phase', 'distributed', 'seeds'],
      ['analyze', '--phase', 'map', '--redis', 'redis://h:1', 'seeds'],
      ['analyze', '--redis', 'redis://h:1', 'seeds'],
      ['timeline', '--phase', 'map', 'seeds'],
      ['worker'],
      ['worker', '--redis', 'redis://h:1', '--concurrency', '0'],
      ['worker', '--redis', 'redis://h:1', '--concurrency', 'many'],
      ['worker', '--redis', 'redis://h:1', 'seeds'],
      ['worker', '--redis', 'redis://h:1', '--workspace', '.'],
    ]) assert.throws(() => parseArgs(bad), UsageError, bad.join(' '));
  });

  it('exits 2 with the usage on bad arguments', async () => {
    let err = '';
    const code = await main(['analyze', '--phase', 'reduce'], () => undefined, (s) => (err += s));
    assert.equal(code, 2);
    assert.match(err, /--phase reduce needs at least one FILE/);
    assert.match(err, /corpus-annotator worker --redis URL/);
  });

  it('map then reduce prints what one run prints, json and jsonl, whatever the order of the records', async () => {
    const single = await runCli(['analyze', '--format', 'json', 'seeds'], REPO_ROOT);
    assert.equal(single.code, 0, single.err);
    const map = await runCli(['analyze', '--phase', 'map', 'seeds'], REPO_ROOT);
    assert.equal(map.code, 0, map.err);
    const lines = map.out.trim().split('\n');
    assert.ok(lines.length > 1);
    // Two partitions, written in reverse order, as an engine might hand them back.
    const half = Math.ceil(lines.length / 2);
    const a = path.join(dir, 'part-a.jsonl');
    const b = path.join(dir, 'part-b.jsonl');
    await fs.writeFile(a, lines.slice(0, half).reverse().join('\n') + '\n');
    await fs.writeFile(b, lines.slice(half).join('\n') + '\n');
    const reduced = await runCli(['analyze', '--phase', 'reduce', b, a], REPO_ROOT);
    assert.equal(reduced.code, 0, reduced.err);
    assert.equal(reduced.out, single.out);
    const jsonl = await runCli(['analyze', '--phase', 'reduce', '--format', 'jsonl', a, b], REPO_ROOT);
    assert.equal(jsonl.out, (await runCli(['analyze', '--format', 'jsonl', 'seeds'], REPO_ROOT)).out);
  });

  it('says which record it cannot read, with exit code 2', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await fs.writeFile(bad, '{"version":7}\nnot json\n');
    const r = await runCli(['analyze', '--phase', 'reduce', bad], REPO_ROOT);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.jsonl:1: map output version/);
    const missing = await runCli(['analyze', '--phase', 'reduce', path.join(dir, 'none.jsonl')], REPO_ROOT);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read the map output/);
    const url = await runCli(['analyze', '--phase', 'distributed', '--redis', 'http://x', 'seeds'], REPO_ROOT);
    assert.equal(url.code, 2);
    assert.match(url.err, /not a Redis URL/);
  });
});
