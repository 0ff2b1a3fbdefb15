/**
 * The analysts' YAML files as formats for the one annotation store: how to parse each (never throwing, every problem
 * with its position) and how to write it (updating the previous text in place, so comments and key order survive).
 */
import {
  emptySidecar,
  EMPTY_IGNORE_LIST,
  EMPTY_REGISTRY,
  parseIgnoreList,
  parseRegistry,
  parseSidecar,
  parseTaxonomy,
  serializeTaxonomy,
  EMPTY_TAXONOMY,
  type Taxonomy,
  serializeIgnoreList,
  serializeRegistry,
  serializeSidecar,
  type EntityRegistry,
  type IgnoreList,
  type Sidecar,
  type ConflictRef,
} from '../core/index';

/** A problem in an analyst file; line and column are 0-based. */
export interface FileProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /**
   * `warning`: the file is read and written as usual, but holds something an analyst should see (a merge conflict
   * kept in the file). Otherwise the file is broken: not applied, and never rewritten.
   */
  readonly severity?: 'warning';
  /** On a merge conflict's warning: which conflict entry of the file (its list and key). */
  readonly conflict?: ConflictRef;
}

const asWarnings = (ws: readonly { message: string; line: number; column: number; conflict?: ConflictRef }[] | undefined): FileProblem[] | undefined =>
  ws?.length ? ws.map((w) => ({ ...w, severity: 'warning' as const })) : undefined;

/** `warnings`: what to show on a file that parses (merge conflicts kept in it). */
export type Parsed<T> = { ok: true; value: T; warnings?: readonly FileProblem[] } | { ok: false; errors: readonly FileProblem[] };

export interface AnalystFormat<T> {
  /** What the file is, for people: "entity registry". */
  readonly label: string;
  /** The value of a file that does not exist yet. */
  empty(): T;
  parse(text: string): Parsed<T>;
  /** The new text; `previous` is the file's current text, updated in place where it parses. */
  serialize(value: T, previous: string | undefined): string;
}

export function sidecarFormat(document: string): AnalystFormat<Sidecar> {
  return {
    label: 'tag sidecar',
    empty: () => emptySidecar(document),
    parse(text) {
      const r = parseSidecar(text, document);
      return r.ok ? { ok: true, value: r.sidecar, warnings: asWarnings(r.warnings) } : r;
    },
    serialize: (value, previous) => serializeSidecar(value, previous),
  };
}

export const registryFormat: AnalystFormat<EntityRegistry> = {
  label: 'entity registry',
  empty: () => EMPTY_REGISTRY,
  parse(text) {
    if (!text.trim()) return { ok: true, value: EMPTY_REGISTRY };
    const r = parseRegistry(text);
    return r.ok ? { ok: true, value: r.registry, warnings: asWarnings(r.warnings) } : { ok: false, errors: r.errors };
  },
  serialize: (value, previous) => serializeRegistry(value, previous),
};

export const ignoreListFormat: AnalystFormat<IgnoreList> = {
  label: 'ignore list',
  empty: () => EMPTY_IGNORE_LIST,
  parse(text) {
    const r = parseIgnoreList(text);
    return r.ok ? { ok: true, value: r.list, warnings: asWarnings(r.warnings) } : r;
  },
  serialize: (value, previous) => serializeIgnoreList(value, previous),
};

export const taxonomyFormat: AnalystFormat<Taxonomy> = {
  label: 'tag taxonomy',
  empty: () => EMPTY_TAXONOMY,
  parse(text) {
    const r = parseTaxonomy(text);
    return r.ok ? { ok: true, value: r.taxonomy, warnings: asWarnings(r.warnings) } : r;
  },
  serialize: (value, previous) => serializeTaxonomy(value, previous),
};
