// A member's view of the team: this device, adding a colleague (their device code, the comparison
// code, then the wrapped team key) and removing a member (after the server account is revoked, with
// a new team-key generation for everyone else). The device code is typed, pasted or scanned with the
// camera (camera-scan.tsx, a lazy chunk with the QR decoder); all three fill the same field.
import { type FormEvent, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { restartTeamSync, syncBaseUrl } from '../../runtime/sync/install';
import {
  cancelJoin,
  confirmJoin,
  listMembers,
  type Newcomer,
  offerJoin,
  removeMemberAndRotate,
  type TeamStatus,
} from '../../runtime/sync/membership';
import type { Member } from '../../runtime/sync/team-docs';
import { readTeam } from '../../runtime/sync/team-settings';
import { useVault } from '../../runtime/vault/runtime-context';
import { canUseCamera } from './camera-support';
import { formatCode } from './format-code';
import { membershipMessages } from './membership-messages';

/** The camera view and jsQR load when the scan button is pressed, never before. */
const CameraScan = lazy(() => import('./camera-scan'));

type MemberStatus = Extract<TeamStatus, { kind: 'member' }>;

export function TeamMembers({ status, flash }: { status: MemberStatus; flash: 'created' | 'joined' | null }) {
  const t = useMessages(membershipMessages);
  const [version, setVersion] = useState(0);
  return (
    <div className="team-membership">
      {flash && (
        <p className="form-message ok" role="status" data-testid="team-flash">
          {t(flash)}
        </p>
      )}
      <p>
        {t('thisDevice')}: <span data-testid="own-device-id">{status.deviceId}</span>
      </p>
      <AddColleague onAdded={() => setVersion((v) => v + 1)} />
      <MemberList ownId={status.deviceId} version={version} />
    </div>
  );
}

async function currentTeam(session: Parameters<typeof readTeam>[0]) {
  const team = await readTeam(session);
  if (!team) throw new Error('no team');
  return team;
}

function AddColleague({ onAdded }: { onAdded: () => void }) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const [code, setCode] = useState('');
  const [newcomer, setNewcomer] = useState<Newcomer | null>(null);
  const [message, setMessage] = useState<'badCode' | 'ownCode' | 'failed' | 'sent' | 'stopped' | 'scanRead' | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const scanButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  // Focus follows the camera view closing: to "Verder" once a code is read, back to the scan button on cancel.
  const [focusAfterScan, setFocusAfterScan] = useState<'next' | 'scan' | null>(null);
  useEffect(() => {
    if (focusAfterScan === 'next') nextButton.current?.focus();
    if (focusAfterScan === 'scan') scanButton.current?.focus();
  }, [focusAfterScan]);

  async function next(e: FormEvent) {
    e.preventDefault();
    // A code typed while the camera view was open: the view closes (and the camera with it).
    setScanning(false);
    setMessage(null);
    setBusy(true);
    try {
      const team = await currentTeam(vault.session());
      setNewcomer(await offerJoin(vault.session(), team, syncBaseUrl(), code));
    } catch (err) {
      setMessage(err instanceof TypeError ? (/own device/.test(err.message) ? 'ownCode' : 'badCode') : 'failed');
    } finally {
      setBusy(false);
    }
  }

  async function answer(same: boolean) {
    if (!newcomer) return;
    setBusy(true);
    try {
      const team = await currentTeam(vault.session());
      if (same) await confirmJoin(vault.session(), team, syncBaseUrl(), newcomer);
      else await cancelJoin(team, syncBaseUrl(), newcomer.deviceId);
      setMessage(same ? 'sent' : 'stopped');
      setNewcomer(null);
      setCode('');
      if (same) onAdded();
    } catch {
      setMessage('failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="team-add">
      <h3 id="team-add">{t('add')}</h3>
      {newcomer ? (
        <div className="team-compare">
          <p>
            {t('compare')}: <strong data-testid="comparison-code">{formatCode(newcomer.code)}</strong>
          </p>
          <p>{t('compareAsk')}</p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void answer(true)}>
              {t('same')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void answer(false)}>
              {t('different')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={next}>
          <div className="text-field">
            <label htmlFor="team-add-code">{t('addCode')}</label>
            <textarea
              id="team-add-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              rows={3}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
            />
          </div>
          {scanning && (
            <Suspense fallback={<p role="status">{t('scanStarting')}</p>}>
              <CameraScan
                onCode={(scanned) => {
                  setCode(scanned);
                  setScanning(false);
                  setMessage('scanRead');
                  setFocusAfterScan('next');
                }}
                onCancel={() => {
                  setScanning(false);
                  setFocusAfterScan('scan');
                }}
              />
            </Suspense>
          )}
          <div className="button-row">
            <button ref={nextButton} type="submit" className="button" disabled={busy || code.trim() === ''}>
              {t('addNext')}
            </button>
            {canUseCamera() && !scanning && (
              <button
                ref={scanButton}
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => {
                  setMessage(null);
                  setFocusAfterScan(null);
                  setScanning(true);
                }}
              >
                {t('scan')}
              </button>
            )}
          </div>
        </form>
      )}
      <p
        className={message === 'sent' || message === 'scanRead' ? 'form-message ok' : 'form-message'}
        role="status"
        data-testid="team-add-message"
      >
        {message && t(message)}
      </p>
    </section>
  );
}

function MemberList({ ownId, version }: { ownId: string; version: number }) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const [members, setMembers] = useState<Member[] | 'failed' | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const team = await currentTeam(vault.session());
      setMembers(await listMembers(team, syncBaseUrl()));
    } catch {
      setMembers('failed');
    }
  }, [vault]);
  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  return (
    <section aria-labelledby="team-members">
      <h3 id="team-members">{t('members')}</h3>
      {removed && (
        <p className="form-message ok" role="status" data-testid="team-removed">
          {t('removed', { initials: removed })}
        </p>
      )}
      {members === 'failed' && <p className="form-message">{t('membersFailed')}</p>}
      {Array.isArray(members) && (
        <ul className="team-member-list" data-testid="team-members">
          {members.map((m) => (
            <li key={m.deviceId} data-device={m.deviceId}>
              <span>{m.initials || '—'}</span> <code>{m.deviceId}</code> {m.deviceId === ownId && t('me')}
              {m.deviceId !== ownId && (
                <button type="button" className="button secondary" onClick={() => setRemoving(m)}>
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <RemoveMember
          member={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={async () => {
            setRemoved(removing.initials || removing.deviceId);
            setRemoving(null);
            await load();
          }}
        />
      )}
    </section>
  );
}

function RemoveMember({
  member,
  onCancel,
  onRemoved,
}: {
  member: Member;
  onCancel: () => void;
  onRemoved: () => Promise<void>;
}) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const [revoked, setRevoked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function remove() {
    setBusy(true);
    setFailed(false);
    try {
      const team = await currentTeam(vault.session());
      await removeMemberAndRotate(vault.session(), team, syncBaseUrl(), member.deviceId);
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    await restartTeamSync();
    await onRemoved();
  }

  return (
    <fieldset className="team-remove">
      <legend>{t('removeTitle', { initials: member.initials || member.deviceId })}</legend>
      <p>{t('removeFirst')}</p>
      <p data-testid="team-remove-keeps">{t('removeKeeps')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={revoked} onChange={(e) => setRevoked(e.target.checked)} /> {t('revoked')}
      </label>
      {failed && <p className="form-message">{t('failed')}</p>}
      <div className="button-row">
        <button type="button" className="button" disabled={!revoked || busy} onClick={() => void remove()}>
          {t('removeConfirm')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}
