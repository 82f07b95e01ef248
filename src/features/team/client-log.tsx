// On a client's page, in a team: who did what with this client's records, on this device and on the
// team's other devices (issue 19: audit events travel in daily documents per device). Read only while
// opened: the log is decrypted whole, which a client page should not do on every visit.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { clientRecordIds, type LogEntry, readLogEntries } from '../../db/team-audit';
import { formatDateTime } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useSync } from '../../runtime/sync/sync-store';
import { useVault } from '../../runtime/vault/runtime-context';
import { actionLabel } from '../audit/action-label';
import { auditMessages } from '../audit/messages';
import { teamMessages } from './messages';

const SHOWN = 30;

export function ClientLog({ clientId }: { clientId: string }) {
  const vault = useVault();
  const t = useMessages(teamMessages);
  const a = useMessages(auditMessages);
  const language = useLanguage();
  const inTeam = useSync((s) => s.phase !== 'off');
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  // While open, a cheap signature of both logs (row revisions, nothing decrypted): a colleague's day
  // arriving, or an own append, reloads the list.
  const signature = useLiveQuery(async () => {
    if (!open || !inTeam) return null;
    const [team, anchor] = await Promise.all([vault.db.teamAudit.toArray(), vault.db.auditChain.get('anchor')]);
    return `${team.map((r) => `${r.id}:${r.rev}`).join(',')}|${anchor?.rev ?? 0}`;
  }, [open, inTeam, vault]);

  useEffect(() => {
    if (signature === null || signature === undefined) return;
    let live = true;
    const session = vault.session();
    Promise.all([clientRecordIds(session, clientId), readLogEntries(session)])
      .then(([ids, log]) => {
        if (live) setEntries(log.entries.filter((e) => e.recordId !== null && ids.has(e.recordId)));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [signature, vault, clientId]);

  if (!inTeam) return null;
  return (
    <details className="client-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('clientLogTitle')}</summary>
      {failed ? (
        <p className="form-message">{t('clientLogFailed')}</p>
      ) : entries === null ? (
        <p>{t('clientLogLoading')}</p>
      ) : entries.length === 0 ? (
        <p>{t('clientLogEmpty')}</p>
      ) : (
        <ol className="plain-list" data-testid="client-log">
          {entries.slice(0, SHOWN).map((e) => (
            <li key={`${e.device}-${e.id}`} data-device={e.device}>
              {t('clientLogLine', {
                at: formatDateTime(e.ts, language),
                actor: e.actor,
                action: actionLabel(a, e.action),
                device: a(e.device === 'this' ? 'deviceThis' : 'deviceOther'),
              })}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
