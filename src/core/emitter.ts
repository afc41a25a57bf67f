/** A listener registration that can be undone; shaped like vscode.Disposable so the two mix freely. */
export interface Subscription {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

export type Event<T> = (listener: Listener<T>) => Subscription;

/** A minimal event emitter for src/core, which must not import vscode.EventEmitter. */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
