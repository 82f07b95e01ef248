import { useMessages } from '../../i18n/define-messages';
import { contentIntegrityMessages } from './messages';
import { useContentRepairs } from './repair-store';

/** Shows every refused-and-repaired content version (R41): the professional must know it happened. */
export function ContentRepairedNotice() {
  const t = useMessages(contentIntegrityMessages);
  const repairs = useContentRepairs((s) => s.repairs);
  const dismiss = useContentRepairs((s) => s.dismiss);
  if (repairs.length === 0) return null;
  return (
    <section className="storage-banner danger" role="alert" data-testid="content-repaired">
      {repairs.map((r) => (
        <p key={`${r.packId}@${r.contentVersion}`}>
          {t(r.restored ? 'repaired' : 'notRestored', { pack: r.packId, version: r.contentVersion })}
        </p>
      ))}
      <p>{t('licence')}</p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={dismiss}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
