/** The code actions' quick picks, driven as a keyboard user would: the pick opens, the highlighted item is accepted. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { extensionApi, readText, seedUri, waitFor, workspaceRoot } from './helpers';
import type { EntityActionTarget } from '../../../server/src/protocolEntities';

const S004 = '004_f85d18add8346542.txt';

describe('Corpus Annotator in VS Code: entity quick picks', function () {
  this.timeout(90000);
  const registry = () => vscode.Uri.joinPath(workspaceRoot(), 'annotations', 'entities.yaml');

  afterEach(async () => {
    if ((await readText(registry())) !== undefined) await vscode.workspace.fs.delete(registry());
  });

  /** The code action's target for the first entity diagnostic on `needle` in seed 004. */
  async function targetFor(needle: string): Promise<{ target: EntityActionTarget; uri: vscode.Uri; range: vscode.Range }> {
    await extensionApi();
    const uri = seedUri(S004);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf(needle);
    const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + needle.length));
    const actions = await waitFor('entity code actions', async () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.range.contains(range.start) && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('entity.'));
      if (!diagnostics.length) return undefined;
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
      return list?.length ? list : undefined;
    });
    const withTarget = actions.find((a) => a.command?.command === 'corpusAnnotator.changeEntityType');
    assert.ok(withTarget, `a change-type action among: ${actions.map((a) => a.title).join(' | ')}`);
    return { target: withTarget.command!.arguments![0] as EntityActionTarget, uri, range };
  }

  /** Runs a command that opens a quick pick, and accepts the highlighted item once the pick is up. */
  async function runAndAcceptFirst<T>(command: string, arg: unknown): Promise<T> {
    let settled = false;
    let value: T | undefined;
    const pending = vscode.commands.executeCommand<T>(command, arg).then((v) => {
      settled = true;
      value = v;
    });
    await waitFor(`${command} to finish after accepting the first item`, async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    await pending;
    return value as T;
  }

  it('changes an entity’s type through the type quick pick and writes the registry', async () => {
    const { target, uri, range } = await targetFor('Vientiane Times');
    const result = await runAndAcceptFirst<{ changed: boolean } | undefined>('corpusAnnotator.changeEntityType', target);
    const yaml = await waitFor('entities.yaml written', async () => {
      const t = await readText(registry());
      return t ? parse(t) : undefined;
    });
    const entry = yaml.entities.find((e: { canonical: string }) => e.canonical === target.canonical);
    assert.ok(entry, `the registry lists ${target.canonical}`);
    if (target.type !== 'PERSON') {
      assert.equal(result?.changed, true);
      assert.equal(entry.type, 'PERSON', 'the first type offered is Person');
      await waitFor('the diagnostic to show the new type', () =>
        vscode.languages.getDiagnostics(uri).some((d) => d.range.contains(range.start) && String(typeof d.code === 'object' ? d.code.value : d.code) === 'entity.person'),
      );
    }
  });

  it('adds a spelling as a name of another entity through the entity quick pick', async () => {
    const { target, uri, range } = await targetFor('Russia');
    const result = await runAndAcceptFirst<{ changed: boolean; message: string } | undefined>('corpusAnnotator.addAliasOf', target);
    assert.equal(result?.changed, true, 'the registry changed');
    const yaml = await waitFor('entities.yaml written', async () => {
      const t = await readText(registry());
      return t ? parse(t) : undefined;
    });
    const owner = yaml.entities.find((e: { aliases?: string[] }) => e.aliases?.includes(target.text));
    assert.ok(owner, `${target.text} is an alias of an entity in the registry`);
    assert.notEqual(owner.canonical, target.canonical);
    await waitFor('the mention to join the chosen entity', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.range.contains(range.start) && (typeof d.message === 'string' ? d.message : '').includes(owner.canonical)),
    );
  });
});
