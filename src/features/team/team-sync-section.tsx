import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../i18n/dates';
import { useMessages } from '../../i18n/define-messages';
import { restartTeamSync } from '../../runtime/sync/install';
import { useSync } from '../../runtime/sync/sync-store';
import { newTeamKey, readTeam, type TeamSetting, writeTeam } from '../../runtime/sync/team-settings';
import { useVault } from '../../runtime/vault/runtime-context';
import { teamMessages } from './messages';
import { SyncRefusals } from './sync-refusals';
import { TeamMembership } from './team-membership';

/** True once this device holds a team setting; null while that is being read. */
function useHasTeam(): boolean | null {
  const vault = useVault();
  const phase = useSync((s) => s.phase);
  const [stored, setStored] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void readTeam(vault.session()).then(
      (team) => live && setStored(team !== null),
      () => live && setStored(false),
    );
    return () => {
      live = false;
    };
  }, [vault]);
  // A running engine means a team even before the read above answers (or after a save restarted it).
  return phase !== 'off' ? true : stored;
}

/**
 * Settings: the team's sync status, and (until joining exists, issue 20) setting a team up by hand.
 * Shown only on a device that has a team, or when asked for with `/settings?team` (the README and
 * `npm start` name that address): someone who never makes a team sees no change (issue 19).
 */
export function TeamSyncSection({ language }: { language: 'nl' | 'en' }) {
  const [params] = useSearchParams();
  const hasTeam = useHasTeam();
  if (!hasTeam && !params.has('team')) return null;
  return <TeamSyncStatus language={language} />;
}

function TeamSyncStatus({ language }: { language: 'nl' | 'en' }) {
  const t = useMessages(teamMessages);
  const sync = useSync();
  return (
    <section className="settings-section" aria-labelledby="settings-team">
      <h2 id="settings-team">{t('title')}</h2>
      <p>{t('intro')}</p>
      {sync.phase === 'off' ? (
        <p data-testid="team-phase">{t('noTeam')}</p>
      ) : (
        <>
          <p data-testid="team-phase" data-phase={sync.phase} role="status">
            {t(`phase_${sync.phase}`)}
          </p>
          {sync.error && (
            <p className="form-message" data-testid="team-error" data-error={sync.error}>
              {t(`error_${sync.error}`, { count: sync.unreadable })}
            </p>
          )}
          {sync.progress && (
            <label className="team-progress">
              {t('firstSync', sync.progress)}
              <progress max={sync.progress.total} value={sync.progress.done} />
            </label>
          )}
          <dl className="settings-facts">
            <dt>{t('lastSynced')}</dt>
            <dd data-testid="team-last-synced">
              {sync.lastSyncedAt ? formatDateTime(sync.lastSyncedAt, language) : t('never')}
            </dd>
            <dt>{t('pending')}</dt>
            <dd data-testid="team-pending">{sync.pending}</dd>
          </dl>
          {sync.conflicts.length > 0 && (
            <p data-testid="team-conflicts">{t('conflicts', { count: sync.conflicts.length })}</p>
          )}
          <SyncRefusals language={language} />
        </>
      )}
      <TeamMembership />
      <TeamSetupForm />
    </section>
  );
}

function TeamSetupForm() {
  const t = useMessages(teamMessages);
  const vault = useVault();
  const [fields, setFields] = useState({ key: '', kid: '', database: 'team', username: '', password: '' });
  const [message, setMessage] = useState<'teamSaved' | 'invalid' | null>(null);

  useEffect(() => {
    let live = true;
    void readTeam(vault.session()).then((team) => {
      if (live && team) {
        setFields({
          key: team.key,
          kid: team.kid,
          database: team.database,
          username: team.username,
          password: team.password,
        });
      }
    });
    return () => {
      live = false;
    };
  }, [vault]);

  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const key = fields.key.trim();
    const kid = fields.kid.trim();
    // Saving the account of a joined team (same key) keeps what joining set: its id, this device's
    // id and the older generations (issue 20), or envelopes under those would no longer open.
    const existing = await readTeam(vault.session()).catch(() => null);
    const kept = existing && existing.key === key && existing.kid === kid ? existing : null;
    const team: TeamSetting = {
      ...kept,
      ...fields,
      key,
      kid,
      teamId: kept?.teamId ?? (fields.database.replace(/[^a-z0-9-]/g, '-').slice(0, 64) || 'team'),
    };
    try {
      await writeTeam(vault.session(), team);
    } catch {
      setMessage('invalid');
      return;
    }
    setMessage('teamSaved');
    await restartTeamSync();
  }

  return (
    <details className="team-setup">
      <summary>{t('devTitle')}</summary>
      <p>{t('devHint')}</p>
      <form onSubmit={submit}>
        <button
          type="button"
          className="button secondary"
          onClick={() => setFields((f) => ({ ...f, ...newTeamKey() }))}
        >
          {t('newKey')}
        </button>
        <div className="text-field">
          <label htmlFor="team-key">{t('teamKey')}</label>
          <input id="team-key" {...field('key')} autoComplete="off" spellCheck={false} maxLength={64} />
        </div>
        <div className="text-field">
          <label htmlFor="team-kid">{t('keyId')}</label>
          <input id="team-kid" {...field('kid')} autoComplete="off" spellCheck={false} maxLength={64} />
        </div>
        <div className="text-field">
          <label htmlFor="team-database">{t('database')}</label>
          <input id="team-database" {...field('database')} autoComplete="off" spellCheck={false} maxLength={128} />
        </div>
        <div className="text-field">
          <label htmlFor="team-username">{t('username')}</label>
          <input id="team-username" {...field('username')} autoComplete="off" maxLength={200} />
        </div>
        <div className="text-field">
          <label htmlFor="team-password">{t('password')}</label>
          <input id="team-password" {...field('password')} type="password" autoComplete="off" maxLength={200} />
        </div>
        <p className={message === 'teamSaved' ? 'form-message ok' : 'form-message'} role="status">
          {message && t(message)}
        </p>
        <button type="submit" className="button">
          {t('saveTeam')}
        </button>
      </form>
    </details>
  );
}
