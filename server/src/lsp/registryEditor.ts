/**
 * Applies analysts' corrections to the entity registry of the workspace. The folder's model writes it (never when it
 * does not parse) and announces the new registry; the server's corpus sync puts it in use, re-analyses open articles
 * and tells clients (features/corpusSync.ts). One editor per server, created in server.ts.
 *
 * It remembers the edits of this session (at most UNDO_DEPTH), so the last one can be undone: the entries it touched
 * go back to what they were, unless someone changed them since (core/entities/registryUndo.ts). Merge conflicts
 * resolved in the registry, the ignore list or the taxonomy (features/conflictActions.ts) are on the same stack, so the
 * same Undo (Ctrl+Z right after, the notification's button, the command) takes one back: the conflict entry returns
 * as it was (core/annotations/recordConflictResolution.ts).
 */
import { undoRegistryEdit, type AppliedRegistryEdit, type EntityCluster, type EntityClustering, type EntityRef, type EntityRegistry, type RegistryEdit } from '../core/index';
import type { RegistryEditResult } from '../protocolEntities';
import { AnalystFileError, type CorpusFolder, type RecordConflictOutcome } from '../workspace/corpusFolder';
import type { CorpusIndexer } from './indexer';
import { NEVER_CANCELLED, type CorpusService } from '../core/index';
import { UserError } from './tagService';
import type { Workspace } from './workspace';

/** The clustered entity as the registry edits see it: id, canonical name, type, spellings most frequent first. */
export function entityRefOf(cluster: EntityCluster): EntityRef {
  const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  return { entityId: cluster.entityId, canonical: cluster.canonical, type: cluster.type, spellings };
}

const UNDO_DEPTH = 50;

interface RegistryUndo extends AppliedRegistryEdit {
  readonly kind: 'registry';
  /** The registry file written, to find its folder again after the workspace was reopened. */
  readonly registryFile: string;
}

/** A merge conflict resolved in the registry, the ignore list or the taxonomy of the folder at `root`. */
interface ConflictUndo {
  readonly kind: 'conflict';
  readonly root: string;
  readonly file: string;
  readonly outcome: RecordConflictOutcome;
  readonly message: string;
}

type UndoEntry = RegistryUndo | ConflictUndo;

export class RegistryEditor {
  private readonly undoStack: UndoEntry[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly service: CorpusService,
    private readonly indexer: CorpusIndexer,
  ) {}

  /** The registry of the folder holding `file` (the first folder when none is given), as in use now. */
  async current(file?: string): Promise<EntityRegistry | undefined> {
    await this.workspace.ready;
    return this.folder(file)?.registry();
  }

  /** The current clustering, after indexing. */
  async clustering(): Promise<EntityClustering> {
    await this.indexer.ready;
    return this.service.entityClustering(NEVER_CANCELLED, 'fast');
  }

  /** The entity with this id, or a UserError that says what to do. */
  async entity(entityId: unknown): Promise<EntityCluster> {
    if (typeof entityId !== 'string' || !entityId) throw new UserError('No entity given (entityId).');
    const cluster = (await this.clustering()).cluster(entityId);
    if (!cluster) throw new UserError(`There is no entity \`${entityId}\` any more (the corpus or the registry changed); refresh and try again.`);
    return cluster;
  }

  /**
   * Writes `edit` into the registry of the folder the entity is mentioned in (the first mention's), or of the folder
   * holding `file`; the first folder when neither is given.
   */
  async apply(edit: (registry: EntityRegistry) => RegistryEdit, near?: string | EntityCluster): Promise<RegistryEditResult> {
    await this.workspace.ready;
    const corpus = this.folder(typeof near === 'string' ? near : near?.mentions[0]?.uri);
    if (!corpus) throw new UserError('Open a workspace folder first: the entity registry lives in its annotations folder.');
    let before: EntityRegistry | undefined;
    try {
      const change = await corpus.editRegistry((registry) => {
        before = registry;
        return edit(registry);
      });
      if (change.changed && before) {
        this.push({ kind: 'registry', before, after: change.registry, message: change.message, registryFile: corpus.registryFile });
      }
      return { registry: this.workspace.label(corpus.registryFile), message: change.message, changed: change.changed, ...(change.changed ? { undoable: true } : {}) };
    } catch (e) {
      if (e instanceof AnalystFileError) throw new UserError(e.message);
      throw e;
    }
  }

  /** Remembers a merge conflict resolved in `file` of `corpus` (registry, ignore list or taxonomy), so Undo takes it back. */
  rememberConflictResolution(corpus: CorpusFolder, file: string, outcome: RecordConflictOutcome): void {
    this.push({ kind: 'conflict', root: corpus.root, file, outcome, message: outcome.message });
  }

  /** Undoes the last edit of this session that is not undone yet; `changed` false when there is none. */
  async undoLast(): Promise<RegistryEditResult> {
    await this.workspace.ready;
    const last = this.undoStack.pop();
    if (!last) return { registry: '', message: 'There is no entity correction to undo', changed: false };
    const corpus = this.workspace.all().find((c) => (last.kind === 'registry' ? c.registryFile === last.registryFile : c.root === last.root));
    if (!corpus) throw new UserError(`${last.message} cannot be undone: its workspace folder is no longer open.`);
    try {
      if (last.kind === 'conflict') {
        const undone = await corpus.undoRecordConflict(last.outcome);
        return { registry: this.workspace.label(last.file), message: undone.message, changed: undone.changed };
      }
      const change = await corpus.editRegistry((registry) => undoRegistryEdit(registry, last));
      return { registry: this.workspace.label(corpus.registryFile), message: change.message, changed: change.changed };
    } catch (e) {
      if (e instanceof AnalystFileError) {
        this.undoStack.push(last);
        throw new UserError(e.message);
      }
      throw e;
    }
  }

  private push(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
  }

  private folder(file: string | undefined) {
    return (file ? this.workspace.corpusOf(file) : undefined) ?? this.workspace.all()[0];
  }
}
