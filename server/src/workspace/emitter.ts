/** A minimal typed event emitter for the workspace model (which must not depend on vscode or LSP packages). */
export interface Disposable {
  dispose(): void;
}

export type Listener<E> = (event: E) => void;

export class Emitter<E> {
  private readonly listeners = new Set<Listener<E>>();

  /** Subscribes; the returned disposable unsubscribes. */
  readonly event = (listener: Listener<E>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(event: E): void {
    for (const l of [...this.listeners]) l(event);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
