import { useMessages } from '../../i18n/define-messages';
import type { SaveStatus } from './draft-saver';
import { screeningMessages } from './messages';
import { storageMessageKey } from './storage-message';

/** A quiet "Opgeslagen" once a save resolved; a clear message when it failed (answers stay on screen). */
export function SaveStatusLine({ status, anonymous }: { status: SaveStatus; anonymous: boolean }) {
  const t = useMessages(screeningMessages);
  if (anonymous) return <p className="save-status">{t('anonymousNotSaved')}</p>;
  return (
    <>
      <p className="save-status" role="status">
        {status.kind === 'saved' && t('saved')}
      </p>
      {status.kind === 'error' && (
        <p className="form-errors" role="alert">
          {t(storageMessageKey(status.code))} {t('answersKept')}
        </p>
      )}
    </>
  );
}
