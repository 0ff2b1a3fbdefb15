/** Temporary copies of the seeds corpus for tests, so tests never write into the repository. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

export async function seedNames(): Promise<string[]> {
  return (await fs.readdir(SEEDS_DIR)).filter((n) => n.endsWith('.txt')).sort();
}

/** A fresh folder with `seeds/` (copies of the corpus) and an empty `annotations/`. */
export async function makeTempWorkspace(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-annotator-'));
  await fs.mkdir(path.join(root, 'seeds'));
  await fs.mkdir(path.join(root, 'annotations'));
  for (const name of await seedNames()) await fs.copyFile(path.join(SEEDS_DIR, name), path.join(root, 'seeds', name));
  return root;
}

export async function removeTempWorkspace(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
