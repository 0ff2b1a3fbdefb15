import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createCorpusService, NEVER_CANCELLED } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { SEEDS_DIR, seedNames } from '../../support/workspace';

describe('letting go of an article’s analysis (as the CLI does after printing it)', () => {
  it('gives the same analyses when asked again, released all at once or one at a time, an article being edited left as it is', async () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    const names = await seedNames();
    for (const name of names) service.setDocument(name, await fs.readFile(path.join(SEEDS_DIR, name), 'utf8'));
    // A copy of a seed's paragraphs in another article: findings that need other articles' passages.
    const first = service.getText(names[0])!;
    service.setDocument('copy.txt', `A headline of its own\n\n${first.split('\n').slice(2).join('\n')}`);
    const uris = [...names, 'copy.txt'];
    const analyses = () => uris.map((u) => JSON.stringify(service.analyze(u, undefined, NEVER_CANCELLED)));
    const before = analyses();
    assert.ok(before.some((a) => a.includes('"duplicate"')), 'the copy is found');
    for (const u of uris) service.releaseAnalysis(u);
    assert.deepEqual(analyses(), before);
    // Once more, released one at a time between the others' analyses, as the CLI does.
    const again = uris.map((u) => {
      const a = JSON.stringify(service.analyze(u, undefined, NEVER_CANCELLED));
      service.releaseAnalysis(u);
      return a;
    });
    assert.deepEqual(again, before);
    service.editingStarted(names[1], NEVER_CANCELLED);
    service.releaseAnalysis(names[1]);
    assert.deepEqual(analyses(), before);
  });
});
