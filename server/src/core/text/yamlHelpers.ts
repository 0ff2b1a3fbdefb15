/** Small helpers shared by the YAML formats the analysts own (tag sidecars, ignore list, entity registry). */
import { isMap, isScalar, parseDocument, visit, type Document, type Node, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLMap } from 'yaml';
import { LineIndex } from './lineIndex';

/**
 * Keys of a mapping that a format does not know, to be kept when the file is rewritten; undefined if none. With the
 * document, aliases (`*name`) read as the values they stand for (without it, as `{ source: name }`).
 */
export function extraKeys(map: YAMLMap, known: readonly string[], doc?: Document): Record<string, unknown> | undefined {
  const json = (doc ? map.toJS(doc) : map.toJSON()) as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(json)) {
    if (!known.includes(k)) {
      extra[k] = v;
      any = true;
    }
  }
  return any ? extra : undefined;
}

/**
 * Strings that a plain or block scalar cannot carry exactly (a line break, a control or invisible character, space at
 * either end: `" \n"` written as a block scalar reads back as `"\n"`) are written double-quoted, with escapes.
 */
const NEEDS_QUOTES = /[\n\r\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|^\s|\s$/;
export function quoteIfAmbiguous(node: Node): void {
  if (isScalar(node) && typeof node.value === 'string' && NEEDS_QUOTES.test(node.value)) node.type = 'QUOTE_DOUBLE';
}

/** `quoteIfAmbiguous` over every scalar of a document written from scratch. */
export function quoteAmbiguousStrings(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      quoteIfAmbiguous(node);
    },
  });
}

/** 0-based line and column of an offset, for error reports. */
export function yamlPosition(text: string, offset: number): { line: number; column: number } {
  const p = new LineIndex(text).positionAt(offset);
  return { line: p.line, column: p.character };
}

/**
 * The document of a file's current text, to be updated in place when the file is rewritten (see `yamlUpdate`);
 * undefined when there is no text, or it has errors, or it is not a mapping: the file is then written from scratch.
 */
export function editableDocument(text: string | undefined, options: ParseOptions & DocumentOptions & SchemaOptions = {}): Document | undefined {
  if (text === undefined || !text.trim()) return undefined;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, ...options });
  return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
}
