// A small cross-process lock: a folder created atomically, holding the owner's pid.
// A lock whose owner has died is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

function ownerAlive(lockDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err && err.code === 'EPERM';
  }
}

/**
 * Runs fn while holding the lock folder lockDir; waits (up to timeoutMs) for another holder.
 * @template T
 * @param {string} lockDir
 * @param {(s: string) => void} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withLock(lockDir, log, fn, timeoutMs = 20 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A fresh lock may not have its pid file yet: give it a moment before judging.
      const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 5000 && !ownerAlive(lockDir)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      if (!told) { log(`[lock] waiting for another process holding ${lockDir}`); told = true; }
      await delay(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
