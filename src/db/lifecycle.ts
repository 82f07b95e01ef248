/**
 * Connection lifecycle for one database handle: the "stale build" flag, draft-flush callbacks and
 * the event the UI listens to. Owns R14: once another tab has upgraded the schema, this (old) code
 * must never write again, whatever Dexie's auto-reopen does.
 */

export type StaleReason = 'versionchange' | 'newer-schema-installed';

export interface StaleEvent {
  reason: StaleReason;
  /** The schema version the other tab asked for, when known. */
  newVersion: number | null;
}

export type FlushCallback = () => Promise<void> | void;
export type StaleListener = (event: StaleEvent) => void;

export class DbLifecycle {
  #stale: StaleEvent | null = null;
  readonly #flushers = new Set<FlushCallback>();
  readonly #listeners = new Set<StaleListener>();

  get stale(): boolean {
    return this.#stale !== null;
  }

  get staleEvent(): StaleEvent | null {
    return this.#stale;
  }

  /** Register a draft flush; it runs before the connection is handed over to a newer tab. */
  registerFlush(cb: FlushCallback): () => void {
    this.#flushers.add(cb);
    return () => this.#flushers.delete(cb);
  }

  /** Listen for "this tab runs an old build"; fires at most once, or at once if already stale. */
  onStale(listener: StaleListener): () => void {
    if (this.#stale) listener(this.#stale);
    else this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs every flush callback, each bounded by `timeoutMs`; failures are reported, not thrown. */
  async flushAll(timeoutMs: number): Promise<void> {
    const runs = [...this.#flushers].map((cb) =>
      Promise.race([Promise.resolve().then(cb), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]).catch(
        (e: unknown) => console.error('Stapwijzer: draft flush failed before closing', e),
      ),
    );
    await Promise.all(runs);
  }

  markStale(event: StaleEvent): void {
    if (this.#stale) return;
    this.#stale = event;
    for (const l of this.#listeners) l(event);
    this.#listeners.clear();
  }
}
