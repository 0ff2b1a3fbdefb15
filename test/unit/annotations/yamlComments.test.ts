import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { createTag, type Sidecar, type Tag } from '../../../server/src/core/annotations/model';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../../server/src/core/annotations/sidecarFormat';
import {
  EMPTY_IGNORE_LIST,
  ignoreEverywhereEntry,
  parseIgnoreList,
  serializeIgnoreList,
  type IgnoreList,
} from '../../../server/src/core/boilerplate/ignoreList';
import { EMPTY_REGISTRY, parseRegistry, serializeRegistry, type EntityRegistry } from '../../../server/src/core/entities/registry';
import { updateDocument } from '../../../server/src/core/text/yamlUpdate';

/** Each needle occurs exactly once, in this order. */
function assertInOrder(text: string, ...needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `${JSON.stringify(needle)} missing or out of order in:\n${text}`);
    assert.equal(text.indexOf(needle, at + 1), -1, `${JSON.stringify(needle)} occurs twice in:\n${text}`);
    from = at + needle.length;
  }
}

function assertAbsent(text: string, ...needles: string[]): void {
  for (const needle of needles) assert.ok(!text.includes(needle), `${JSON.stringify(needle)} still in:\n${text}`);
}

describe('rewriting an analyst YAML file keeps its comments and key order', () => {
  describe('tag sidecars', () => {
    const ARTICLE = 'VIENTIANE — General Vilay Lakhamphong on April 25 highly valued the cooperation results.\nThe delegation left.\n';
    const NOW = new Date('2026-01-02T03:04:05Z');
    const at = (needle: string, label: string, id: string, note?: string): Tag => {
      const start = ARTICLE.indexOf(needle);
      return createTag(ARTICLE, { tag: label, start, end: start + needle.length, note }, id, NOW);
    };
    // Written by hand: header, comment above each item, trailing comments, blank line, custom key order, unknown keys.
    const FILE = `# Corpus Annotator tags for one article (sidecar format version 1).
# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.
document: seeds/003.txt # the article
version: 1
reviewer: kim
tags:
  # the general, named in full
  - id: a
    tag: person # who, not what
    quote: Vilay Lakhamphong
    prefix: "VIENTIANE — General "
    suffix: " on April 25 highly valued the "
    start: 20
    end: 37
    created: 2026-01-02T03:04:05.000Z

  # a stray tag, to be removed
  - id: b
    tag: junk
    quote: highly
    prefix: ""
    suffix: ""
    start: 50
    end: 56
    created: 2026-01-02T03:04:05.000Z

  # the date, checked against the dateline
  - quote: cooperation results
    id: c
    tag: cooperation
    prefix: ""
    suffix: ""
    start: 68
    end: 87
    created: 2026-01-02T03:04:05.000Z
    confidence: high # unknown key
# end of file: reviewed by kim
`;

    function read(text: string): Sidecar {
      const parsed = parseSidecar(text, '');
      assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
      return parsed.sidecar;
    }

    function edited(): Sidecar {
      const old = read(FILE);
      const [a, , c] = old.tags;
      return {
        ...old,
        tags: [at('The delegation', 'group', 'd'), { ...c, tag: 'bilateral', note: 'see the MoD site' }, a],
      };
    }

    it('adds, removes and changes tags, keeping the comments of the surviving ones and the key order', () => {
      const next = edited();
      const out = serializeSidecar(next, FILE);
      assertInOrder(
        out,
        '# Corpus Annotator tags for one article (sidecar format version 1).\n# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.\ndocument: seeds/003.txt # the article\nversion: 1\nreviewer: kim\ntags:\n',
        '  # the general, named in full\n  - id: a\n    tag: person # who, not what\n',
        '  # the date, checked against the dateline\n  - quote: cooperation results\n    id: c\n    tag: bilateral\n    note: see the MoD site\n    prefix: ""\n',
        '    confidence: high # unknown key\n',
        '  - id: d\n    tag: group\n',
        '# end of file: reviewed by kim\n',
      );
      assertAbsent(out, 'stray', 'junk');
      assert.deepEqual(read(out), { ...next, tags: [...next.tags].sort((x, y) => x.start - y.start) });
    });

    it('writes context with a line break on one double-quoted line, in new and in changed tags', () => {
      const old = read(FILE);
      const a = old.tags[0];
      const next: Sidecar = { ...old, tags: [{ ...a, prefix: 'line one\nVIENTIANE — General ' }, at('delegation', 'x', 'e')] };
      const out = serializeSidecar(next, FILE);
      assert.match(out, /\n {4}prefix: "line one\\nVIENTIANE — General "\n/);
      assert.match(out, /\n {4}suffix: " left\.\\n"\n/);
      assertInOrder(out, '  # the general, named in full\n  - id: a\n    tag: person # who, not what\n');
      assert.deepEqual(read(out).tags, next.tags);
    });

    it('is idempotent, and rewrites its own file byte for byte', () => {
      const next = edited();
      const once = serializeSidecar(next, FILE);
      assert.equal(serializeSidecar(next, once), once);
      const own = serializeSidecar(next);
      assert.equal(serializeSidecar(next, own), own);
    });

    it('writes new tags exactly as a file written from scratch, and from scratch without a usable previous text', () => {
      const next = edited();
      const scratch = serializeSidecar(next);
      assert.equal(serializeSidecar(next, serializeSidecar(emptySidecar('seeds/003.txt'))), scratch);
      for (const previous of [undefined, '', '  \n', 'tags: [oops\n', '- a list\n', 'just text\n']) {
        assert.equal(serializeSidecar(next, previous), scratch, String(previous));
      }
    });
  });

  describe('the entity registry', () => {
    const FILE = `# Entity registry: analysts' corrections to entity clustering. Keys per entity: id, canonical, type, aliases, notes.
# Reviewed weekly by the Laos desk.

entities:
  # a year taken for a name
  - id: 1976
    canonical: "1976"
    type: MISC

  # the minister, checked against the MoD site
  - canonical: Khamliang Outhakaysone
    id: khamliang-outhakaysone
    type: PERSON # not ORG
    aliases:
      - Khamlieng Outhakaysone # old spelling

  # wrong, to be removed
  - id: lao-army
    canonical: Lao Army
    type: ORG

  # no id: stands for viet-nam
  - canonical: Việt Nam
    type: LOCATION

notEntities:
  - Share it # page chrome
  - No
# end of the registry
`;

    function read(text: string): EntityRegistry {
      const parsed = parseRegistry(text);
      assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
      return parsed.registry;
    }

    function edited(): EntityRegistry {
      const [year, minister, , vietnam] = read(FILE).entities;
      return {
        entities: [
          year,
          { ...minister, aliases: [...minister.aliases, 'Khamliang'], notes: 'Defence minister from 2021.' },
          { ...vietnam, aliases: ['Vietnam'] },
          { id: 'true', canonical: 'Asean', type: 'ORG', aliases: ['1.5'] },
        ],
        notEntities: ['Share it', 'No', 'Log in'],
      };
    }

    it('adds, removes and changes entities, keeping the comments of the surviving ones and the key order', () => {
      const next = edited();
      const out = serializeRegistry(next, FILE);
      assertInOrder(
        out,
        "# Entity registry: analysts' corrections to entity clustering.",
        '# Reviewed weekly by the Laos desk.\n\nentities:\n',
        '  # a year taken for a name\n  - id: 1976\n    canonical: "1976"\n',
        '  # the minister, checked against the MoD site\n  - canonical: Khamliang Outhakaysone\n    id: khamliang-outhakaysone\n    type: PERSON # not ORG\n    aliases:\n      - Khamliang\n      - Khamlieng Outhakaysone # old spelling\n    notes: Defence minister from 2021.\n',
        '  - id: "true"\n    canonical: Asean\n    type: ORG\n    aliases:\n      - "1.5"\n',
        '  # no id: stands for viet-nam\n  - canonical: Việt Nam\n    type: LOCATION\n    aliases:\n      - Vietnam\n',
        '  - Log in\n  - No\n  - Share it # page chrome\n',
        '# end of the registry\n',
      );
      assertAbsent(out, 'Lao Army', 'to be removed');
      assert.deepEqual(read(out), read(serializeRegistry(next)), 'reads back as the same registry');
    });

    it('keeps `id: 1976` as the analyst wrote it, read as a string', () => {
      const out = serializeRegistry(edited(), FILE);
      assert.match(out, /\n {2}- id: 1976\n/);
      assert.equal(read(out).entities[0].id, '1976');
    });

    it('is idempotent, and rewrites its own file byte for byte', () => {
      const next = edited();
      const once = serializeRegistry(next, FILE);
      assert.equal(serializeRegistry(next, once), once);
      const own = serializeRegistry(next);
      assert.equal(serializeRegistry(next, own), own);
    });

    it('writes new entities exactly as a file written from scratch (quotes, blank lines), and from scratch without a usable previous text', () => {
      const next = edited();
      const scratch = serializeRegistry(next);
      assert.equal(serializeRegistry(next, serializeRegistry(EMPTY_REGISTRY)), scratch);
      for (const previous of [undefined, '', 'entities: [oops\n', '- a list\n']) assert.equal(serializeRegistry(next, previous), scratch, String(previous));
    });
  });

  describe('the ignore list', () => {
    const NOW = new Date('2026-02-01T10:00:00.000Z');
    const FILE = `# Corpus Annotator: boilerplate findings the analysts chose not to show (format version 1).
# everywhere: passages ignored in every article; here: one passage of one article, anchored like a tag.
# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.
version: 1
owner: laos-desk # who to ask
here:
  # the share bar of one article
  - document: seeds/a.txt
    quote: "Share: Facebook Twitter"
    prefix: "Headline\\n\\n"
    suffix: "\\n\\nA paragraph"
    start: 10
    end: 33
    added: 2026-02-01T10:00:00.000Z
  # a paragraph that is not boilerplate after all
  - document: seeds/b.txt
    quote: A paragraph
    prefix: ""
    suffix: ""
    start: 0
    end: 11
    added: 2026-02-01T10:00:00.000Z
everywhere:
  # footer of the Lao news agency
  - kind: chrome # the kind it was flagged as
    text: All rights reserved.
    added: 2026-02-01T10:00:00.000Z
# end of the list
`;

    function read(text: string): IgnoreList {
      const parsed = parseIgnoreList(text);
      assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
      return parsed.list;
    }

    function edited(): IgnoreList {
      const old = read(FILE);
      return {
        ...old,
        everywhere: [{ ...old.everywhere[0], note: 'the footer' }, ignoreEverywhereEntry('Related news', 'chrome', NOW)],
        here: [old.here[0]],
      };
    }

    it('adds, removes and changes entries, keeping the comments of the surviving ones and the key order', () => {
      const next = edited();
      const out = serializeIgnoreList(next, FILE);
      assertInOrder(
        out,
        '# Corpus Annotator: boilerplate findings the analysts chose not to show (format version 1).\n',
        '# Safe to edit and merge; keep it valid YAML. Offsets are UTF-16 code units.\nversion: 1\nowner: laos-desk # who to ask\nhere:\n',
        '  # the share bar of one article\n  - document: seeds/a.txt\n',
        'everywhere:\n  # footer of the Lao news agency\n  - kind: chrome # the kind it was flagged as\n    note: the footer\n    text: All rights reserved.\n',
        '  - text: Related news\n    kind: chrome\n    added: 2026-02-01T10:00:00.000Z\n',
        '# end of the list\n',
      );
      assertAbsent(out, 'seeds/b.txt', 'not boilerplate after all');
      assert.deepEqual(read(out), read(serializeIgnoreList(next)), 'reads back as the same list');
    });

    it('is idempotent, and rewrites its own file byte for byte', () => {
      const next = edited();
      const once = serializeIgnoreList(next, FILE);
      assert.equal(serializeIgnoreList(next, once), once);
      const own = serializeIgnoreList(next);
      assert.equal(serializeIgnoreList(next, own), own);
    });

    it('writes new entries exactly as a file written from scratch, and from scratch without a usable previous text', () => {
      const next = edited();
      const scratch = serializeIgnoreList(next);
      assert.equal(serializeIgnoreList(next, serializeIgnoreList(EMPTY_IGNORE_LIST)), scratch);
      for (const previous of [undefined, '', 'here: [oops\n', '42\n']) assert.equal(serializeIgnoreList(next, previous), scratch, String(previous));
    });
  });

  describe('updateDocument', () => {
    const update = (text: string, value: unknown, itemKey?: (item: unknown) => string | undefined): string => {
      const doc = parseDocument(text);
      assert.ok(updateDocument(doc, value, { itemKey }));
      return doc.toString();
    };

    it('leaves unchanged scalars as written and inserts a new key after the key before it in the new value', () => {
      const out = update("b: 'kept' # b\nc: 0x10\na: 1\n", { a: 2, b: 'kept', x: true, c: 16 });
      assert.equal(out, "b: 'kept' # b\nx: true\nc: 0x10\na: 2\n");
    });

    it('matches items by id, by the caller key, or by equal value, moving them with their comments', () => {
      const text = 'items:\n  # one\n  - id: 1\n    v: a\n  # two\n  - id: 2\n    v: b\nnames:\n  - x # ex\n  - y # why\n';
      const out = update(text, { items: [{ id: 2, v: 'B' }, { id: 3 }, { id: 1, v: 'a' }], names: ['z', 'y'] });
      assert.equal(out, 'items:\n  # two\n  - id: 2\n    v: B\n  - id: 3\n  # one\n  - id: 1\n    v: a\nnames:\n  - z\n  - y # why\n');
      const keyed = update('- {name: a, n: 1} # first\n- {name: b, n: 2}\n', [{ name: 'b', n: 2 }, { name: 'a', n: 5 }], (o) => (o as { name: string }).name);
      assert.equal(keyed, '- { name: b, n: 2 }\n- { name: a, n: 5 } # first\n');
    });

    it('gives up on an alias whose anchor is removed, so that the caller writes from scratch', () => {
      const doc = parseDocument('a: &x 1\nb: *x\n');
      assert.equal(updateDocument(doc, { b: 1 }), false);
    });
  });
});
