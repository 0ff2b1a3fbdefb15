/** A server process's memory as Linux reports it (/proc/<pid>/status), for the benches that watch it. */
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Starts a new peak-memory measurement of `pid` (Linux: writing 5 to clear_refs resets VmHWM to the current VmRSS), so
 * that a peak measured later is not the peak of what came before (indexing); false where that is not allowed.
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** VmRSS and VmHWM (the peak since the start or the last resetPeak) of `pid`, in kB. */
export function memoryKb(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}
