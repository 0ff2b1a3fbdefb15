/**
 * Who holds a lock directory (proper-lockfile's `.x.yaml.lock`), written beside it as `.x.yaml.lock.owner`, so that a
 * lock left by a writer that died (a killed server, a crashed CLI) is taken over at once instead of after the
 * staleness delay. Only a lock whose owner is a process of this machine that no longer runs is taken over; a lock of
 * another machine (a shared folder) or with no owner file is left to proper-lockfile's staleness check.
 *
 * The owner file names the lock directory it belongs to (inode and birth time), so an owner file left behind by an
 * earlier holder never condemns a newer lock.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import * as os from 'node:os';

interface Owner {
  host: string;
  pid: number;
  ino: number;
  birth: number;
}

export function ownerFileOf(lockDir: string): string {
  return `${lockDir}.owner`;
}

/** Whether a process of this machine runs with this id. */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sameDirectory = (s: Stats, o: Owner) => s.ino === o.ino && s.birthtimeMs === o.birth;

async function readOwner(lockDir: string): Promise<Owner | undefined> {
  try {
    const o = JSON.parse(await fs.readFile(ownerFileOf(lockDir), 'utf8')) as Partial<Owner>;
    return typeof o.host === 'string' && Number.isInteger(o.pid) && typeof o.ino === 'number' && typeof o.birth === 'number' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Records this process as the holder of `lockDir`, which it has just acquired. */
export async function claimLock(lockDir: string): Promise<void> {
  const s = await fs.stat(lockDir);
  const owner: Owner = { host: os.hostname(), pid: process.pid, ino: s.ino, birth: s.birthtimeMs };
  await fs.writeFile(ownerFileOf(lockDir), JSON.stringify(owner));
}

/** Forgets the owner record, before the lock is released. */
export async function disclaimLock(lockDir: string): Promise<void> {
  await fs.rm(ownerFileOf(lockDir), { force: true });
}

/** Whether `lockDir` exists and is held by a process of this machine that is no longer running. */
export async function heldByTheDead(lockDir: string): Promise<boolean> {
  const owner = await readOwner(lockDir);
  if (!owner || owner.host !== os.hostname() || isRunning(owner.pid)) return false;
  const s = await fs.stat(lockDir).catch(() => undefined);
  return s !== undefined && sameDirectory(s, owner);
}

/**
 * Removes `lockDir` when its holder is dead (see `heldByTheDead`): it is first renamed aside, which only one of
 * several processes doing this at once can do, then checked again and deleted. Resolves to whether it was removed.
 */
export async function takeOverFromTheDead(lockDir: string): Promise<boolean> {
  const owner = await readOwner(lockDir);
  if (!owner || !(await heldByTheDead(lockDir))) return false;
  const aside = `${lockDir}.${process.pid}.${randomBytes(6).toString('hex')}.dead`;
  try {
    await fs.rename(lockDir, aside);
  } catch {
    return false; // another process took it over, or it was released
  }
  const moved = await fs.stat(aside).catch(() => undefined);
  if (moved && !sameDirectory(moved, owner)) {
    // A new lock was made between the check and the rename: it is alive, put it back.
    await fs.rename(aside, lockDir).catch(() => undefined);
    return false;
  }
  await fs.rm(aside, { recursive: true, force: true });
  return true;
}
