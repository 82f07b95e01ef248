// Settings → Werken als team: making a team, joining one through a colleague, and (once a member)
// adding colleagues and removing members (team-members.tsx). The crypto and the server documents
// live in runtime/sync/membership.ts; this screen only walks a person through it.
import { type FormEvent, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { deviceKey, groupsOfFour } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { restartTeamSync, syncBaseUrl } from '../../runtime/sync/install';
import {
  acceptJoin,
  createTeam,
  type JoinProgress,
  pollJoin,
  refuseJoin,
  type TeamStatus,
  teamStatus,
} from '../../runtime/sync/membership';
import type { TeamAccount } from '../../runtime/sync/team-docs';
import { useVault } from '../../runtime/vault/runtime-context';
import { formatCode } from './format-code';
import { membershipMessages } from './membership-messages';
import './team.css';
import { TeamMembers } from './team-members';

/** The QR code and its library load with the join screen only. */
const DeviceQr = lazy(() => import('./device-qr'));

/** How often the newcomer's screen looks for the colleague's answer. */
const POLL_MS = 1500;

export function TeamMembership() {
  const vault = useVault();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [flash, setFlash] = useState<'created' | 'joined' | null>(null);
  const reload = useCallback(async () => {
    // Locked meanwhile (the screen unmounts then): nothing to show.
    const next = await teamStatus(vault.session()).catch(() => null);
    if (next) setStatus(next);
  }, [vault]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const done = useCallback(
    async (what: 'created' | 'joined') => {
      setFlash(what);
      await reload();
    },
    [reload],
  );
  if (!status) return null;
  if (status.kind === 'member') return <TeamMembers status={status} flash={flash} />;
  return <JoinOrCreate status={status} onDone={done} />;
}

function JoinOrCreate({
  status,
  onDone,
}: {
  status: TeamStatus;
  onDone: (what: 'created' | 'joined') => Promise<void>;
}) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const [account, setAccount] = useState<TeamAccount>({
    database: status.kind === 'rejoin' ? status.team.database : 'team',
    username: status.kind === 'rejoin' ? status.team.username : '',
    password: '',
  });
  const [mode, setMode] = useState<'form' | 'join'>('form');
  const [message, setMessage] = useState<'serverFailed' | 'stopped' | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof TeamAccount) => ({
    value: account[name],
    onChange: (e: { target: { value: string } }) => setAccount((a) => ({ ...a, [name]: e.target.value })),
  });
  const complete = account.database.trim() !== '' && account.username.trim() !== '' && account.password !== '';

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await createTeam(vault.session(), { ...account, database: account.database.trim() }, syncBaseUrl());
    } catch {
      setMessage('serverFailed');
      setBusy(false);
      return;
    }
    await restartTeamSync();
    await onDone('created');
  }

  return (
    <div className="team-membership">
      {status.kind === 'rejoin' && (
        <p className="form-message" data-testid="team-rejoin">
          {t('rejoin')}
        </p>
      )}
      {mode === 'form' ? (
        <form onSubmit={create}>
          <h3>{t('account')}</h3>
          <p>{t('accountHint')}</p>
          <div className="text-field">
            <label htmlFor="member-database">{t('database')}</label>
            <input id="member-database" {...field('database')} autoComplete="off" spellCheck={false} maxLength={128} />
          </div>
          <div className="text-field">
            <label htmlFor="member-username">{t('username')}</label>
            <input id="member-username" {...field('username')} autoComplete="off" maxLength={200} />
          </div>
          <div className="text-field">
            <label htmlFor="member-password">{t('password')}</label>
            <input id="member-password" {...field('password')} type="password" autoComplete="off" maxLength={200} />
          </div>
          <p className="form-message" role="status">
            {message && t(message)}
          </p>
          <div className="button-row">
            <button type="submit" className="button" disabled={!complete || busy}>
              {t('create')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={!complete || busy}
              onClick={() => {
                setMessage(null);
                setMode('join');
              }}
            >
              {t('join')}
            </button>
          </div>
        </form>
      ) : (
        <JoinFlow
          account={{ ...account, database: account.database.trim() }}
          onStop={() => {
            setMode('form');
            setMessage('stopped');
          }}
          onJoined={() => onDone('joined')}
        />
      )}
    </div>
  );
}

function JoinFlow({
  account,
  onStop,
  onJoined,
}: {
  account: TeamAccount;
  onStop: () => void;
  onJoined: () => Promise<void>;
}) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const [progress, setProgress] = useState<JoinProgress>({ stage: 'waiting' });
  /** The inviter key whose code this person confirmed: only keys from it are accepted. */
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'refused' | 'serverFailed' | null>(null);
  const [copied, setCopied] = useState(false);
  const [publicText, setPublicText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void deviceKey(vault.session()).then(
      (key) => live && setPublicText(key.publicText),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [vault]);
  // The parent passes a new callback each render; the polling must not restart for that.
  const joined = useRef(onJoined);
  joined.current = onJoined;
  const { database, username, password } = account;

  useEffect(() => {
    if (outcome === 'refused') return;
    const account = { database, username, password };
    let live = true;
    let accepting = false;
    const tick = async () => {
      const next = await pollJoin(vault.session(), account, syncBaseUrl()).catch(() => null);
      if (!live) return;
      if (!next) {
        setOutcome('serverFailed');
        return;
      }
      setOutcome(null);
      setProgress(next);
      if (next.stage === 'offer' && next.ready && confirmed === next.from && !accepting) {
        accepting = true;
        try {
          await acceptJoin(vault.session(), account, syncBaseUrl(), confirmed);
        } catch {
          if (live) setOutcome('refused');
          return;
        }
        // The join is stored by now. Sync retries its own connection, so a server gone at this moment
        // (a dropped network) must not end as an uncaught error: the next start or tick picks it up.
        await restartTeamSync().catch(() => {});
        await joined.current();
      }
    };
    const poll = () => void tick().catch(() => {});
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [vault, database, username, password, confirmed, outcome]);

  async function stop() {
    await refuseJoin(vault.session(), account, syncBaseUrl()).catch(() => {});
    onStop();
  }

  return (
    <div className="team-join" data-testid="team-join">
      <h3>{t('yourCode')}</h3>
      <p>{t('yourCodeHint')}</p>
      {publicText && (
        <>
          <Suspense fallback={null}>
            <DeviceQr text={publicText} label={t('qrLabel')} />
          </Suspense>
          <output className="device-code" data-testid="device-public-key">
            {groupsOfFour(publicText)}
          </output>
        </>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={!publicText}
          onClick={() =>
            void navigator.clipboard?.writeText(publicText ?? '').then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          {t('copy')}
        </button>
        {copied && <span role="status">{t('copied')}</span>}
      </div>
      {outcome && (
        <p className="form-message" data-testid="join-error" data-error={outcome}>
          {t(outcome)}
        </p>
      )}
      {progress.stage === 'waiting' ? (
        <p role="status">{t('waiting')}</p>
      ) : (
        <div className="team-compare">
          <p>
            {t('compare')}: <strong data-testid="comparison-code">{formatCode(progress.code)}</strong>
          </p>
          {confirmed === progress.from ? (
            <p role="status">{t('waitingKey')}</p>
          ) : (
            <>
              <p>{t('compareAsk')}</p>
              <div className="button-row">
                <button type="button" className="button" onClick={() => setConfirmed(progress.from)}>
                  {t('same')}
                </button>
                <button type="button" className="button secondary" onClick={() => void stop()}>
                  {t('different')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
