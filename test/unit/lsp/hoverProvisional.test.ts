/**
 * The hover of a name typed since the last corpus-wide grouping: its cluster is provisional until typing pauses, and
 * the hover says so instead of showing the internal id.
 */
import * as assert from 'node:assert/strict';
import { createCorpusService, isProvisionalId, NEVER_CANCELLED } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { hoverMarkdown } from '../../../server/src/lsp/hover';

describe('hover of a name typed since the last grouping', () => {
  it('says the name is new, and shows no internal id', () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    service.setDocument('a.txt', 'VIENTIANE — Minister Vilay Lakhamphong met delegates on Monday.\n');
    service.setDocument('b.txt', 'Minister Vilay Lakhamphong spoke in Hanoi.\n');
    service.entityClustering(NEVER_CANCELLED); // the corpus-wide grouping
    const text = 'VIENTIANE — Minister Vilay Lakhamphong met delegates on Monday, with Colonel Bounmy Xaysana.\n';
    service.editingStarted('a.txt', NEVER_CANCELLED);
    service.setDocument('a.txt', text);
    const offset = text.indexOf('Bounmy') + 2;
    const at = service.entityAt('a.txt', offset, NEVER_CANCELLED);
    assert.ok(at, 'the new name is an entity');
    assert.ok(isProvisionalId(at.cluster.entityId), `provisional until the next grouping: ${at.cluster.entityId}`);
    const hover = hoverMarkdown({ analysis: service.analyze('a.txt', undefined, NEVER_CANCELLED), offset, entity: at, tags: [], label: (k) => k });
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*Bounmy Xaysana\*\* — Person _\(new: grouped with the corpus once typing pauses\)_/);
    assert.doesNotMatch(hover.markdown, /provisional:/);
  });
});
