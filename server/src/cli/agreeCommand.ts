/**
 * `corpus-annotator agree --a A --b B [--format json|text]`: agreement between two analysts' annotations. A and B are
 * each an annotations folder (a path to a folder) or a git ref of the workspace's repository (its annotations folder
 * read with `git ls-tree` and `git show`, never checked out). The figures are computed by core/annotations/agreement.ts;
 * tokens come from the articles in the workspace folder as they are now.
 */
import * as path from 'node:path';
import { agreementReport, annotationSide, taggedArticles, type AnnotationFiles } from '../core/index';
import { gitAnnotations } from '../node/gitAnnotations';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { readAnnotationSource, SourceError } from '../workspace/annotationSources';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';
import { agreementJson, agreementText } from './agreeOutput';
import type { CliCommand } from './args';
import { CliError, type CliIo } from './openWorkspace';

export type AgreeCommand = Extract<CliCommand, { command: 'agree' }>;

export async function runAgree(command: AgreeCommand, io: CliIo): Promise<number> {
  const root = path.resolve(command.workspace ?? '.');
  let settingsText: string | undefined;
  try {
    settingsText = await nodeFileSystem.readText(path.join(root, SETTINGS_FILE));
  } catch {
    settingsText = undefined;
  }
  const annotationsFolder = settingsFromJson(settingsText).settings.annotationsFolder;
  const read = async (spec: string): Promise<AnnotationFiles> => {
    try {
      // Folders are resolved from the current folder, as the user typed them.
      return await readAnnotationSource(spec, { root, folderBase: process.cwd(), annotationsFolder, fs: nodeFileSystem, git: gitAnnotations });
    } catch (e) {
      if (e instanceof SourceError) throw new CliError(e.message, 2);
      throw e;
    }
  };
  const [a, b] = [await read(command.a), await read(command.b)];
  const sideA = annotationSide(a);
  const sideB = annotationSide(b);
  for (const [files, side] of [[a, sideA], [b, sideB]] as const) {
    for (const p of side.problems) io.err(`corpus-annotator: warning: ${files.label}: ${p} (left out)\n`);
  }
  const texts = new Map<string, string>();
  for (const doc of taggedArticles(sideA, sideB)) {
    let text: string | undefined;
    try {
      text = await nodeFileSystem.readText(path.resolve(root, doc));
    } catch {
      text = undefined;
    }
    if (text !== undefined) texts.set(doc, text);
  }
  const report = agreementReport({ files: a, side: sideA }, { files: b, side: sideB }, texts);
  for (const doc of report.missingArticles) io.err(`corpus-annotator: warning: ${doc} is not in the workspace folder; its tags count for spans but not for token labels and unitized alpha\n`);
  io.out(command.format === 'json' ? agreementJson(report) : agreementText(report));
  return 0;
}
