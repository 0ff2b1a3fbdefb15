/**
 * `agree` end to end, in-process: two annotations folders, and two git refs of a temporary repository (read with
 * git ls-tree / git show, never checked out). Also the new commands' argument parsing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { serializeSidecar, type Tag } from '../../../server/src/core/index';
import { runCli } from '../../support/cli';

const TEXT = 'The Lao army and the Vietnamese police signed a memorandum on drug control in Vientiane.\n';
const DOC = 'seeds/a.txt';

function tag(id: string, label: string, quote: string, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = TEXT.indexOf(quote, start + 1);
  return { id, tag: label, quote, prefix: '', suffix: '', start, end: start + quote.length, created: '2025-01-01T00:00:00.000Z' };
}

async function writeAnnotations(dir: string, tags: Tag[], registry: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'seeds'), { recursive: true });
  await fs.writeFile(path.join(dir, 'seeds/a.yaml'), serializeSidecar({ version: 1, document: DOC, tags }));
  await fs.writeFile(path.join(dir, 'entities.yaml'), registry);
}

describe('agree (CLI)', () => {
  let root: string;
  const A = [tag('t1', 'org', 'Lao army'), tag('t2', 'org', 'Vietnamese police'), tag('t3', 'drugs', 'drug control')];
  const B = [tag('u1', 'org', 'Lao army'), tag('u2', 'org', 'the Vietnamese police'), tag('u3', 'place', 'Vientiane')];
  const REG_A = 'entities:\n  - id: lao-army\n    canonical: Lao Army\n    type: ORG\n';
  const REG_B = 'entities:\n  - id: lao-army\n    canonical: Lao Army\n    type: MISC\n';

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-agree-'));
    await fs.mkdir(path.join(root, 'seeds'));
    await fs.writeFile(path.join(root, DOC), TEXT);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('compares two annotations folders (json)', async () => {
    await writeAnnotations(path.join(root, 'ann-a'), A, REG_A);
    await writeAnnotations(path.join(root, 'ann-b'), B, REG_B);
    const r = await runCli(['agree', '--a', 'ann-a', '--b', 'ann-b', '--format', 'json'], root);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.equal(out.a.tags, 3);
    assert.equal(out.a.kind, 'folder');
    // org: A {Lao army, Vietnamese police}, B {Lao army, the Vietnamese police}: exact 1/2 each way; overlap 2/2.
    const org = out.spans.tags.find((t: { tag: string }) => t.tag === 'org');
    assert.deepEqual([org.exact.precision, org.exact.recall, org.overlap.f1], [0.5, 0.5, 1]);
    assert.deepEqual(out.spans.tags.map((t: { tag: string }) => t.tag), ['drugs', 'org', 'place']);
    // 15 word tokens; the analysts label 4 differently: "the" (B's org), "drug", "control" (A's drugs), "Vientiane" (B's place).
    assert.equal(out.tokens.items, 15);
    assert.equal(out.tokens.observed, Math.round((11 / 15) * 10000) / 10000);
    assert.deepEqual(out.unitizedAlpha.map((u: { tag: string }) => u.tag), ['drugs', 'org', 'place']);
    assert.equal(out.unitizedAlpha.find((u: { tag: string }) => u.tag === 'org').alpha > 0.5, true);
    assert.deepEqual(out.registry.types, [{ id: 'lao-army', canonical: 'Lao Army', a: 'ORG', b: 'MISC' }]);
  });

  it('compares two git refs without checking them out (text)', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'T');
    git('config', 'user.email', 't@example.org');
    git('config', 'commit.gpgsign', 'false');
    await writeAnnotations(path.join(root, 'annotations'), A, REG_A);
    git('add', '.');
    git('commit', '-q', '-m', 'a');
    git('branch', 'analyst-a');
    await fs.rm(path.join(root, 'annotations'), { recursive: true });
    await writeAnnotations(path.join(root, 'annotations'), B, REG_B);
    git('add', '-A', '.');
    git('commit', '-q', '-m', 'b');
    await fs.rm(path.join(root, 'annotations'), { recursive: true }); // the working tree is not read
    const r = await runCli(['agree', '--a', 'analyst-a', '--b', 'main'], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^A: analyst-a \(git ref\): 3 tags in 1 article, 1 registry entity$/m);
    assert.match(r.out, /^ {2}org\s+2\s+2\s+0\.500 0\.500 0\.500\s+1\.000 1\.000 1\.000$/m);
    assert.match(r.out, /Cohen's kappa/);
    assert.match(r.out, /Krippendorff's unitized alpha per tag/);
    assert.match(r.out, /type of Lao Army: A ORG, B MISC/);
    const bad = await runCli(['agree', '--a', 'no-such-ref', '--b', 'main'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /neither a folder nor a git ref/);
  });

  it('parses merge-driver, setup-git and agree arguments', () => {
    assert.deepEqual(parseArgs(['merge-driver', 'o', 'a', 'b', 'annotations/x.yaml']), { command: 'merge-driver', base: 'o', ours: 'a', theirs: 'b', path: 'annotations/x.yaml' });
    assert.throws(() => parseArgs(['merge-driver', 'o', 'a']), UsageError);
    assert.deepEqual(parseArgs(['setup-git', '--workspace', 'w']), { command: 'setup-git', workspace: 'w' });
    assert.deepEqual(parseArgs(['agree', '--a', 'main', '--b', 'x']), { command: 'agree', a: 'main', b: 'x', format: 'text' });
    assert.throws(() => parseArgs(['agree', '--a', 'main']), /--b B/);
    assert.throws(() => parseArgs(['agree', '--a', 'm', '--b', 'x', '--format', 'csv']), /json or text/);
  });
});
