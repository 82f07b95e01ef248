// Settings → "Regionale nummers": the practice enters and confirms the numbers that have no national
// number (who and when are recorded, and the change is in the audit log).
import { type FormEvent, useEffect, useState } from 'react';
import { formatDateTime } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { useProfile } from '../onboarding/use-profile';
import { safetyMessages } from './messages';
import { PHONE, REGIONAL_KEYS, type RegionalKey, saveRegionalNumbers, useRegionalNumbers } from './regional-numbers';

type Numbers = Record<RegionalKey, string>;
const EMPTY: Numbers = { huisartsenpost: '', crisisdienst: '', popPoli: '', steunpunt: '' };

export function RegionalNumbersSection() {
  const vault = useVault();
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const stored = useRegionalNumbers();
  const profile = useProfile();
  const [numbers, setNumbers] = useState<Numbers>(EMPTY);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (stored) setNumbers({ ...stored.numbers });
  }, [stored]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const cleaned: Numbers = {
      huisartsenpost: numbers.huisartsenpost.trim(),
      crisisdienst: numbers.crisisdienst.trim(),
      popPoli: numbers.popPoli.trim(),
      steunpunt: numbers.steunpunt.trim(),
    };
    if (REGIONAL_KEYS.some((k) => cleaned[k] !== '' && !PHONE.test(cleaned[k]))) {
      setMessage({ ok: false, text: t('regionalInvalid') });
      return;
    }
    if (!confirmed) {
      setMessage({ ok: false, text: t('regionalMustConfirm') });
      return;
    }
    if (!profile) return;
    try {
      await saveRegionalNumbers(vault.session(), {
        numbers: cleaned,
        by: profile.initials,
        at: new Date().toISOString(),
      });
      setConfirmed(false);
      setMessage({ ok: true, text: t('regionalSaved') });
    } catch {
      setMessage({ ok: false, text: t('regionalSaveFailed') });
    }
  }

  const when = (iso: string) => formatDateTime(iso, language);
  return (
    <section className="settings-section" aria-labelledby="settings-regional">
      <h2 id="settings-regional">{t('regionalHeading')}</h2>
      <p>{t('regionalIntro')}</p>
      <p data-testid="regional-state">
        {stored ? t('regionalConfirmedBy', { by: stored.by, at: when(stored.at) }) : t('regionalNone')}
      </p>
      <form onSubmit={submit} noValidate>
        {REGIONAL_KEYS.map((k) => (
          <div key={k} className="text-field">
            <label htmlFor={`regional-${k}`}>{t(`region.${k}`)}</label>
            <input
              id={`regional-${k}`}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              maxLength={20}
              value={numbers[k]}
              onChange={(e) => setNumbers({ ...numbers, [k]: e.target.value })}
            />
          </div>
        ))}
        <label className="choice">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <span>{t('regionalConfirm')}</span>
        </label>
        <p className={message?.ok ? 'form-message ok' : 'form-message'} role="status">
          {message?.text}
        </p>
        <button type="submit" className="button">
          {t('regionalSave')}
        </button>
      </form>
    </section>
  );
}
