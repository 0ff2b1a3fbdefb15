/**
 * `corpus-annotator agree --a A --b B [--format json|text]`: agreement between two analysts' annotations. A and B are
 * each an annotations folder (a path to a folder) or a git ref of the workspace's repository (its annotations folder
 * read with `git ls-tree` and `git show`, never checked out). The figures are computed by core/annotations/agreement.ts;
 * tokens come from the articles in the workspace folder as they are now.
 */
import * as path from 'node:path';
import { agreementReport, annotationSide, taggedArticles, type AnnotationFiles } from '../core/index';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { settingsFromJson, SETTINGS_FILE } from '../workspace/settingsFile';
import { agreementJson, agreementText } from './agreeOutput';
import type { CliCommand } from './args';
import type { CliIo } from './openWorkspace';
import { readSide } from './readSide';

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
  const read = (spec: string): Promise<AnnotationFiles> => readSide(root, annotationsFolder, spec);
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
