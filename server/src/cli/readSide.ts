/**
 * One analyst's annotations for `agree` and `adjudicate`: a git ref of the workspace's repository (its annotations
 * folder read with `git ls-tree` and `git show`, never checked out) or an annotations folder (a path from the current
 * folder, as the user typed it).
 */
import { type AnnotationFiles } from '../core/index';
import { gitAnnotations } from '../node/gitAnnotations';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { readAnnotationSource, SourceError } from '../workspace/annotationSources';
import { CliError } from './openWorkspace';

export async function readSide(root: string, annotationsFolder: string, spec: string): Promise<AnnotationFiles> {
  try {
    return await readAnnotationSource(spec, { root, folderBase: process.cwd(), annotationsFolder, fs: nodeFileSystem, git: gitAnnotations });
  } catch (e) {
    if (e instanceof SourceError) throw new CliError(e.message, 2);
    throw e;
  }
}
