import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/workspace';

const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](node:[^'"]+|fs|path|os|child_process|url|vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/;

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(full)));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('the analysis core stays pure', () => {
  it('imports no Node built-ins, no vscode and no LSP libraries', async () => {
    const offenders: string[] = [];
    for (const file of await files(path.join(REPO_ROOT, 'server/src/core'))) {
      const text = await fs.readFile(file, 'utf8');
      const m = FORBIDDEN.exec(text);
      if (m) offenders.push(`${path.relative(REPO_ROOT, file)}: ${m[1]}`);
      if (/\bprocess\.(env|argv|cwd)/.test(text)) offenders.push(`${path.relative(REPO_ROOT, file)}: process`);
    }
    assert.deepEqual(offenders, []);
  });
});
