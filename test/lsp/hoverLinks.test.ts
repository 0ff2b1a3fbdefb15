/** The hover on a tagged passage links to the client's Edit note / Remove commands, only for clients that declare them. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { LineIndex } from '../../server/src/core/index';
import { ClientTagCommands, ServerCommands, type TagItem } from '../../server/src/protocol';
import { startLspHarness, type LspHarness } from '../support/lspHarness';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';
const PASSAGE = 'highly valued the cooperation results';

describe('hover links on tags over LSP', function () {
  let root: string;
  let lsp: LspHarness;

  afterEach(async () => {
    lsp.dispose();
    await removeTempWorkspace(root);
  });

  async function hoverOnTag(clientCommands?: string[]): Promise<{ value: string; item: TagItem; uri: string }> {
    root = await makeTempWorkspace();
    lsp = await startLspHarness(root, undefined, undefined, clientCommands ? { initializationOptions: { clientCommands } } : {});
    const uri = await lsp.open(S003);
    const text = await fs.readFile(path.join(root, S003), 'utf8');
    const lines = new LineIndex(text);
    const at = text.indexOf(PASSAGE);
    const range = { start: lines.positionAt(at), end: lines.positionAt(at + PASSAGE.length) };
    const item = (await lsp.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.addTag,
      arguments: [{ uri, range, tag: 'cooperation', note: 'ties (police)' }],
    })) as TagItem;
    const hover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(at + 3) })) as Hover;
    return { value: (hover.contents as { value: string }).value, item, uri };
  }

  it('links Edit note and Remove, with the tag’s uri and id as arguments, for a client that declares them', async () => {
    const { value, item, uri } = await hoverOnTag(Object.values(ClientTagCommands));
    assert.match(value, /\*\*Tag\*\* `cooperation` — ties \(police\)/);
    const links = [...value.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^ )]+) "[^"]*"\)/g)].map((m) => ({ title: m[1], command: m[2], args: JSON.parse(decodeURIComponent(m[3])) }));
    assert.deepEqual(links, [
      { title: 'Edit note', command: ClientTagCommands.editNote, args: [{ uri, id: item.id }] },
      { title: 'Remove', command: ClientTagCommands.removeTag, args: [{ uri, id: item.id }] },
    ]);
  });

  it('shows the tag and its note without links to other editors', async () => {
    const { value } = await hoverOnTag();
    assert.match(value, /\*\*Tag\*\* `cooperation` — ties \(police\)/);
    assert.doesNotMatch(value, /command:/);
  });
});
