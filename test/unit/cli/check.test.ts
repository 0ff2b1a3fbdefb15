/** `corpus-annotator check`, in-process on temporary workspaces. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { problemLines } from '../../../server/src/cli/checkCommand';
import { serializeSidecar } from '../../../server/src/core/index';
import { runCli } from '../../support/cli';
import { editedArticle } from '../../support/tagFixtures';
import { makeTempWorkspace, removeTempWorkspace } from '../../support/workspace';

describe('CLI check', function () {
  this.timeout(30000);
  let root: string;
  const write = async (rel: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  };
  // From inside the workspace, so that FILE is the path from the workspace folder.
  const check = () => runCli(['check'], root);

  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    await removeTempWorkspace(root);
  });

  it('passes a workspace whose analyst files are all good (exit code 0, nothing on standard output)', async () => {
    const fixture = editedArticle();
    await write('seeds/003_0e5bd4099b662286.txt', fixture.edited);
    await write('annotations/seeds/003_0e5bd4099b662286.yaml', serializeSidecar({ version: 1, document: 'seeds/003_0e5bd4099b662286.txt', tags: Object.values(fixture.tags) }));
    await write('annotations/entities.yaml', 'entities:\n  - id: vilay\n    canonical: Vilay Lakhamphong\n    type: PERSON\n    aliases: [Lakhamfong]\nnotEntities: []\n');
    await write('annotations/ignored.yaml', 'version: 1\neverywhere:\n  - text: Share it\n    kind: chrome\n    added: 2026-11-23T09:00:00.000Z\nhere: []\n');
    await write('annotations/tags.yaml', 'version: 1\ntags:\n  - name: security/cybercrime\n    description: Online fraud\n    color: "#d73a49"\n');
    const r = await check();
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out, '', 'an orphaned or fuzzy tag is a state of the tags, not a broken file');
    assert.match(r.err, /checked 1 sidecar, annotations\/entities\.yaml, annotations\/ignored\.yaml, annotations\/tags\.yaml: no problems/);
  });

  it('prints FILE:LINE: message for each problem of every kind of analyst file, and exits 1', async () => {
    const tag = (id: string, label: string, created = '2026-01-01T00:00:00.000Z') => `  - id: ${id}\n    tag: ${label}\n    quote: abc\n    start: 0\n    end: 3\n    created: ${created}\n`;
    // A sidecar that does not parse (the error on line 5).
    await write('annotations/seeds/000_87a1712161fb5682.yaml', 'version: 1\ndocument: seeds/000_87a1712161fb5682.txt\ntags:\n  - id: t1\n    tag: [unclosed\n');
    // A sidecar that parses, with a tag name the editor refuses (line 12) and a creation time that is not one.
    await write('annotations/seeds/001_1f87558668262b9a.yaml', `# comment\nversion: 1\ndocument: seeds/001_1f87558668262b9a.txt\ntags:\n${tag('t1', 'fine')}${tag('t2', 'x'.repeat(81), 'yesterday')}`);
    // A sidecar whose article is gone (its `document:` on line 2).
    await write('annotations/seeds/gone.yaml', `version: 1\ndocument: seeds/gone.txt\ntags:\n${tag('t1', 'x')}`);
    // A sidecar holding another article's tags.
    await write('annotations/seeds/003_0e5bd4099b662286.yaml', 'version: 1\ndocument: seeds/004_f85d18add8346542.txt\ntags: []\n');
    // An old-style sidecar hidden by the new-style one of the same article.
    await write('annotations/002_69392594dcc70311.yaml', `version: 1\ndocument: seeds/002_69392594dcc70311.txt\ntags:\n${tag('t9', 'legacy')}`);
    await write('annotations/seeds/002_69392594dcc70311.yaml', 'version: 1\ndocument: seeds/002_69392594dcc70311.txt\ntags: []\n');
    // A sidecar of a file that is not an article of the corpus.
    await write('notes/n.txt', 'Notes.');
    await write('annotations/notes/n.yaml', `version: 1\ndocument: notes/n.txt\ntags:\n${tag('t1', 'x')}`);
    // The registry, the ignore list and the taxonomy, each broken.
    await write('annotations/entities.yaml', 'entities:\n  - id: a\n    canonical: "unclosed\n');
    await write('annotations/ignored.yaml', 'version: 2\neverywhere: []\n');
    await write('annotations/tags.yaml', 'version: 1\ntags:\n  - name: security/cybercrime\n    color: "#zzz"\n');

    const r = await check();
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    for (const l of lines) assert.match(l, /^annotations\/[^:]+\.yaml:\d+: \S/, 'FILE:LINE: message');
    const expected: [string, RegExp][] = [
      ['annotations/002_69392594dcc70311.yaml:1:', /annotations\/seeds\/002_69392594dcc70311\.yaml; this older file is not used|This sidecar is not read/],
      ['annotations/entities.yaml:4:', /quote/i],
      ['annotations/ignored.yaml:1:', /Unsupported ignore-list version 2/],
      ['annotations/notes/n.yaml:2:', /notes\/n\.txt is not an article of the corpus \(setting corpusAnnotator\.corpus: seeds\/\*\*\/\*\.txt\); its tags are not shown/],
      ['annotations/seeds/000_87a1712161fb5682.yaml:6:', /Flow sequence/],
      ['annotations/seeds/001_1f87558668262b9a.yaml:11:', /Tag t2: A tag name has at most 80 characters/],
      ['annotations/seeds/001_1f87558668262b9a.yaml:11:', /Tag t2: `created` is not a date and time \("yesterday"\)/],
      ['annotations/seeds/003_0e5bd4099b662286.yaml:1:', /This sidecar names seeds\/004_f85d18add8346542\.txt/],
      ['annotations/seeds/gone.yaml:2:', /Its article seeds\/gone\.txt does not exist: its tag is an orphan/],
      ['annotations/tags.yaml:3:', /Tag security\/cybercrime: `color` must be/],
    ];
    assert.equal(lines.length, expected.length, r.out);
    expected.forEach(([prefix, message], i) => {
      assert.ok(lines[i].startsWith(prefix), `${lines[i]} starts with ${prefix}`);
      assert.match(lines[i], message);
    });
    assert.match(r.err, /: 10 problems\./);
  });

  it('checks the workspace named by --workspace, and sorts problems by file and line (pure)', async () => {
    await write('annotations/tags.yaml', 'tags: [');
    const r = await runCli(['check', '--workspace', path.basename(root)], path.dirname(root));
    assert.equal(r.code, 1);
    assert.match(r.out, new RegExp(`^${path.basename(root)}/annotations/tags\\.yaml:1: `));
    assert.deepEqual(
      problemLines([
        { file: 'b.yaml', line: 2, message: 'y' },
        { file: 'a.yaml', line: 9, message: 'x' },
        { file: 'b.yaml', line: 1, message: 'z' },
      ]),
      ['a.yaml:9: x', 'b.yaml:1: z', 'b.yaml:2: y'],
    );
  });
});
