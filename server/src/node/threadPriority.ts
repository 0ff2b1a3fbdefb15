/**
 * The scheduling priority of the calling thread. The language server's worker threads (analysing a corpus's new
 * articles, clustering its names) keep every core busy for seconds, while the server's own thread must answer hovers
 * and diagnostics at once: with three busy threads on two cores, the scheduler gave each the same share, and a
 * hover during a cold start waited for its turn. A worker lowers its own priority; the server's thread keeps the
 * default, so it runs as soon as it has something to do, and the workers have every core it leaves idle.
 *
 * Linux only: a thread's nice value is its own there (setpriority(2) given the thread's id, read from
 * /proc/thread-self). Elsewhere it does nothing. Raising one's nice value needs no privilege.
 *
 * A thread made by a lowered one inherits its nice value: such as libuv's shared pool, made at the process's first
 * asynchronous file, compression or crypto call. The workers that lower themselves make none (the server reads files
 * before any of them starts, and they only pass messages), or the server's own reads would run at their priority.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of a background worker (a thread starts at its process's, 0 by default; 19 is the lowest priority). */
export const BACKGROUND_NICENESS = 10;

/** Lowers the calling thread's priority to `niceness` (unless it is lower already); whether it could. */
export function lowerThreadPriority(niceness: number = BACKGROUND_NICENESS): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    // Only ever lowered: a thread of a process started below it already (`nice -n 15 code`) keeps its own.
    if (getPriority(tid) < niceness) setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
