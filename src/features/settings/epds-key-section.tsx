import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../i18n/dates';
import { useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { useProfile } from '../onboarding/use-profile';
import { confirmEpdsKey, useEpdsKeyConfirmed } from './epds-key';
import { settingsMessages } from './messages';
import { saveErrorKey } from './save-message';

const EPDS_ID = 'epds';

/**
 * Confirming the EPDS scoring key against the practice's licensed form (CONTENT.md §2). The key shown
 * is read from the active pack, never written here, so what the professional checks is what scores.
 */
export function EpdsKeySection({ language }: { language: 'nl' | 'en' }) {
  const vault = useVault();
  const t = useMessages(settingsMessages);
  const pack = useActivePack('postpartum');
  const confirmed = useEpdsKeyConfirmed();
  const profile = useProfile();
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState<'saved' | 'quota' | 'saveFailed' | null>(null);
  const epds = pack?.instruments.find((i) => i.id === EPDS_ID);
  if (!epds) return null;

  const { optionScores, reversedItems } = epds.scoring;
  const scored = epds.items.filter((i) => i.scored);
  const numbers = (reversed: boolean) =>
    scored
      .filter((i) => reversedItems.includes(i.id) === reversed)
      .map((i) => i.number)
      .join(', ');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!checked || !profile) return;
    setStatus(null);
    try {
      await confirmEpdsKey(vault.session(), profile.initials, new Date().toISOString());
      setStatus('saved');
      setChecked(false);
    } catch (err) {
      setStatus(saveErrorKey(err));
    }
  }

  const when = (iso: string) => formatDateTime(iso, language);
  return (
    <section className="settings-section" aria-labelledby="settings-epds">
      <h2 id="settings-epds">{t('epds')}</h2>
      <p>{t('epdsHint')}</p>
      <ul className="plain-list">
        <li>{t('epdsNormal', { scores: optionScores.join(', '), items: numbers(false) })}</li>
        <li>{t('epdsReversed', { scores: [...optionScores].reverse().join(', '), items: numbers(true) })}</li>
      </ul>
      <p className="epds-state" data-testid="epds-key-state">
        {confirmed ? t('epdsConfirmed', { by: confirmed.by, at: when(confirmed.at) }) : t('epdsNotConfirmed')}
      </p>
      <form onSubmit={submit}>
        <label className="choice">
          <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
          <span>{t('epdsConfirm')}</span>
        </label>
        <p className={status === 'saved' ? 'form-message ok' : 'form-message'} role="status">
          {status && t(status)}
        </p>
        <button type="submit" className="button" disabled={!checked}>
          {t('epdsSave')}
        </button>
      </form>
    </section>
  );
}
