// What `npm test` says at the end (pure): one line per layer and the total. A layer that could not run (its runner
// printed `<name>: not run (why)`) is said to be not run, with why, and is not counted as a failed test; the run
// still fails.

/** The counts a layer's runner printed as `<name>: N passed, N failed[, N skipped]`, or a mocha `N passing` summary. */
export function countsOf(out, name) {
  if (name) {
    const m = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?$`, 'm').exec(out);
    return m ? { passed: Number(m[1]), failed: Number(m[2]), pending: Number(m[3] ?? 0) } : { passed: 0, failed: 0, pending: 0 };
  }
  const n = (re) => Number(re.exec(out)?.[1] ?? 0);
  return { passed: n(/(\d+) passing/), failed: n(/(\d+) failing/), pending: n(/(\d+) pending/) };
}

/** Why a layer did not run, from its `<name>: not run (why)` line, or undefined. */
export function notRunOf(out, name) {
  return name ? new RegExp(`^${name}: not run \\((.+)\\)$`, 'm').exec(out)?.[1] : undefined;
}

/** The VS Code host the suite last said it runs in (a fallback from electron to code-server says so again). */
export function hostOf(out) {
  const all = [...out.matchAll(/^\[integration\] host: ([\w-]+)/gm)];
  return all.length ? all[all.length - 1][1] : undefined;
}

/**
 * @param {{ label: string, passed: number, failed: number, pending: number, code: number, seconds: number, host?: string, notRun?: string }[]} results
 * @returns {{ lines: string[], ok: boolean }}
 */
export function summarize(results) {
  const lines = ['Test summary'];
  let passed = 0;
  let failed = 0;
  let pending = 0;
  const notRun = [];
  for (const r of results) {
    const host = r.host ? ` [${r.host}]` : '';
    const time = `(${r.seconds.toFixed(1)} s)`;
    if (r.notRun) {
      notRun.push(r.label);
      lines.push(`  ✖ ${r.label}${host}: not run — ${r.notRun} ${time}`);
      continue;
    }
    const crashed = r.code !== 0 && r.failed === 0;
    passed += r.passed;
    failed += r.failed + (crashed ? 1 : 0);
    pending += r.pending;
    const status = r.code !== 0 ? '✖' : r.pending && !r.passed ? '○' : '✔';
    lines.push(`  ${status} ${r.label}${host}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''} ${time}${crashed ? ' — exited with an error' : ''}`);
  }
  if (notRun.length) lines.push(`not run: ${notRun.join(', ')}`);
  lines.push(`all: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  return { lines, ok: results.every((r) => r.code === 0 && !r.notRun) };
}
