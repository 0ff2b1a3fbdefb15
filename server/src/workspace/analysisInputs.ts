/**
 * What the analysis core gets from the analysts' files of the open folders: one entity registry, and the ignore lists
 * as rules on the core's document keys (absolute paths). The same for the language server and the CLI.
 */
import * as path from 'node:path';
import type { BoilerplateIgnores, EntityRegistry } from '../core/index';
import type { CorpusFolder } from './corpusFolder';

/** The registries of every folder as one (the core has one). */
export function mergedRegistry(folders: readonly CorpusFolder[]): EntityRegistry {
  if (folders.length === 1) return folders[0].registry();
  return {
    entities: folders.flatMap((f) => f.registry().entities),
    notEntities: [...new Set(folders.flatMap((f) => f.registry().notEntities))],
  };
}

/** The ignore lists of every folder, as rules on the core's document keys (absolute paths). */
export function ignoreRules(folders: readonly CorpusFolder[]): BoilerplateIgnores {
  const everywhere: BoilerplateIgnores['everywhere'][number][] = [];
  const here: BoilerplateIgnores['here'][number][] = [];
  const single = folders.length <= 1;
  for (const folder of folders) {
    const list = folder.ignores();
    const within = single ? undefined : folder.root.endsWith(path.sep) ? folder.root : folder.root + path.sep;
    for (const e of list.everywhere) everywhere.push({ text: e.text, kind: e.kind, ...(within ? { within } : {}) });
    for (const h of list.here) {
      here.push({ uri: folder.resolve(h.document), quote: h.quote, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end });
    }
  }
  return { everywhere, here };
}

