/**
 * Autosave for one form's free text (a TextDraft): the newest texts win, at most one save in flight,
 * a save at most `delayMs` after the first unsaved keystroke. `flush()` saves now (hidden page,
 * pagehide, before the auto-lock or an update, before another tab takes the database over).
 */
import {
  discardTextDraft,
  findTextDraft,
  saveTextDraft,
  type TextDraftRecord,
  toStorageError,
  type VaultSession,
} from '../../db';

export const TEXT_AUTOSAVE_DELAY_MS = 400;

export class TextDraftSaver {
  #previous: TextDraftRecord | undefined;
  #pending: Record<string, string> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #chain: Promise<void> = Promise.resolve();
  #cleared = false;

  constructor(
    readonly session: () => VaultSession,
    readonly key: string,
    readonly clientId: string | null,
    readonly onError: (code: string) => void,
    readonly delayMs = TEXT_AUTOSAVE_DELAY_MS,
  ) {}

  /** The stored texts of this form, if a draft was left (after a lock, a crash, or navigating away). */
  async load(): Promise<Record<string, string> | null> {
    this.#previous = await findTextDraft(this.session(), this.key);
    return this.#previous?.data.texts ?? null;
  }

  update(texts: Record<string, string>): void {
    this.#cleared = false;
    this.#pending = texts;
    if (this.#timer === null) this.#timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    // Never left rejected: a failed save must not stop the ones after it.
    this.#chain = this.#chain
      .then(() => this.#savePending())
      .catch((e: unknown) => this.onError(toStorageError(e).code));
    return this.#chain;
  }

  /** The form was saved (or its text discarded): drop the draft. */
  clear(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
    this.#cleared = true;
    this.#chain = this.#chain
      .then(async () => {
        const previous = this.#previous;
        this.#previous = undefined;
        if (previous !== undefined) await discardTextDraft(this.session(), previous.id);
      })
      .catch((e: unknown) => this.onError(toStorageError(e).code));
    return this.#chain;
  }

  async #savePending(): Promise<void> {
    const texts = this.#pending;
    if (texts === null || this.#cleared) return;
    this.#pending = null;
    // Nothing typed (every field empty): no draft to keep.
    if (Object.values(texts).every((t) => t.trim() === '')) {
      const previous = this.#previous;
      this.#previous = undefined;
      if (previous !== undefined) await discardTextDraft(this.session(), previous.id);
      return;
    }
    try {
      const input = { clientId: this.clientId, key: this.key, texts };
      this.#previous = await saveTextDraft(
        this.session(),
        this.#previous ? { ...input, previous: this.#previous } : input,
      );
    } catch (e) {
      // Keep the text: the next keystroke or flush tries again.
      this.#pending ??= texts;
      this.onError(toStorageError(e).code);
    }
  }
}
