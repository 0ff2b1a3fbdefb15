import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { maybePhotoCredit } from '../../../server/src/core/boilerplate/lineFeatures';
import { PHOTO_CREDIT } from '../../../server/src/core/boilerplate/lexicon';

describe('boilerplate: the quick test before the photo-credit pattern', () => {
  it('holds for every line the pattern matches (it only skips lines the pattern would refuse)', () => {
    const fragment = fc.constantFrom(
      'Photo', 'PHOTO', 'photo', 'Photos', 'Photograph', 'Image', 'image', 'Images', 'Picture', 'Pictures', 'Pic', 'pic',
      'File photo', 'file photo', 'Illustration', 'illustration', 'Credit', 'Graphic', 'Source photo', 'by', 'By', ' by ',
      ' ', '  ', '\t', ':', ' : ', '(', ')', '.', ',', ';', '—', '–', '-', 'Reuters', 'VNA', 'Nguyễn', 'the minister', 'x',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }), (parts) => {
        const line = parts.join('');
        if (PHOTO_CREDIT.test(line)) assert.ok(maybePhotoCredit(line), line);
      }),
      { numRuns: 5000 },
    );
  });

  it('still finds the credits of the seeds’ kinds', () => {
    for (const line of ['Photo: VNA', 'The minister at the airport (Photo: KPL)', 'Pictures by Somphone', 'Illustration : AFP']) {
      assert.ok(maybePhotoCredit(line) && PHOTO_CREDIT.test(line), line);
    }
    assert.equal(maybePhotoCredit('The photo shows the minister at the airport'), false);
  });
});
