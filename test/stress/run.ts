/**
 * `npm run stress`: the reliability suite at full size (the CI-sized part runs in `npm test`):
 *   - 1,000 SIGKILLs of a bundled server during tag writes (every acknowledged write on disk, every file parses);
 *   - 100,000 fuzzed requests to a bundled server (no InternalError, no hang);
 *   - 100,000 random inputs to the core and 5,000 argument lists to the CLI (no exception, no hang);
 *   - the 21 adversarial 1 MB inputs, each in its own process, and at a quarter of the size (linear growth).
 * `npm run stress -- kill fuzz inputs adversarial` runs some; STRESS_KILLS, STRESS_REQUESTS, STRESS_INPUTS,
 * STRESS_CLI change the counts. Prints a summary and exits non-zero if anything failed.
 */
import { loadavg } from 'node:os';
import { ADVERSARIAL_INPUTS } from '../support/adversarial';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';
import { runAdversarial } from './adversarialChild';
import { fuzzCli, fuzzCore } from './fuzzInputs';
import { fuzzRequests } from './fuzzRequests';
import { killRounds } from './killServer';

const parts = process.argv.slice(2);
const want = (p: string) => !parts.length || parts.includes(p);
const n = (name: string, d: number) => Number(process.env[name] ?? d);
let failed = 0;
const summary: string[] = [];

async function main(): Promise<void> {
  if (want('kill')) {
    process.env.CORPUS_ANNOTATOR_LOCK_STALE_MS ??= '2000';
    const root = await makeTempWorkspace();
    const started = Date.now();
    const r = await killRounds(root, n('STRESS_KILLS', 1000), 1, (i, rep) => {
      if ((i + 1) % 50 === 0) console.log(`kill: ${i + 1} rounds, ${rep.acknowledgedAdds} tags, ${rep.acknowledgedRemoves} removals, ${rep.acknowledgedIgnores} ignores acknowledged, ${rep.lost.length} lost, ${rep.broken.length} broken`);
    });
    await removeTempWorkspace(root);
    const bad = r.lost.length + r.broken.length + r.crashed.length;
    failed += bad ? 1 : 0;
    summary.push(`kill: ${r.kills} SIGKILLs; acknowledged ${r.acknowledgedAdds} tag additions, ${r.acknowledgedRemoves} removals, ${r.acknowledgedIgnores} ignore-list edits; lost ${r.lost.length}; files not parsing ${r.broken.length}; servers that exited by themselves ${r.crashed.length}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const l of [...r.lost, ...r.broken, ...r.crashed].slice(0, 20)) summary.push(`  ${l}`);
  }
  if (want('fuzz')) {
    const root = await makeTempWorkspace();
    const started = Date.now();
    const r = await fuzzRequests(root, n('STRESS_REQUESTS', 100_000), 1);
    await removeTempWorkspace(root);
    failed += r.failures.length ? 1 : 0;
    summary.push(`fuzz: ${r.requests} requests and ${r.notifications} notifications; ${r.answered} answered (${r.errors} with an error reply); failures ${r.failures.length}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const f of r.failures.slice(0, 20)) summary.push(`  ${f}`);
  }
  if (want('inputs')) {
    let started = Date.now();
    const core = fuzzCore(n('STRESS_INPUTS', 100_000), 1);
    summary.push(`core inputs: ${core.coreInputs} random corpora; failures ${core.failures.length}; slowest ${core.slowestCoreMs} ms; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const root = await makeTempWorkspace();
    started = Date.now();
    const cli = await fuzzCli(root, n('STRESS_CLI', 5000), 1);
    await removeTempWorkspace(root);
    summary.push(`cli inputs: ${cli.cliRuns} argument lists; failures ${cli.failures.length}; slowest ${cli.slowestCliMs} ms; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    failed += core.failures.length + cli.failures.length ? 1 : 0;
    for (const f of [...core.failures, ...cli.failures].slice(0, 20)) summary.push(`  ${f}`);
  }
  if (want('adversarial')) {
    summary.push('adversarial 1 MB inputs, each in its own process (wall ms, CPU ms, peak RSS of the whole process; CPU ms at 250 KB; ratio; 1-minute load average when it started):');
    let overTime = 0;
    let overMemory = 0;
    for (const input of ADVERSARIAL_INPUTS) {
      const load = loadavg()[0].toFixed(1);
      try {
        const [full] = await runAdversarial([input.name], {}, 300);
        const [quarter] = await runAdversarial([input.name], { ADVERSARIAL_CHARS: '250000' }, 300);
        const ratio = full.cpuMs / Math.max(1, quarter.cpuMs);
        const ok = !full.error && full.peakRssMb < 300 && ratio < 6;
        if (!ok) failed++;
        if (full.ms > 2000) overTime++;
        if (full.peakRssMb >= 300) overMemory++;
        summary.push(`  ${ok ? '✔' : '✖'} ${input.name.padEnd(20)} ${String(full.ms).padStart(6)} ${String(full.cpuMs).padStart(6)} ${String(full.peakRssMb).padStart(4)} MB   ${String(quarter.cpuMs).padStart(5)}  ×${ratio.toFixed(1)}  load ${load}${full.ms > 2000 ? '  (over the 2 s target)' : ''}`);
      } catch (e) {
        failed++;
        summary.push(`  ✖ ${input.name}: ${(e as Error).message.slice(0, 300)}`);
      }
    }
    summary.push(`  ${ADVERSARIAL_INPUTS.length} inputs measured: ${overTime} over the 2 s target (wall), ${overMemory} at or over 300 MB`);
  }
  console.log(`\nStress summary\n${summary.join('\n')}`);
  console.log(`stress: ${failed ? `${failed} part(s) failed` : 'all held'}`);
  process.exitCode = failed ? 1 : 0;
}

void main();
