/**
 * Read-modify-write of the entity registry file (`<annotations>/entities.yaml`). Every change reads the file fresh,
 * applies a pure edit and writes atomically; changes to one file run one at a time (also across store instances).
 * A file that does not parse is never rewritten: the change fails with a message that says where the file is broken.
 */
import * as path from 'node:path';
import { EMPTY_REGISTRY, parseRegistry, serializeRegistry, type EntityRegistry, type RegistryEdit } from '../core/index';
import { readTextIfExists, writeFileAtomic } from './atomicFile';

export class RegistryStoreError extends Error {}

export interface RegistryChange {
  readonly changed: boolean;
  readonly message: string;
  readonly registry: EntityRegistry;
}

/** Pending changes per registry file: the queue is module-wide so two stores of one file never interleave. */
const queues = new Map<string, Promise<unknown>>();

export class RegistryStore {
  constructor(readonly file: string) {}

  /** The registry on disk: empty when the file is missing; errors when it does not parse. */
  async read(): Promise<{ ok: true; registry: EntityRegistry; exists: boolean } | { ok: false; message: string }> {
    const text = await readTextIfExists(this.file);
    if (text === undefined) return { ok: true, registry: EMPTY_REGISTRY, exists: false };
    const parsed = parseRegistry(text);
    if (parsed.ok) return { ok: true, registry: parsed.registry, exists: true };
    return { ok: false, message: this.brokenMessage(parsed.errors[0]) };
  }

  /** Applies `edit` to the registry as it is on disk now, and writes the result when it changed. */
  change(edit: (registry: EntityRegistry) => RegistryEdit | Promise<RegistryEdit>): Promise<RegistryChange> {
    const file = this.file;
    const previous = queues.get(file) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async (): Promise<RegistryChange> => {
        const current = await this.read();
        if (!current.ok) throw new RegistryStoreError(current.message);
        const result = await edit(current.registry);
        if (!result.ok) throw new RegistryStoreError(result.message);
        if (result.changed) await writeFileAtomic(file, serializeRegistry(result.registry));
        return { changed: result.changed, message: result.message, registry: result.registry };
      });
    queues.set(file, next);
    void next
      .finally(() => {
        if (queues.get(file) === next) queues.delete(file);
      })
      .catch(() => undefined);
    return next;
  }

  private brokenMessage(e: { line: number; column: number; message: string }): string {
    return (
      `${path.basename(this.file)} has errors and was left untouched: line ${e.line + 1}, column ${e.column + 1}: ${e.message} ` +
      'Fix the file (its errors are listed in the Problems panel), then try again.'
    );
  }
}
