import { useEffect, useState } from 'react';
import { type StorageStatus, storageStatus } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { settingsMessages } from './messages';

/** Bytes as megabytes with one decimal, Dutch decimal comma where the language is Dutch. */
export function formatMegabytes(bytes: number, language: 'nl' | 'en'): string {
  return (bytes / 1_000_000).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** R10: what navigator.storage says about persistence, usage and quota, in plain words. */
export function StorageStatusSection({ language }: { language: 'nl' | 'en' }) {
  const t = useMessages(settingsMessages);
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    storageStatus().then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, []);
  const mb = (bytes: number | null | undefined) =>
    bytes === null || bytes === undefined ? t('unknown') : t('megabytes', { mb: formatMegabytes(bytes, language) });
  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage')}</h2>
      <dl className="settings-facts">
        <dt>{t('persisted')}</dt>
        <dd data-testid="storage-persisted">
          {status === null
            ? '…'
            : status.persisted === true
              ? t('persistedYes')
              : status.persisted === false
                ? t('persistedNo')
                : t('persistedUnknown')}
        </dd>
        <dt>{t('usage')}</dt>
        <dd data-testid="storage-usage">{status === null ? '…' : mb(status.usage)}</dd>
        <dt>{t('quotaLabel')}</dt>
        <dd data-testid="storage-quota">{status === null ? '…' : mb(status.quota)}</dd>
      </dl>
    </section>
  );
}
