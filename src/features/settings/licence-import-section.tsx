import { type ChangeEvent, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import {
  importLicenceFile,
  LICENCE_PACKS_SETTING,
  type LicenceImportResult,
  LicenceRecordsSchema,
} from './licence-import';
import { settingsMessages } from './messages';
import { useSetting } from './use-setting';

/** Import a licence pack file; says what it added, or why it was refused (nothing changes then). */
export function LicenceImportSection({ language }: { language: 'nl' | 'en' }) {
  const vault = useVault();
  const t = useMessages(settingsMessages);
  const packs = useActivePacks();
  const records = useSetting(LICENCE_PACKS_SETTING, LicenceRecordsSchema);
  const [result, setResult] = useState<LicenceImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file || !packs) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await importLicenceFile(vault.db, vault.session(), await file.text(), packs));
    } finally {
      input.value = ''; // the same file can be chosen again after a fix
      setBusy(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-licence">
      <h2 id="settings-licence">{t('licence')}</h2>
      <p>{t('licenceHint')}</p>
      <div className="text-field">
        <label htmlFor="settings-licence-file">{t('licenceFile')}</label>
        <input
          id="settings-licence-file"
          type="file"
          accept=".json,application/json"
          disabled={busy || packs === undefined}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div role="status">
        {result?.ok === true && (
          <div className="licence-result">
            <p className="form-message ok">
              {t('licenceAccepted', { holder: result.added.holder, pack: result.added.pack[language] })}
            </p>
            <ul className="plain-list">
              {result.added.instruments.map((i) => (
                <li key={i.name.nl}>{t('licenceAdds', { name: i.name[language], items: i.items })}</li>
              ))}
            </ul>
          </div>
        )}
        {result?.ok === false && <p className="form-errors">{t(`refuse.${result.reason}`)}</p>}
      </div>
      {records && records.length > 0 && (
        <>
          <h3>{t('licenceImported')}</h3>
          <ul className="plain-list">
            {records.map((r) => (
              <li key={r.id}>
                {r.holder} ({r.id} {r.contentVersion})
              </li>
            ))}
          </ul>
          <p className="hint">{t('licenceReimport')}</p>
        </>
      )}
    </section>
  );
}
