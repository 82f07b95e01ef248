import { type FormEvent, lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isStorageError, prepareArgon2, requestPersistence, type VaultSession } from '../../db/first-screen';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useRoles } from '../../runtime/content/use-roles';
import { type Profile, ROLE_IDS, saveProfile } from '../../runtime/profile/profile';
import { useVault } from '../../runtime/vault/runtime-context';
import { FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { passphraseMessages } from '../passphrase/messages';
import { checkPassphrase, loadEstimator } from '../passphrase/strength';
import { PassphraseSuggestion } from '../passphrase/suggestion';
import { onboardingMessages } from './messages';

// "Ik heb een back-up" brings the backup reader (format, streams, staging): loaded on that press only,
// so the first-use screen does not carry it (issue 23).
const RestoreFirst = lazy(() => import('./restore-first').then((m) => ({ default: m.RestoreFirst })));

export interface RoleOption {
  id: Profile['roles'][number];
  label: { nl: string; en: string };
}

type Step = 1 | 2 | 3;

/**
 * First use: role(s) and initials, then the passphrase (with the warning that it cannot be
 * recovered), then how to install. Nothing is stored before step 2 succeeds.
 */
export function Onboarding() {
  const vault = useVault();
  const t = useMessages(onboardingMessages);
  const tp = useMessages(passphraseMessages);
  const roles = useRoles();
  const language = useLanguage();
  const [step, setStep] = useState<Step>(1);
  const [chosen, setChosen] = useState<Profile['roles']>([]);
  const [initials, setInitials] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<VaultSession | null>(null);
  const [restoring, setRestoring] = useState(false);
  const root = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Every step change moves focus to the new step's heading (issue 18: it dropped to the body), so a
  // screen reader announces where one is; back on step 1 that is the page heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger, not a value read.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = root.current?.querySelector<HTMLElement>('[data-step-heading]');
    (heading ?? root.current?.querySelector<HTMLElement>('.page-heading'))?.focus();
  }, [step, restoring]);

  // The key derivation's worker starts while the new passphrase is typed, not after "Volgende".
  useEffect(() => {
    if (step === 2) prepareArgon2();
  }, [step]);

  function toggle(id: RoleOption['id']) {
    setChosen((c) => (c.includes(id) ? c.filter((r) => r !== id) : ROLE_IDS.filter((r) => r === id || c.includes(r))));
  }

  function submitProfile(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (chosen.length === 0) problems.push(t('needRole'));
    const trimmed = initials.trim();
    if (trimmed.length < 1 || trimmed.length > 6) problems.push(t('needInitials'));
    setErrors(problems);
    if (problems.length === 0) setStep(2);
  }

  async function submitPassphrase(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const problems = [];
    const verdict = await checkPassphrase(passphrase);
    if (!verdict.ok) problems.push(tp(verdict.reason));
    else if (passphrase !== again) problems.push(t('mismatch'));
    if (!understood) problems.push(t('needUnderstood'));
    setErrors(problems);
    if (problems.length > 0) return setBusy(false);
    try {
      const created = await vault.createVault(passphrase);
      await saveProfile(created, { roles: chosen, initials: initials.trim() });
      void requestPersistence(); // the profile is the first record: now ask the browser to keep our data
      setPassphrase('');
      setAgain('');
      setSession(created);
      setStep(3);
    } catch (e) {
      setErrors([isStorageError(e, 'kdf-unsupported') ? t('kdfUnsupported') : t('failed')]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow" ref={root}>
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <p className="step-indicator">{t('stepOf', { step })}</p>
      <FormErrors errors={errors} />

      {step === 1 && restoring && (
        <Suspense fallback={<p role="status">…</p>}>
          <RestoreFirst onCancel={() => setRestoring(false)} />
        </Suspense>
      )}
      {step === 1 && !restoring && (
        <form onSubmit={submitProfile} noValidate>
          <fieldset className="field">
            <legend>{t('rolesLegend')}</legend>
            <p className="hint">{t('rolesHint')}</p>
            {/* Space for the three roles is kept while they load, so nothing below jumps (CLS). */}
            <div className="choice-column roles-list">
              {roles === null && <p role="status">…</p>}
              {roles?.map((role) => (
                <label key={role.id} className="choice">
                  <input type="checkbox" checked={chosen.includes(role.id)} onChange={() => toggle(role.id)} />
                  <span>{role.label[language]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="text-field">
            <label htmlFor="onboarding-initials">{t('initials')}</label>
            <p className="hint" id="onboarding-initials-hint">
              {t('initialsHint')}
            </p>
            <input
              id="onboarding-initials"
              autoComplete="off"
              maxLength={6}
              value={initials}
              aria-describedby="onboarding-initials-hint"
              onChange={(e) => setInitials(e.target.value)}
            />
          </div>
          <div className="button-row spaced">
            <button type="submit" className="button">
              {t('next')}
            </button>
            <button type="button" className="button secondary" onClick={() => setRestoring(true)}>
              {t('haveBackup')}
            </button>
          </div>
        </form>
      )}

      {step === 2 && (
        <form onSubmit={submitPassphrase} noValidate>
          <h2 data-step-heading tabIndex={-1}>
            {t('passphraseTitle')}
          </h2>
          <p>{t('passphraseIntro')}</p>
          <p className="warning-box">{t('warning')}</p>
          <div className="text-field">
            <label htmlFor="onboarding-passphrase">{t('passphrase')}</label>
            <input
              maxLength={TEXT_LIMITS.passphrase}
              id="onboarding-passphrase"
              type="password"
              autoComplete="off"
              value={passphrase}
              onFocus={() => void loadEstimator()}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </div>
          <PassphraseSuggestion
            onUse={(phrase) => {
              setPassphrase(phrase);
              setAgain(phrase);
            }}
          />
          <div className="text-field">
            <label htmlFor="onboarding-passphrase-again">{t('passphraseAgain')}</label>
            <input
              maxLength={TEXT_LIMITS.passphrase}
              id="onboarding-passphrase-again"
              type="password"
              autoComplete="off"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          </div>
          <label className="choice">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
            <span>{t('understood')}</span>
          </label>
          <div className="button-row spaced">
            <button type="button" className="button secondary" onClick={() => setStep(1)} disabled={busy}>
              {t('back')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('creating') : t('create')}
            </button>
          </div>
        </form>
      )}

      {step === 3 && (
        <div>
          <h2 data-step-heading tabIndex={-1}>
            {t('installTitle')}
          </h2>
          <p>{t('installIntro')}</p>
          <ul className="plain-list">
            <li>{t('installAndroid')}</li>
            <li>{t('installIos')}</li>
            <li>{t('installDesktop')}</li>
          </ul>
          <button type="button" className="button" onClick={() => session && vault.adopt(session)}>
            {t('done')}
          </button>
        </div>
      )}
    </section>
  );
}
