// "Naar het dossier" on the client page: each completed screening, or all of them, as a FHIR R4
// .json file (download or Web Share) or as a journal line. Loaded lazily by the client page, so
// the export code is not part of any first screen. Every export is an audit event (R38).
import { useState } from 'react';
import type { ClientRecord } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { logExport } from '../audit/log-events';
import { downloadText } from '../clients/download';
import type { ClientHistory } from '../clients/use-clients';
import { useEpdsKeyConfirmed } from '../settings';
import { FHIR_JSON_TYPE, fhirFile } from './fhir-file';
import { journalLine } from './journal-line';
import { exchangeMessages } from './messages';
import { EPDS_ID, type Exportable, exportRows, exportSubject, toExportable } from './to-export';

function canShareFiles(): boolean {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return false;
  return navigator.canShare({ files: [new File(['{}'], 'x.json', { type: FHIR_JSON_TYPE })] });
}

export function ExportSection({ client, history }: { client: ClientRecord; history: ClientHistory }) {
  const vault = useVault();
  const t = useMessages(exchangeMessages);
  const language = useLanguage();
  const keyConfirmation = useEpdsKeyConfirmed();
  const [status, setStatus] = useState('');
  // Until the practice's EPDS confirmation is read, an export could not say whether the key is confirmed.
  if (keyConfirmation === undefined) return null;
  const subject = exportSubject(client);
  const rows = exportRows(history).map((row) => ({ row, item: toExportable(row, keyConfirmation !== null) }));
  const ready = rows.flatMap((r) => (r.item ? [r.item] : []));
  const sharing = canShareFiles();
  const epdsUnconfirmed = ready.some((i) => i.screening.instrument.id === EPDS_ID && !i.screening.keyConfirmed);

  async function download(items: Exportable[], recordId: string) {
    const file = fhirFile(subject, items, new Date());
    downloadText(file.name, file.text, FHIR_JSON_TYPE);
    await logExport(vault.db, 'fhir', recordId);
    setStatus(t('downloaded', { file: file.name }));
  }
  async function share(items: Exportable[], recordId: string) {
    const file = fhirFile(subject, items, new Date());
    try {
      await navigator.share({ files: [new File([file.text], file.name, { type: FHIR_JSON_TYPE })] });
      await logExport(vault.db, 'share', recordId);
      setStatus(t('shared'));
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setStatus(t('shareFailed'));
    }
  }
  async function copy(item: Exportable) {
    try {
      await navigator.clipboard.writeText(journalLine(item.journal, t, language));
      await logExport(vault.db, 'copy', item.id);
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  }

  return (
    <section aria-labelledby="exchange-title" className="exchange">
      <h2 id="exchange-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p className="warning-box">{t('secure')}</p>
      <p className="hint">{subject.kind === 'code' ? t('subjectCode', { code: subject.value }) : t('subjectRecord')}</p>
      {epdsUnconfirmed && (
        <p className="warning-box" data-testid="epds-key-not-confirmed">
          {t('keyNotConfirmed')}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="exchange-list">
          {rows.map(({ row, item }) => (
            <li key={row.screening.id}>
              {item ? (
                <>
                  <p>
                    <strong>
                      {t('row', {
                        date: item.journal.date,
                        instrument: item.journal.instrument,
                        total: item.journal.total,
                      })}
                    </strong>
                  </p>
                  <p className="journal-line">{journalLine(item.journal, t, language)}</p>
                  <div className="button-row">
                    <button type="button" className="button secondary" onClick={() => download([item], item.id)}>
                      {t('download')}
                    </button>
                    {sharing && (
                      <button type="button" className="button secondary" onClick={() => share([item], item.id)}>
                        {t('share')}
                      </button>
                    )}
                    <button type="button" className="button secondary" onClick={() => copy(item)}>
                      {t('copyJournal')}
                    </button>
                  </div>
                </>
              ) : (
                <p>{t('unavailable')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {ready.length > 1 && (
        <>
          <h3>{t('allTitle')}</h3>
          <div className="button-row">
            <button type="button" className="button" onClick={() => download(ready, client.id)}>
              {t('downloadAll')}
            </button>
            {sharing && (
              <button type="button" className="button secondary" onClick={() => share(ready, client.id)}>
                {t('shareAll')}
              </button>
            )}
          </div>
        </>
      )}
      <p className="form-message" role="status">
        {status}
      </p>
    </section>
  );
}
