/** Hover content: what the core knows about the name, date, boilerplate or tagged passage under the cursor. */
import {
  describeDate,
  entityTypeName,
  isProvisionalId,
  otherSpellings,
  plural,
  type AnchoredTag,
  type DocumentAnalysis,
  type EntityAt,
} from '../core/index';

/** Articles named in the hover of a repeated passage; the others are counted. */
const HOVER_COPY_PLACES = 5;

export interface HoverParts {
  analysis: DocumentAnalysis;
  offset: number;
  entity?: EntityAt;
  tags: readonly AnchoredTag[];
  /** Tags on passages that mention the entity under the cursor, corpus-wide (see entityTags.ts). */
  entityTags?: readonly { tag: string; passages: number; articles: number }[];
  /** Labels a document key for people ("seeds/003_….txt"). */
  label(key: string): string;
  /**
   * Links on each tag to client commands (`command:` links, args `[{ uri, id }]`), given only for the commands the
   * client declared (`initializationOptions.clientCommands`): other editors show the tag and its note without links.
   */
  tagLinks?: { uri: string; editNote?: string; remove?: string };
  /**
   * The corpus is still being indexed, where it is ("4,097 of 10,006 articles"): `analysis` and `entity` are the
   * article's alone (CorpusService.articleAlone), so the entity's spellings and counts are said to be this article's,
   * its corpus-wide id and counts are left out, and one line says the corpus is not all counted yet.
   */
  indexing?: string;
}

/** Markdown for the hover at `offset`, and the span it applies to; undefined when there is nothing to say. */
export function hoverMarkdown(p: HoverParts): { markdown: string; start: number; end: number } | undefined {
  const sections: string[] = [];
  let start = Infinity;
  let end = -1;
  const cover = (s: number, e: number) => {
    start = Math.min(start, s);
    end = Math.max(end, e);
  };

  if (p.entity && p.indexing !== undefined) {
    cover(p.entity.mention.start, p.entity.mention.end);
    sections.push(entityInArticle(p.entity));
  } else if (p.entity) {
    const { mention, cluster } = p.entity;
    cover(mention.start, mention.end);
    // A name typed since the last corpus-wide grouping has no id of its own yet: said so, not shown as an id.
    const id = isProvisionalId(cluster.entityId) ? '_(new: grouped with the corpus once typing pauses)_' : `\`${cluster.entityId}\``;
    const lines = [`**${escape(cluster.canonical)}** — ${entityTypeName(cluster.type)} ${id}`, ''];
    const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1]);
    lines.push(`Spellings: ${spellings.map(([s, n]) => `${escape(s)} (${n})`).join(', ')}`);
    if (otherSpellings(cluster, mention.text).length === 0) lines[lines.length - 1] += ' — no other spelling seen';
    const titles = [...cluster.titles.entries()].sort((a, b) => b[1] - a[1]);
    if (titles.length) lines.push('', `Titles and roles: ${titles.slice(0, 5).map(([t]) => escape(t)).join('; ')}`);
    lines.push(
      '',
      `Mentions: ${p.entity.inDocument} in this article, ${plural(p.entity.inCorpus, 'mention')} in ${plural(p.entity.articles, 'article')} of the corpus`,
    );
    if (cluster.notes) lines.push('', `Notes: ${escape(cluster.notes)}`);
    if (p.entityTags?.length) {
      const shown = p.entityTags.slice(0, 6).map((t) => `\`${escape(t.tag)}\` (${plural(t.passages, 'passage')}${t.articles > 1 ? ` in ${t.articles} articles` : ''})`);
      lines.push('', `Tags on passages that mention it: ${shown.join(', ')}${p.entityTags.length > 6 ? `, and ${p.entityTags.length - 6} more` : ''}`);
    }
    sections.push(lines.join('\n'));
  }

  for (const d of p.analysis.dates) {
    if (d.start > p.offset || p.offset > d.end) continue;
    cover(d.start, d.end);
    const info = describeDate(d, p.analysis.documentDate);
    const head = `**${info.value}**${info.weekday ? ` (${info.weekday})` : ''} — ${d.kind.toLowerCase()}`;
    const lines = [head, '', `Resolved: ${escape(info.resolution)}`];
    if (info.distance) {
      const dct = p.analysis.documentDate;
      lines.push('', escape(dct ? `${info.distance} (article dated ${dct.value}, from its ${dct.source})` : info.distance));
    }
    sections.push(lines.join('\n'));
    break;
  }

  let boilerplateShown = false;
  for (const b of p.analysis.boilerplate) {
    if (b.start > p.offset || p.offset > b.end) continue;
    boilerplateShown = true;
    cover(b.start, b.end);
    const kind = b.kind === 'chrome' ? 'page chrome' : b.kind;
    const lines = [`**Boilerplate** (${kind}): ${escape(b.reason)}`];
    if (b.copies.length) {
      const where = [...new Set(b.copies.map((c) => p.label(c.uri)))];
      // The first few articles by name: a passage syndicated to dozens would fill the hover with them.
      const named = where.slice(0, HOVER_COPY_PLACES).map(escape).join(', ');
      const others = where.length - HOVER_COPY_PLACES;
      const places = others > 0 ? `${named} and ${plural(others, 'other article')}` : named;
      lines.push('', `${b.moreCopies ? 'at least ' : ''}${plural(b.copies.length, 'other copy')} — in ${places}`.replace('copys', 'copies'));
    }
    sections.push(lines.join('\n'));
    break;
  }

  for (const t of p.tags) {
    if (t.start < 0 || t.start > p.offset || p.offset > t.end) continue;
    cover(t.start, t.end);
    const links = p.tagLinks ? tagLinks(p.tagLinks, t.tag.id) : '';
    // Found again after the article changed elsewhere: said, so the analyst can check it (fuzzy ones are diagnostics).
    const state = t.status === 'moved' ? '\n\n_Found again after the article changed: the same words, with the text around them._' : '';
    sections.push(`**Tag** \`${escape(t.tag.tag)}\`${t.tag.note ? ` — ${escape(t.tag.note)}` : ''}${state}${links ? `\n\n${links}` : ''}`);
  }

  if (!sections.length) return undefined;
  const markdown = sections.join('\n\n---\n\n');
  if (p.indexing !== undefined) {
    const uncounted = p.entity ? ': other spellings and articles not yet counted' : boilerplateShown ? ': copies in other articles not yet counted' : '';
    return { markdown: `_Corpus still indexing (${escape(p.indexing)})${uncounted}._\n\n${markdown}`, start, end };
  }
  return { markdown, start, end };
}

