import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'corpus-annotator.corpus-annotator';

describe('smoke', () => {
  it('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opens the test workspace with the seeds', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected one workspace folder');
    const seeds = await vscode.workspace.findFiles('seeds/*.txt');
    assert.ok(seeds.length > 0, 'no seeds/*.txt found in the workspace');
  });
});
