import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, hoverText, seedUri, waitFor } from './helpers';

const S003 = '003_0e5bd4099b662286.txt';
const S000 = '000_87a1712161fb5682.txt';

describe('Corpus Annotator in VS Code: analysis', function () {
  this.timeout(90000);

  before(async () => {
    await extensionApi();
  });

  it('shows entity, date and boilerplate diagnostics on a seed article', async () => {
    const uri = seedUri(S003);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('diagnostics on 003', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'corpus');
      return d.length ? d : undefined;
    });
    const codes = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    assert.ok(diagnostics.some((d) => codes(d) === 'entity.person' && /Vilay Lakhamphong/.test(d.message)), 'a person');
    assert.ok(diagnostics.some((d) => codes(d).startsWith('date.') && d.message.includes('2025-04-25')), 'a date');

    const uri000 = seedUri(S000);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri000));
    const faded = await waitFor('boilerplate on 000', () => {
      const d = vscode.languages.getDiagnostics(uri000).filter((x) => codes(x).startsWith('boilerplate.'));
      return d.length ? d : undefined;
    });
    assert.ok(faded.every((d) => d.tags?.includes(vscode.DiagnosticTag.Unnecessary)));
  });

  it('hovers a name with its canonical name, type and mention counts', async () => {
    const uri = seedUri(S003);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const position = doc.positionAt(doc.getText().indexOf('Lakhamphong') + 2);
    const text = await waitFor('hover on Lakhamphong', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
      return /Vilay Lakhamphong/.test(t) ? t : undefined;
    });
    assert.match(text, /Person/);
    assert.match(text, /Mentions:/);
  });

  it('hovers a date with its ISO value resolved against the article date', async () => {
    const uri = seedUri(S003);
    const doc = await vscode.workspace.openTextDocument(uri);
    const position = doc.positionAt(doc.getText().indexOf('April 25') + 2);
    const text = await waitFor('hover on April 25', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
      return t.includes('2025-04-25') ? t : undefined;
    });
    assert.match(text, /Friday/);
  });
});
