/** The rendered agreement report: links to the articles kept, nothing else let through. */
import * as assert from 'node:assert/strict';
import { reportHtml } from '../../../client/src/agreementHtml';

describe('agreement report HTML', () => {
  const md = [
    '# Agreement: a (A) and b (B)',
    '',
    '| Tag | A | B |',
    '|-----|--:|--:|',
    '| drugs | 1 | 1 |',
    '',
    '- [seeds/003.txt:5](file:///w/seeds/003.txt#L5,12) “drug prevention”',
    '- [evil](javascript:alert(1)) <script>alert(2)</script>',
  ].join('\n');
  const html = reportHtml(md, 'vscode-webview://x', 'N0nce');

  it('renders tables and keeps the links to articles, with their line and column', () => {
    assert.match(html, /<table>/);
    assert.match(html, /<a href="file:\/\/\/w\/seeds\/003\.txt#L5,12">seeds\/003\.txt:5<\/a>/);
  });

  it('drops javascript: links and escapes raw HTML; only nonce-carrying style and script run', () => {
    assert.doesNotMatch(html, /href="javascript:/);
    assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(html, /content="default-src 'none'; style-src vscode-webview:\/\/x 'nonce-N0nce'; script-src 'nonce-N0nce'"/);
    assert.equal((html.match(/<script nonce="N0nce">/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
