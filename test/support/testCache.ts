/**
 * Mocha root hooks (test/.mocharc.*.json `require`): servers the tests start, in this process or as children, keep
 * their analysis cache in a folder of this run, removed at the end, never in the user's cache folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const own = process.env.CORPUS_ANNOTATOR_CACHE ? undefined : mkdtempSync(path.join(os.tmpdir(), 'corpus-annotator-test-cache-'));
if (own) process.env.CORPUS_ANNOTATOR_CACHE = own;

export const mochaHooks = {
  afterAll(): void {
    if (own) rmSync(own, { recursive: true, force: true });
  },
};
