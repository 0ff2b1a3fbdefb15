/**
 * Plain-text articles rebuilt from a CoNLL-2003 file (one sentence a line, tokens joined with
 * light detokenisation), for measuring false alarms on real news text. Reads nothing itself:
 * the caller passes the file's content.
 */
export function conllArticles(content: string): string[] {
  const docs: string[] = [];
  let lines: string[] = [];
  let tokens: string[] = [];
  const endSentence = (): void => {
    if (tokens.length) lines.push(detokenize(tokens));
    tokens = [];
  };
  for (const raw of content.split('\n')) {
    if (raw.startsWith('-DOCSTART-')) {
      endSentence();
      if (lines.length) docs.push(lines.join('\n'));
      lines = [];
      continue;
    }
    if (raw.trim() === '') { endSentence(); continue; }
    tokens.push(raw.split(' ')[0]);
  }
  endSentence();
  if (lines.length) docs.push(lines.join('\n'));
  return docs;
}

function detokenize(tokens: readonly string[]): string {
  return tokens.join(' ')
    .replace(/ ([.,;:!?%)\]}])/g, '$1')
    .replace(/([([{$]) /g, '$1')
    .replace(/ n't\b/g, "n't")
    .replace(/ '(s|re|ve|ll|d|m)\b/g, "'$1")
    .replace(/`` /g, '"')
    .replace(/ ''/g, '"');
}
