// Shared shapes of the integration-test runners.

export type TestHost = 'electron' | 'code-server';

export interface SuiteCounts {
  passed: number;
  failed: number;
  pending: number;
}

/** Everything a host needs to run the bundled mocha suite once. */
export interface SuiteRun {
  /** Project root: the extension under development. */
  root: string;
  /** Bundled mocha entry (dist/test/suite/index.js). */
  suiteIndex: string;
  /** Fresh workspace folder opened for the run. */
  workspace: string;
  /** Per-run scratch folder (user data, profiles, logs). */
  runDir: string;
  /** The suite writes its counts here (env CORPUS_TEST_RESULT_FILE). */
  resultFile: string;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface SuiteOutcome {
  host: TestHost;
  /** 0 when the suite passed. */
  exitCode: number;
  counts?: SuiteCounts;
  /** Why it failed outside the tests (timeout, crash, missing host). */
  reason?: string;
}

/** Env the suite sees inside the extension host. */
export function suiteEnv(run: SuiteRun): Record<string, string> {
  // CORPUS_TEST_GREP runs only the tests whose full title matches it (mocha's grep), e.g. `agreement`.
  return { CORPUS_TEST_WORKSPACE: run.workspace, CORPUS_TEST_RESULT_FILE: run.resultFile, ...(process.env.CORPUS_TEST_GREP ? { CORPUS_TEST_GREP: process.env.CORPUS_TEST_GREP } : {}) };
}

const RESULT_LINE = /\[corpus-suite-result\] (\{.*\})/;

/** Reads the counts from the suite's result log line, if this is one. */
export function parseResultLine(line: string): SuiteCounts | undefined {
  const m = RESULT_LINE.exec(line);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]) as Partial<SuiteCounts>;
    if (typeof v.passed === 'number' && typeof v.failed === 'number') {
      return { passed: v.passed, failed: v.failed, pending: v.pending ?? 0 };
    }
  } catch {
    /* not ours */
  }
  return undefined;
}
