/**
 * Autosave for one screening draft. Owns the save order: at most one save in flight, the newest
 * answers win, and a save starts at most `delayMs` after the first unsaved change (a trailing
 * debounce that a fast tapper cannot postpone forever). `flush()` saves now (visibilitychange,
 * pagehide, update prompt, another tab upgrading the database).
 */
import {
  type DraftPayload,
  type DraftRecord,
  type StorageErrorCode,
  saveDraft,
  toStorageError,
  type VaultSession,
} from '../../db';

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'error'; readonly code: StorageErrorCode };

export const AUTOSAVE_DELAY_MS = 300;

export class DraftSaver {
  #previous: DraftRecord;
  #pending: DraftPayload | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #chain: Promise<void> = Promise.resolve();
  readonly #session: () => VaultSession;
  readonly #onStatus: (status: SaveStatus) => void;
  readonly #delayMs: number;

  constructor(
    session: () => VaultSession,
    previous: DraftRecord,
    onStatus: (status: SaveStatus) => void,
    delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.#session = session;
    this.#previous = previous;
    this.#onStatus = onStatus;
    this.#delayMs = delayMs;
  }

  /** The draft as last stored. */
  get record(): DraftRecord {
    return this.#previous;
  }

  /** Queues the newest payload; saved within `delayMs`. */
  update(data: DraftPayload): void {
    // "Opgeslagen" must not stay on screen while a newer answer waits for its save.
    if (this.#pending === null) this.#onStatus({ kind: 'idle' });
    this.#pending = data;
    if (this.#timer === null) this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Saves whatever is pending now; resolves when it is stored (or failed, reported via status). */
  flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#chain = this.#chain.then(() => this.#savePending());
    return this.#chain;
  }

  /** Stops the timer without saving (the draft was completed or discarded). */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  async #savePending(): Promise<void> {
    const data = this.#pending;
    if (data === null) return;
    this.#pending = null;
    this.#onStatus({ kind: 'saving' });
    try {
      const previous = this.#previous;
      this.#previous = await saveDraft(this.#session(), { previous, clientId: previous.clientId, data });
      if (this.#pending === null) this.#onStatus({ kind: 'saved', at: Date.now() });
    } catch (e) {
      // Keep the answers: the next change or flush tries again with everything given so far.
      this.#pending ??= data;
      this.#onStatus({ kind: 'error', code: toStorageError(e).code });
    }
  }
}
