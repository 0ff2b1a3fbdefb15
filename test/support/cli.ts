/** Runs the CLI's `main()` in-process, from a given current folder, and collects what it prints. */
import { main } from '../../server/src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}
