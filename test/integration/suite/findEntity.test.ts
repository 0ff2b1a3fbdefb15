/** Find Entity…, driven as a keyboard user would: the pick opens with a search, the highlighted entity is accepted. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor } from './helpers';
import type { EntitiesResult, EntitySummary } from '../../../server/src/protocolEntities';
import type { EntityNode } from '../../../client/src/entitiesTree';

describe('Corpus Annotator in VS Code: Find Entity', function () {
  this.timeout(90000);

  it('finds an entity with one mention by a spelling typed in lower case, and reveals it in the Entities view', async () => {
    const api = await extensionApi();
    const { entities } = await waitFor('the entity listing', async () => {
      // By method name: the suite's bundle has its own copy of the protocol's message types.
      const r = await api.client.sendRequest<EntitiesResult>('corpusAnnotator/entities', { limit: 1000 });
      return r.entities.length ? r : undefined;
    });
    const target = entities.find((e) => e.mentions === 1 && e.canonical.length >= 8 && !entities.some((o) => o !== e && o.canonical.toLowerCase() === e.canonical.toLowerCase()));
    assert.ok(target, 'the seeds have an entity named once');

    let settled = false;
    let found: EntitySummary | undefined;
    let failed: unknown;
    const pending = vscode.commands.executeCommand<EntitySummary | undefined>('corpusAnnotator.findEntity', target.canonical.toLowerCase()).then(
      (v) => {
        settled = true;
        found = v;
      },
      (e) => {
        settled = true;
        failed = e;
      },
    );
    // Enter is ignored until the search has answered: press it until the pick closes.
    await waitFor('Find Entity to accept the first entity found', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    await pending;
    assert.equal(failed, undefined, `the command failed: ${failed}`);
    assert.equal(found?.id, target.id, `found ${found?.canonical} for “${target.canonical.toLowerCase()}”`);

    const view = api.entitiesView as vscode.TreeView<EntityNode>;
    await waitFor(`${target.canonical} selected in the Entities view`, () => {
      const [row] = view.selection;
      return row?.kind === 'entity' && row.entity.id === target.id;
    }).catch((e) => {
      const rows = view.selection.map((n) => (n.kind === 'entity' ? `entity ${n.entity.id}` : n.kind));
      throw new Error(`${(e as Error).message}; selection: ${rows.join(', ') || 'none'}; view visible: ${view.visible}`);
    });
    assert.ok(view.visible, 'the Entities view is shown');
  });

  it('says so when no entity has the name typed, rather than showing an empty list', async () => {
    const api = await extensionApi();
    const pickOf = api.findEntityPick as () => vscode.QuickPick<vscode.QuickPickItem & { entity?: EntitySummary }> | undefined;
    const pending = vscode.commands.executeCommand('corpusAnnotator.findEntity', 'qqzzxx wwyyvv');
    try {
      const items = await waitFor('the pick to say no entity is named so', () => {
        const qp = pickOf();
        return qp && !qp.busy && qp.items.length ? qp.items : undefined;
      });
      assert.equal(items.length, 1);
      assert.equal(items[0].label, 'No entity is named “qqzzxx wwyyvv”');
      assert.equal(items[0].entity, undefined, 'nothing to choose');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await pending;
    }
    assert.equal(pickOf(), undefined, 'closed');
  });
});
