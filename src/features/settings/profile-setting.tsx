import { type FormEvent, useEffect, useState } from 'react';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useRoles } from '../../runtime/content/use-roles';
import { type Profile, ROLE_IDS, saveProfile } from '../../runtime/profile/profile';
import { useVault } from '../../runtime/vault/runtime-context';
import { useProfile } from '../onboarding/use-profile';
import { settingsMessages } from './messages';
import { saveErrorKey } from './save-message';

type Status = { kind: 'saved' } | { kind: 'error'; key: 'needRole' | 'needInitials' | 'quota' | 'saveFailed' } | null;

/** Edit the roles and initials chosen at onboarding. */
export function ProfileSetting() {
  const vault = useVault();
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  const roles = useRoles();
  const profile = useProfile();
  const [chosen, setChosen] = useState<Profile['roles'] | null>(null);
  const [initials, setInitials] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    if (profile && chosen === null) setChosen(profile.roles);
    if (profile && initials === null) setInitials(profile.initials);
  }, [profile, chosen, initials]);

  const current = chosen ?? [];
  const toggle = (id: Profile['roles'][number]) =>
    setChosen(
      current.includes(id) ? current.filter((r) => r !== id) : ROLE_IDS.filter((r) => r === id || current.includes(r)),
    );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = (initials ?? '').trim();
    if (current.length === 0) return setStatus({ kind: 'error', key: 'needRole' });
    if (trimmed.length < 1 || trimmed.length > 6) return setStatus({ kind: 'error', key: 'needInitials' });
    setStatus(null);
    try {
      await saveProfile(vault.session(), { roles: current, initials: trimmed });
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', key: saveErrorKey(err) });
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('profile')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t('rolesLegend')}</legend>
          <p className="hint">{t('rolesHint')}</p>
          <div className="choice-column">
            {(roles ?? []).map((role) => (
              <label key={role.id} className="choice">
                <input type="checkbox" checked={current.includes(role.id)} onChange={() => toggle(role.id)} />
                <span>{role.label[language]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="text-field">
          <label htmlFor="settings-initials">{t('initials')}</label>
          <input
            id="settings-initials"
            autoComplete="off"
            maxLength={6}
            aria-describedby="settings-initials-hint"
            value={initials ?? ''}
            onChange={(e) => setInitials(e.target.value)}
          />
          <span id="settings-initials-hint" className="hint">
            {t('initialsHint')}
          </span>
        </div>
        <p className={status?.kind === 'saved' ? 'form-message ok' : 'form-message'} role="status">
          {status?.kind === 'saved' && t('saved')}
          {status?.kind === 'error' && t(status.key)}
        </p>
        <button type="submit" className="button">
          {t('saveProfile')}
        </button>
      </form>
    </section>
  );
}
