/**
 * The server's change notifications to clients, one per kind of data, coalesced: many changes in a short time give one
 * notification, and none is sent before the corpus has been indexed (clients would only refetch a partial corpus).
 * Tags carry the articles whose tags changed, so clients refetch only those.
 */
import type { Connection } from 'vscode-languageserver';
import { Notifications } from '../protocol';
import { BoilerplateNotifications } from '../protocolBoilerplate';
import { EntityNotifications } from '../protocolEntities';

/** The timeline's notification is sent by its index (timelineIndex.ts), with the buckets that changed. */
export type ChangeKind = 'entities' | 'boilerplate';

export class ClientNotifier {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private tagUris = new Set<string>();
  private allTags = false;
  private readonly tagListeners: ((uris: readonly string[] | undefined) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly whenIndexed: () => Promise<void>,
  ) {}

  /** Entities or boilerplate may have changed: one notification after `delayMs` of quiet. */
  changed(kind: ChangeKind, delayMs = 300): void {
    this.schedule(kind, delayMs, () => {
      if (kind === 'entities') void this.connection.sendNotification(EntityNotifications.entitiesChanged, {});
      else void this.connection.sendNotification(BoilerplateNotifications.changed, {});
    });
  }

  /** The tags of these articles (URIs) changed; no list means "any article". Sent promptly, merged. */
  tagsChanged(uris?: readonly string[], delayMs = 0): void {
    if (!uris) this.allTags = true;
    else for (const u of uris) this.tagUris.add(u);
    this.schedule('tags', delayMs, () => {
      const params = { uris: this.allTags ? [] : [...this.tagUris].sort() };
      const all = this.allTags;
      this.tagUris = new Set();
      this.allTags = false;
      void this.connection.sendNotification(Notifications.tagsChanged, params);
      for (const l of this.tagListeners) l(all ? undefined : params.uris);
    });
  }

  /**
   * Calls `listener` with each tag notification sent (`undefined`: any article's tags may have changed): for what the
   * server shows of tags itself, such as the diagnostics of closed articles' tags.
   */
  onTagsChanged(listener: (uris: readonly string[] | undefined) => void): void {
    this.tagListeners.push(listener);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(key: string, delayMs: number, send: () => void): void {
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.whenIndexed().then(send, () => undefined);
      }, delayMs),
    );
  }
}