/** The entity as its article alone shows it, while the corpus is still being indexed. */
function entityInArticle(at: EntityAt): string {
  const { cluster } = at;
  const lines = [`**${escape(cluster.canonical)}** — ${entityTypeName(cluster.type)}`, ''];
  const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1]);
  lines.push(`Spellings in this article: ${spellings.map(([s, n]) => `${escape(s)} (${n})`).join(', ')}`);
  const titles = [...cluster.titles.entries()].sort((a, b) => b[1] - a[1]);
  if (titles.length) lines.push('', `Titles and roles: ${titles.slice(0, 5).map(([t]) => escape(t)).join('; ')}`);
  lines.push('', `Mentions: ${at.inDocument} in this article`);
  if (cluster.notes) lines.push('', `Notes: ${escape(cluster.notes)}`);
  return lines.join('\n');
}

/** `[Edit note](command:…) · [Remove](command:…)` for the commands given. */
function tagLinks(links: NonNullable<HoverParts['tagLinks']>, id: string): string {
  // encodeURIComponent leaves ( ) ' * ! ~ as they are; a `)` would end the markdown link.
  const args = encodeURIComponent(JSON.stringify([{ uri: links.uri, id }])).replace(/[()'*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const link = (title: string, command: string, tip: string) => `[${title}](command:${command}?${args} "${tip}")`;
  return [
    links.editNote ? link('Edit note', links.editNote, 'Edit the note of this tag') : '',
    links.remove ? link('Remove', links.remove, 'Remove this tag') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
