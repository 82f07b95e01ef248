// One note on the timeline: shown as plain text (React escapes it; never HTML), editable and deletable.

import { useId, useState } from 'react';
import { deleteNote, type NoteRecord, updateNote } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { CharCount } from '../../ui/char-count';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { messages } from './messages';
import { SaveStatus, useSaveState } from './save-status';

export function NoteItem({ note }: { note: NoteRecord }) {
  const vault = useVault();
  const t = useMessages(messages);
  const language = useLanguage();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(note.data.text);
  const save = useSaveState();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return save.fail(t('noteEmpty'));
    const ok = await save.run(() => updateNote(vault.session(), note, { text }), language);
    if (ok) setEditing(false);
  };
  const remove = () => save.run(() => deleteNote(vault.session(), note), language);

  if (editing) {
    return (
      <form onSubmit={submit} noValidate>
        <div className="text-field">
          <label htmlFor={`${id}-text`}>{t('noteEditLabel')}</label>
          <textarea
            maxLength={TEXT_LIMITS.note}
            aria-describedby={`${id}-text-count`}
            id={`${id}-text`}
            rows={4}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <CharCount id={`${id}-text-count`} value={text} kind="note" />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.busy}>
            {t('save')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setText(note.data.text);
              setEditing(false);
            }}
          >
            {t('cancel')}
          </button>
        </div>
        <SaveStatus state={save} />
      </form>
    );
  }
  return (
    <>
      <p className="note-text">{note.data.text}</p>
      <div className="button-row">
        <button type="button" className="button secondary small" onClick={() => setEditing(true)}>
          {t('noteEdit')}
        </button>
        {confirming ? (
          <button type="button" className="button danger small" onClick={remove} disabled={save.busy}>
            {t('noteDeleteConfirm')}
          </button>
        ) : (
          <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
            {t('noteDelete')}
          </button>
        )}
      </div>
      <SaveStatus state={save} />
    </>
  );
}
