/**
 * `corpus-annotator agree --a A --b B [--format json|text]`: agreement between two analysts' annotations. A and B are
 * each an annotations folder (a path to a folder) or a git ref of the workspace's repository (its annotations folder
 * read with `git ls-tree` and `git show`, never checked out). The figures are computed by core/annotations/agreement.ts;
 * tokens come from the articles in the workspace folder as they are now.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  EMPTY_REGISTRY,
  parseRegistry,
  parseSidecar,
  registryDisagreements,
  spanAgreement,
  tokenAgreement,
  unitizedAlphaByTag,
  wordTokens,
  type EntityRegistry,
  type TagSpan,
} from '../core/index';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';
import { agreementJson, agreementText, type AgreementReport, type SideSummary } from './agreeOutput';
import type { CliCommand } from './args';
import { CliError, type CliIo } from './openWorkspace';

export type AgreeCommand = Extract<CliCommand, { command: 'agree' }>;

/** One analyst's annotations: the files of an annotations folder, by their path inside it (`/` separators). */
interface Source {
  readonly label: string;
  readonly kind: 'folder' | 'git';
  readonly files: ReadonlyMap<string, string>;
}

export async function runAgree(command: AgreeCommand, io: CliIo): Promise<number> {
  const root = path.resolve(command.workspace ?? '.');
  let settingsText: string | undefined;
  try {
    settingsText = await nodeFileSystem.readText(path.join(root, SETTINGS_FILE));
  } catch {
    settingsText = undefined;
  }
  const annotationsFolder = settingsFromJson(settingsText).settings.annotationsFolder;
  const [a, b] = [await readSource(command.a, root, annotationsFolder), await readSource(command.b, root, annotationsFolder)];
  const sideA = annotationsOf(a, io);
  const sideB = annotationsOf(b, io);
  const tokens = new Map<string, [number, number][]>();
  const lengths = new Map<string, number>();
  const missing: string[] = [];
  for (const doc of [...new Set([...sideA.spans.keys(), ...sideB.spans.keys()])].sort()) {
    let text: string | undefined;
    try {
      text = await nodeFileSystem.readText(path.resolve(root, doc));
    } catch {
      text = undefined;
    }
    if (text === undefined) missing.push(doc);
    else {
      tokens.set(doc, wordTokens(text));
      lengths.set(doc, text.length);
    }
  }
  for (const doc of missing) io.err(`corpus-annotator: warning: ${doc} is not in the workspace folder; its tags count for spans but not for token labels and unitized alpha\n`);
  const summary = (s: Source, side: ReturnType<typeof annotationsOf>): SideSummary => ({
    source: s.label,
    kind: s.kind,
    articles: side.spans.size,
    tags: [...side.spans.values()].reduce((n, xs) => n + xs.length, 0),
    entities: side.registry.entities.length,
  });
  const report: AgreementReport = {
    a: summary(a, sideA),
    b: summary(b, sideB),
    spans: spanAgreement(sideA.spans, sideB.spans),
    tokens: tokenAgreement(sideA.spans, sideB.spans, tokens),
    unitized: unitizedAlphaByTag(sideA.spans, sideB.spans, lengths),
    registry: registryDisagreements(sideA.registry, sideB.registry),
    missingArticles: missing,
  };
  io.out(command.format === 'json' ? agreementJson(report) : agreementText(report));
  return 0;
}

async function readSource(spec: string, root: string, annotationsFolder: string): Promise<Source> {
  const asFolder = path.resolve(spec);
  const stat = await fs.stat(asFolder).catch(() => undefined);
  if (stat?.isDirectory()) {
    const files = new Map<string, string>();
    for (const file of await nodeFileSystem.listFiles(asFolder, (dir) => !path.basename(dir).startsWith('.'))) {
      if (!file.endsWith('.yaml')) continue;
      files.set(path.relative(asFolder, file).split(path.sep).join('/'), (await nodeFileSystem.readText(file)) ?? '');
    }
    return { label: spec, kind: 'folder', files };
  }
  const git = async (...args: string[]): Promise<string> => (await promisify(execFile)('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 })).stdout;
  try {
    await git('rev-parse', '--verify', '--quiet', `${spec}^{commit}`);
  } catch {
    throw new CliError(`'${spec}' is neither a folder nor a git ref of ${root}.`, 2);
  }
  const dir = annotationsFolder.split(path.sep).join('/').replace(/\/$/, '');
  const listed = (await git('ls-tree', '-r', '--name-only', '-z', spec, '--', `${dir}/`)).split('\0').filter((f) => f.endsWith('.yaml'));
  const files = new Map<string, string>();
  for (const file of listed) {
    // ls-tree names paths from the current folder (the workspace folder): read them the same way.
    files.set(file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file, await git('show', `${spec}:./${file}`));
  }
  return { label: spec, kind: 'git', files };
}

/** The tags (by article) and the registry of one source; files that do not parse are reported and left out. */
function annotationsOf(source: Source, io: CliIo): { spans: Map<string, TagSpan[]>; registry: EntityRegistry } {
  const spans = new Map<string, TagSpan[]>();
  let registry: EntityRegistry = EMPTY_REGISTRY;
  for (const [file, text] of [...source.files].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (file === 'ignored.yaml' || file === 'tags.yaml') continue;
    if (file === 'entities.yaml') {
      if (!text.trim()) continue;
      const r = parseRegistry(text);
      if (r.ok) registry = r.registry;
      else io.err(`corpus-annotator: warning: ${source.label}: entities.yaml:${r.errors[0].line + 1}: ${r.errors[0].message} (left out)\n`);
      continue;
    }
    const r = parseSidecar(text, file.replace(/\.yaml$/, '.txt'));
    if (!r.ok) {
      io.err(`corpus-annotator: warning: ${source.label}: ${file}:${r.errors[0].line + 1}: ${r.errors[0].message} (left out)\n`);
      continue;
    }
    const list = spans.get(r.sidecar.document) ?? [];
    list.push(...r.sidecar.tags.map((t) => ({ tag: t.tag, start: t.start, end: t.end })));
    spans.set(r.sidecar.document, list);
  }
  return { spans, registry };
}
