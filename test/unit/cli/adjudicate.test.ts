/**
 * `adjudicate` end to end, in-process, on a temporary git repository: A and B are two branches (read with git, never
 * checked out); the working tree's sidecar holds both analysts' tags (as after a merge) and a merge-conflict entry on
 * one of them. Listing numbers the disagreements; --choose and --take write through the workspace model (comments
 * kept, the conflict on a decided tag resolved, a broken sidecar left untouched). Also the arguments.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { parseSidecar, serializeSidecar, type Sidecar, type Tag } from '../../../server/src/core/index';
import { runCli } from '../../support/cli';

const TEXT = 'The Lao army and the Vietnamese police signed a memorandum on drug control in Vientiane.\n';
const DOC = 'seeds/a.txt';
const SIDECAR = 'annotations/seeds/a.yaml';

function tag(id: string, label: string, quote: string, author: string): Tag {
  const start = TEXT.indexOf(quote);
  return { id, tag: label, quote, prefix: '', suffix: '', start, end: start + quote.length, created: '2025-01-01T00:00:00.000Z', author };
}

describe('adjudicate (CLI)', () => {
  let root: string;
  const A = [tag('t1', 'org', 'Lao army', 'ana'), tag('t2', 'org', 'Vietnamese police', 'ana'), tag('t3', 'drugs', 'drug control', 'ana')];
  const B = [tag('u1', 'org', 'Lao army', 'bo'), tag('u2', 'org', 'the Vietnamese police', 'bo'), tag('u3', 'place', 'Vientiane', 'bo')];
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const writeSidecar = (s: Sidecar, comment = '') => fs.writeFile(path.join(root, SIDECAR), comment + serializeSidecar(s));
  const readSidecar = async (): Promise<Sidecar> => {
    const r = parseSidecar(await fs.readFile(path.join(root, SIDECAR), 'utf8'), DOC);
    assert.ok(r.ok);
    return r.sidecar;
  };
  const ids = async () => (await readSidecar()).tags.map((t) => t.id).sort();

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-adjudicate-'));
    await fs.mkdir(path.join(root, 'seeds'));
    await fs.mkdir(path.join(root, 'annotations/seeds'), { recursive: true });
    await fs.writeFile(path.join(root, DOC), TEXT);
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'T');
    git('config', 'user.email', 't@example.org');
    git('config', 'commit.gpgsign', 'false');
    await writeSidecar({ version: 1, document: DOC, tags: A });
    git('add', '.');
    git('commit', '-q', '-m', 'a');
    git('branch', 'analyst-a');
    await writeSidecar({ version: 1, document: DOC, tags: B });
    git('commit', '-q', '-am', 'b');
    git('branch', 'analyst-b');
    // The working tree: both analysts' tags, and a conflict kept on t2 (changed on both sides).
    const conflicts = [{ list: 'tags', key: 't2', message: 'changed differently on both branches; the list keeps ours', ours: A[1], theirs: { ...A[1], note: 'the police' } }];
    await writeSidecar({ version: 1, document: DOC, tags: [...A, ...B], conflicts }, '# merged by the lead\n');
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('lists the disagreements of an article, numbered, with what the sidecar holds now; writes nothing', async () => {
    const before = await fs.readFile(path.join(root, SIDECAR), 'utf8');
    const r = await runCli(['adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', DOC], root);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      [
        'seeds/a.txt:1:18: #1 A: org “Vietnamese police” (ana) | B: org “the Vietnamese police” (bo) | now: both',
        'seeds/a.txt:1:63: #2 A: drugs “drug control” (ana) | B: no tag | now: a',
        'seeds/a.txt:1:79: #3 A: no tag | B: place “Vientiane” (bo) | now: b',
        '3 disagreements between analyst-a and analyst-b in 1 article.',
        '',
      ].join('\n'),
    );
    assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), before);
  });

  it('--choose writes each choice, keeps comments and resolves the conflict on a decided tag', async () => {
    const r = await runCli(['adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', DOC, '--choose', '1=b', '--choose', '2=neither'], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^seeds\/a\.txt:1:18: #1 kept B \(1 removed, 0 added\)$/m);
    assert.match(r.out, /^seeds\/a\.txt:1:63: #2 kept neither \(1 removed, 0 added\)$/m);
    assert.match(r.out, /#3 A: no tag \| B: place “Vientiane” \(bo\) \| now: b$/m);
    assert.match(r.out, /^Adjudicated 2 of 3 disagreements between analyst-a and analyst-b in 1 article\.$/m);
    assert.deepEqual(await ids(), ['t1', 'u1', 'u2', 'u3']);
    assert.equal((await readSidecar()).conflicts, undefined, 'the conflict on t2 is resolved');
    assert.ok((await fs.readFile(path.join(root, SIDECAR), 'utf8')).startsWith('# merged by the lead\n'));

    const missing = await runCli(['adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', DOC, '--choose', '4=a'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /has 3 disagreements between analyst-a and analyst-b; there is no 4/);
  });

  it('--take a applies one choice everywhere (json), the same as the editor would', async () => {
    const r = await runCli(['adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--take', 'a', '--format', 'json'], root);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { disagreements: { number: number; chosen: string; removed: number; added: number; now: string }[] };
    assert.deepEqual(out.disagreements.map((d) => [d.number, d.chosen, d.removed, d.added, d.now]), [
      [1, 'a', 1, 0, 'a'],
      [2, 'a', 0, 0, 'a'],
      [3, 'a', 1, 0, 'neither'],
    ]);
    assert.deepEqual(await ids(), ['t1', 't2', 't3', 'u1']);
  });

  it('never rewrites a sidecar that does not parse (exit 1)', async () => {
    const broken = 'version: 1\ntags: [unclosed\n';
    await fs.writeFile(path.join(root, SIDECAR), broken);
    const r = await runCli(['adjudicate', '--a', 'analyst-a', '--b', 'analyst-b', '--document', DOC, '--take', 'b'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, /left untouched/);
    assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);
  });

  it('parses its arguments', () => {
    assert.deepEqual(parseArgs(['adjudicate', '--a', 'x', '--b', 'y']), { command: 'adjudicate', a: 'x', b: 'y', choices: { kind: 'list' }, format: 'text' });
    assert.deepEqual(parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--take', 'both']), { command: 'adjudicate', a: 'x', b: 'y', choices: { kind: 'take', choice: 'both' }, format: 'text' });
    const c = parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--document', 'seeds/a.txt', '--choose', '2=a', '--choose', '1=neither']);
    assert.ok(c.command === 'adjudicate' && c.choices.kind === 'choose');
    assert.deepEqual([...c.choices.choices], [[2, 'a'], [1, 'neither']]);
    assert.throws(() => parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--choose', '1=a']), /--choose needs --document/);
    assert.throws(() => parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--document', 'd', '--choose', '1=c']), /a, b, both or neither/);
    assert.throws(() => parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--document', 'd', '--choose', '0=a']), /N=a\|b\|both\|neither/);
    assert.throws(() => parseArgs(['adjudicate', '--a', 'x', '--b', 'y', '--take', 'a', '--document', 'd', '--choose', '1=a']), /not both/);
    assert.throws(() => parseArgs(['adjudicate', '--a', 'x']), UsageError);
  });
});
