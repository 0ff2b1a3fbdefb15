/**
 * Locks left by a writer that died: taken over at once when their owner is a process of this machine that no longer
 * runs; never when the owner runs, is on another machine, or the owner record belongs to an earlier lock.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claimLock, heldByTheDead, ownerFileOf, takeOverFromTheDead } from '../../../server/src/node/lockOwner';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('locks left by writers that died', () => {
  let dir: string;
  let file: string;
  let lockDir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-lock-'));
    file = path.join(dir, 'entities.yaml');
    lockDir = path.join(dir, '.entities.yaml.lock');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** A lock directory as a writer leaves it, with an owner record naming `pid` (and `host`). */
  async function leaveLock(pid: number, host = os.hostname()): Promise<void> {
    await fs.mkdir(lockDir);
    const s = await fs.stat(lockDir);
    await fs.writeFile(ownerFileOf(lockDir), JSON.stringify({ host, pid, ino: s.ino, birth: s.birthtimeMs }));
  }

  it('takes over a lock whose owner died, and the write goes through', async () => {
    await leaveLock(await deadPid());
    assert.equal(await heldByTheDead(lockDir), true);
    const written = await nodeFileSystem.withLock(file, async () => {
      await fs.writeFile(file, 'version: 1\n');
      return 'written';
    });
    assert.equal(written, 'written');
    assert.equal(await fs.readFile(file, 'utf8'), 'version: 1\n');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['entities.yaml'], 'no lock, owner record or moved-aside lock left');
  });

  it('leaves alone a lock whose owner runs, or is on another machine', async () => {
    await leaveLock(process.pid);
    assert.equal(await takeOverFromTheDead(lockDir), false);
    assert.ok(existsSync(lockDir));
    await fs.rm(lockDir, { recursive: true });
    await leaveLock(await deadPid(), `not-${os.hostname()}`);
    assert.equal(await takeOverFromTheDead(lockDir), false);
    assert.ok(existsSync(lockDir));
  });

  it('never condemns a newer lock by an owner record left from an earlier one', async () => {
    await leaveLock(await deadPid());
    const record = await fs.readFile(ownerFileOf(lockDir), 'utf8');
    // The dead writer's lock was taken over by staleness, and a live writer made a new one (not yet recorded).
    await fs.rm(lockDir, { recursive: true });
    await fs.mkdir(path.join(dir, 'spacer')); // so the new directory does not reuse the old inode
    await fs.mkdir(lockDir);
    await fs.writeFile(ownerFileOf(lockDir), record);
    assert.equal(await takeOverFromTheDead(lockDir), false);
    assert.ok(existsSync(lockDir));
  });

  it('records the holder while the lock is held, and forgets it on release', async () => {
    let during: unknown;
    await nodeFileSystem.withLock(file, async () => {
      during = JSON.parse(await fs.readFile(ownerFileOf(lockDir), 'utf8'));
    });
    assert.equal((during as { pid: number }).pid, process.pid);
    assert.equal(existsSync(ownerFileOf(lockDir)), false);
    assert.equal(existsSync(lockDir), false);
    // claimLock on a directory that is not there fails: a record is only written for a lock held.
    await assert.rejects(claimLock(lockDir));
  });
});
