// Adds a note. The text stays in state until the save resolved; on failure (e.g. storage full) the
// Dutch message shows and the text is still in the field.

import { useEffect, useId, useRef, useState } from 'react';
import { createNote } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useTextDraft } from '../../runtime/drafts/use-text-draft';
import { useVault } from '../../runtime/vault/runtime-context';
import { CharCount } from '../../ui/char-count';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { messages } from './messages';
import { SaveStatus, useSaveState } from './save-status';

export function NoteForm({ clientId }: { clientId: string }) {
  const vault = useVault();
  const t = useMessages(messages);
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState('');
  const save = useSaveState();
  // A half-typed note is kept as an encrypted draft: the auto-lock, leaving the page or a crash cannot
  // lose it (issue 18).
  const draft = useTextDraft(`note:${clientId}`, clientId);
  const applied = useRef(false);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (draft.restored === undefined || applied.current) return;
    applied.current = true;
    const kept = draft.restored?.text;
    if (kept) {
      setText((now) => (now === '' ? kept : now));
      setRestored(true);
    }
  }, [draft.restored]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return save.fail(t('noteEmpty'));
    const ok = await save.run(() => createNote(vault.session(), clientId, { text }), language);
    if (ok) {
      setText('');
      setRestored(false);
      await draft.clear();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="text-field">
        <label htmlFor={`${id}-note`}>{t('noteLabel')}</label>
        <textarea
          maxLength={TEXT_LIMITS.note}
          aria-describedby={`${id}-note-count`}
          id={`${id}-note`}
          rows={4}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            draft.set({ text: e.target.value });
            if (save.saved) save.reset();
          }}
        />
        <CharCount id={`${id}-note-count`} value={text} kind="note" />
        {restored && (
          <p className="hint" role="status">
            {t('noteDraftRestored')}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={save.busy}>
        {t('noteSave')}
      </button>
      <SaveStatus state={save} />
    </form>
  );
}
