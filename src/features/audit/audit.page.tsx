// The audit log, newest first and paged, with the result of the chain check (R38). In a team, the
// events of colleagues' devices are listed beside this device's own (issue 19), marked as such; the
// chain check is about this device's own chain.
import { useEffect, useState } from 'react';
import { type ChainReport, parseTeamRecordId, verifyAuditChain } from '../../db';
import { type LogEntry, readLogEntries } from '../../db/team-audit';
import { formatDateTime } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { actionLabel } from './action-label';
import { auditMessages } from './messages';
import { recordLabels } from './record-labels';

const PAGE_SIZE = 50;

/** A team event's record (audit/team-record.ts): the generation number and, if named, the device. */
function teamRecordLabel(
  t: (key: 'recordTeamKey' | 'recordTeamKeyDevice', values?: Record<string, string | number>) => string,
  recordId: string,
): string | null {
  const team = parseTeamRecordId(recordId);
  if (!team) return null;
  const generation = /^g(\d+)-/.exec(team.kid)?.[1] ?? team.kid;
  return team.deviceId
    ? t('recordTeamKeyDevice', { generation, device: team.deviceId })
    : t('recordTeamKey', { generation });
}

export function AuditPage() {
  const vault = useVault();
  const t = useMessages(auditMessages);
  const language = useLanguage();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ events: LogEntry[]; total: number; fromTeam: number } | null>(null);

  useEffect(() => {
    verifyAuditChain(vault.session())
      .then(setReport)
      .catch(() => setReport({ ok: false, count: 0, anchored: false }));
  }, [vault]);

  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    readLogEntries(vault.session())
      .then(async ({ entries, fromTeam }) => {
        const events = entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
        setData({ events, total: entries.length, fromTeam });
        const ids = events.flatMap((e) => (e.recordId ? [e.recordId] : []));
        setLabels(await recordLabels(vault.session(), ids));
      })
      .catch(() => setData({ events: [], total: 0, fromTeam: 0 }));
  }, [vault, page]);

  const eventCount = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(eventCount / PAGE_SIZE));
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <p className={report === null ? 'form-message' : report.ok ? 'form-message ok' : 'warning-box'} role="status">
        {report === null
          ? t('checking')
          : report.ok
            ? t('intact', { count: report.count })
            : t('broken', { at: (report.at ?? 0) + 1 })}
      </p>
      {data && data.fromTeam > 0 && <p>{t('fromTeam', { count: data.fromTeam })}</p>}
      {data && data.events.length === 0 && <p>{t('empty')}</p>}
      {data && data.events.length > 0 && (
        <div className="audit-table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('record')}</th>
                {data.fromTeam > 0 && <th scope="col">{t('device')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.events.map((e) => (
                <tr key={`${e.device}-${e.id}`} data-device={e.device}>
                  <td>{formatDateTime(e.ts, language)}</td>
                  <td>{e.actor}</td>
                  <td>{actionLabel(t, e.action)}</td>
                  <td>
                    {e.recordId ? (labels.get(e.recordId) ?? teamRecordLabel(t, e.recordId) ?? t('recordOther')) : '—'}
                  </td>
                  {data.fromTeam > 0 && <td>{t(e.device === 'this' ? 'deviceThis' : 'deviceOther')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('previous')}
        </button>
        <span>{t('page', { page: page + 1, pages })}</span>
        <button
          type="button"
          className="button secondary"
          disabled={page + 1 >= pages}
          onClick={() => setPage(page + 1)}
        >
          {t('next')}
        </button>
      </div>
    </section>
  );
}
