/** What a CLI command reads as a whole: a file, or (`-`) standard input. */
import { promises as fs } from 'node:fs';
import { CliError } from './openWorkspace';

/** The text of `from`, or of standard input for `-`; a file that cannot be read is a CliError naming `what`. */
export async function readFileOrStdin(from: string, what: string): Promise<string> {
  try {
    if (from !== '-') return await fs.readFile(from, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${what} '${from}': ${(e as Error).message}`);
  }
}
