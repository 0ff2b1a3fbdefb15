import * as assert from 'node:assert/strict';
import { parseArgs, USAGE, UsageError } from '../../../server/src/cli/args';

const fails = (argv: string[], message: RegExp) => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test((e as Error).message));

describe('CLI arguments of the tag commands', () => {
  it('tag: a range of one article, with note, author and workspace', () => {
    assert.deepEqual(parseArgs(['tag', '--tag', 'cooperation', '--note', 'a note', '--file', 'seeds/a.txt', '--start', '10', '--end', '25']), {
      command: 'tag',
      tag: 'cooperation',
      note: 'a note',
      target: { kind: 'range', file: 'seeds/a.txt', start: 10, end: 25 },
    });
    assert.deepEqual(parseArgs(['tag', '--tag=x', '--author', 'Ana', '--workspace', 'w', '--file=a.txt', '--start=0', '--end=1']), {
      command: 'tag',
      tag: 'x',
      author: 'Ana',
      workspace: 'w',
      target: { kind: 'range', file: 'a.txt', start: 0, end: 1 },
    });
  });

  it('tag: every occurrence of a text under some paths', () => {
    assert.deepEqual(parseArgs(['tag', '--tag', 'place', '--match', 'Vientiane', 'seeds', 'other/b.txt']), {
      command: 'tag',
      tag: 'place',
      target: { kind: 'match', text: 'Vientiane', paths: ['seeds', 'other/b.txt'] },
    });
    // A text that starts with a dash is given with `=`.
    assert.deepEqual(parseArgs(['tag', '--tag', 'x', '--match=-- Share it', 'seeds']).command, 'tag');
  });

  it('tag: bad arguments are usage errors (exit code 2)', () => {
    fails(['tag', '--file', 'a.txt', '--start', '0', '--end', '3'], /needs --tag NAME/);
    fails(['tag', '--tag', '  ', '--file', 'a.txt', '--start', '0', '--end', '3'], /A tag needs a name/);
    fails(['tag', '--tag', 'x'.repeat(81), '--file', 'a.txt', '--start', '0', '--end', '3'], /at most 80 characters/);
    fails(['tag', '--tag', 'x'], /--file PATH --start N --end M, or --match TEXT PATH/);
    fails(['tag', '--tag', 'x', '--file', 'a.txt', '--start', '3'], /needs --end N/);
    fails(['tag', '--tag', 'x', '--file', 'a.txt', '--start', '-1', '--end', '3'], /argument is ambiguous|whole number/);
    fails(['tag', '--tag', 'x', '--file', 'a.txt', '--start', '1.5', '--end', '3'], /--start must be a whole number/);
    fails(['tag', '--tag', 'x', '--file', 'a.txt', '--start', '5', '--end', '5'], /--end \(5\) must be greater than --start \(5\)/);
    fails(['tag', '--tag', 'x', '--file', 'a.txt', '--start', '1', '--end', '5', 'b.txt'], /takes no other PATH/);
    fails(['tag', '--tag', 'x', '--match', 'y'], /needs at least one PATH/);
    fails(['tag', '--tag', 'x', '--match', 'y', '--file', 'a.txt', 'seeds'], /either --match/);
    fails(['tag', '--tag', 'x', '--match', '', 'seeds'], /--match needs the text/);
    fails(['tag', '--tag'], /argument missing/);
    fails(['tag', '--tag', 'x', '--format', 'json', '--match', 'y', 'seeds'], /tag does not take --format/);
    fails(['tag', '--tag', 'x', '--bogus', '--match', 'y', 'seeds'], /Unknown option '--bogus'/);
  });

  it('tags, export, import, check', () => {
    assert.deepEqual(parseArgs(['tags']), { command: 'tags', format: 'text', paths: [] });
    assert.deepEqual(parseArgs(['tags', '--format', 'json', 'seeds']), { command: 'tags', format: 'json', paths: ['seeds'] });
    assert.deepEqual(parseArgs(['export', '--format', 'wadm']), { command: 'export', format: 'wadm', paths: [] });
    assert.deepEqual(parseArgs(['export', '--format=csv', '--workspace', 'w', 'seeds/a.txt']), { command: 'export', format: 'csv', paths: ['seeds/a.txt'], workspace: 'w' });
    assert.deepEqual(parseArgs(['import', '--format', 'wadm', 'tags.json']), { command: 'import', format: 'wadm', file: 'tags.json', dryRun: false });
    assert.deepEqual(parseArgs(['import', '--format', 'wadm', '--dry-run', 'tags.json']), { command: 'import', format: 'wadm', file: 'tags.json', dryRun: true });
    assert.deepEqual(parseArgs(['check', '--workspace', 'w']), { command: 'check', workspace: 'w' });
    fails(['tags', '--format', 'csv'], /--format must be json or text, not 'csv'/);
    fails(['export'], /export needs --format wadm or csv/);
    fails(['export', '--format', 'xml'], /--format must be wadm or csv/);
    fails(['import', '--format', 'csv', 'a.csv'], /--format must be wadm, not 'csv'/);
    fails(['import', '--format', 'wadm'], /exactly one FILE/);
    fails(['import', '--format', 'wadm', 'a', 'b'], /exactly one FILE/);
    fails(['check', 'seeds'], /check takes no PATH/);
    fails(['check', '--workspace='], /--workspace needs a folder/);
  });

  it('help anywhere; the usage text names every command', () => {
    assert.deepEqual(parseArgs(['tags', '--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['tag', '-h']), { command: 'help' });
    for (const c of ['analyze', 'timeline', 'tag', 'tags', 'export', 'import', 'check']) assert.match(USAGE, new RegExp(`corpus-annotator ${c} `));
    assert.match(USAGE, /Exit codes: 0 success, 1 .*2 bad arguments/s);
  });
});
