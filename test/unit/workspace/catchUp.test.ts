/** What changed between a folder's listing and a watcher's start, found from a new listing and the files' stamps. */
import * as assert from 'node:assert/strict';
import { changesSince, MTIME_SLACK_MS, type CatchUpSource } from '../../../server/src/workspace/catchUp';
import type { FileStamp } from '../../../server/src/workspace/fileSystem';

const LISTED_AT = 1_000_000;
const OLD = LISTED_AT - MTIME_SLACK_MS - 1;

function source(tracked: string[], disk: Record<string, number>): CatchUpSource & { stamped: string[] } {
  const stamped: string[] = [];
  return {
    stamped,
    tracked: () => tracked,
    list: async () => Object.keys(disk),
    stamp: async (file) => {
      stamped.push(file);
      return file in disk ? { size: 10, mtimeMs: disk[file]! } : undefined;
    },
  };
}

describe('catching up with changes made before a watcher ran', () => {
  it('reports new, removed and recently written files, and nothing unchanged since the listing', async () => {
    const s = source(['/w/a.txt', '/w/b.txt', '/w/gone.txt', '/w/c.txt'], {
      '/w/a.txt': OLD,
      '/w/b.txt': LISTED_AT + 500,
      '/w/c.txt': LISTED_AT - 10, // within the slack of a coarse clock: read again
      '/w/new.txt': OLD,
    });
    const changes = await changesSince(s, LISTED_AT, new Map());
    assert.deepEqual(
      [...changes].sort((x, y) => x.file.localeCompare(y.file)),
      [
        { file: '/w/b.txt', deleted: false },
        { file: '/w/c.txt', deleted: false },
        { file: '/w/gone.txt', deleted: true },
        { file: '/w/new.txt', deleted: false },
      ],
    );
    assert.ok(!s.stamped.includes('/w/new.txt'), 'a new file needs no stamp');
  });

  it('does not call removed a tracked file the listing missed but that is on disk (created while the listing ran)', async () => {
    // '/w/late.txt' was created after its folder was listed; the watcher reported it and the model tracks it by now.
    const disk: Record<string, number> = { '/w/a.txt': OLD, '/w/late.txt': LISTED_AT + 5000 };
    const s: CatchUpSource = {
      tracked: () => ['/w/a.txt', '/w/late.txt', '/w/gone.txt'],
      list: async () => ['/w/a.txt'],
      stamp: async (file) => (file in disk ? { size: 10, mtimeMs: disk[file]! } : undefined),
    };
    const changes = await changesSince(s, LISTED_AT, new Map());
    assert.deepEqual(
      [...changes].sort((x, y) => x.file.localeCompare(y.file)),
      [
        { file: '/w/gone.txt', deleted: true },
        { file: '/w/late.txt', deleted: false },
      ],
    );
  });

  it('reports nothing when nothing changed', async () => {
    const disk = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`/w/${i}.txt`, OLD]));
    assert.deepEqual(await changesSince(source(Object.keys(disk), disk), LISTED_AT, new Map()), []);
  });

  it('compares the registry, ignore list and taxonomy by their stamps when read, whether they exist or not', async () => {
    const at = (mtimeMs: number): FileStamp => ({ size: 10, mtimeMs });
    const fixed = new Map<string, FileStamp | undefined>([
      ['/w/annotations/entities.yaml', at(OLD)], // unchanged
      ['/w/annotations/ignored.yaml', undefined], // created since
      ['/w/annotations/taxonomy.yaml', at(OLD)], // removed since
      ['/w/annotations/other.yaml', undefined], // still missing
    ]);
    const s = source(['/w/annotations/entities.yaml'], { '/w/annotations/entities.yaml': OLD, '/w/annotations/ignored.yaml': OLD });
    const changes = await changesSince(s, LISTED_AT, fixed);
    assert.deepEqual(changes, [
      { file: '/w/annotations/ignored.yaml', deleted: false },
      { file: '/w/annotations/taxonomy.yaml', deleted: true },
    ]);
  });
});
