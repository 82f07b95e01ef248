import { useEffect, useState } from 'react';
import type { ClientPayload, PlanPayload, SyncedTable } from '../../db';
import { formatDateTime } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { type ConflictVersion, useSync } from '../../runtime/sync/sync-store';
import { teamMessages } from './messages';

/** One line per version, enough to tell them apart (the full record is what is kept). */
function summary(table: SyncedTable, data: unknown): string {
  if (table === 'clients') {
    const c = data as ClientPayload;
    return [c.alias, c.code].filter(Boolean).join(' · ');
  }
  if (table === 'plans') {
    const p = data as PlanPayload;
    return [...p.warningSigns.map((w) => w.text), ...p.triggers, ...p.whatIDo, ...p.whatOthersDo]
      .filter(Boolean)
      .join(' · ');
  }
  return '';
}

/**
 * Shown on a client's or plan's page when the record was edited on two devices at once (a CouchDB
 * conflict): both versions, and a choice. Nothing is dropped until someone chooses.
 */
export function ConflictChooser({ table, id }: { table: SyncedTable; id: string }) {
  const t = useMessages(teamMessages);
  const language = useLanguage();
  const ref = useSync((s) => s.conflicts.find((c) => c.table === table && c.id === id));
  const engine = useSync((s) => s.engine);
  const [versions, setVersions] = useState<ConflictVersion[] | null>(null);
  const [status, setStatus] = useState<{ key: 'chosen' } | { key: 'chooseFailed'; reason: string } | null>(null);

  useEffect(() => {
    let live = true;
    setVersions(null);
    if (ref && engine) void engine.loadConflict(ref).then((v) => live && setVersions(v));
    return () => {
      live = false;
    };
  }, [ref, engine]);

  if (!ref || !engine)
    return status?.key === 'chosen' ? (
      <p className="form-message ok" role="status">
        {t('chosen')}
      </p>
    ) : null;

  async function choose(rev: string) {
    if (!ref || !engine) return;
    try {
      await engine.resolveConflict(ref, rev);
      setStatus({ key: 'chosen' });
    } catch (e) {
      setStatus({ key: 'chooseFailed', reason: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <section className="conflict-chooser" aria-labelledby={`conflict-${id}`} data-testid="conflict-chooser">
      <h2 id={`conflict-${id}`}>{t('chooserTitle')}</h2>
      <p>{t('chooserIntro')}</p>
      {versions === null ? (
        <p>{t('loading')}</p>
      ) : (
        <ol className="plain-list">
          {versions.map((v) => (
            <li key={v.rev} className="conflict-version">
              <p>
                <strong>{t('version', { at: formatDateTime(v.record.clear.updatedAt, language) })}</strong>{' '}
                {v.winner && t('current')}
              </p>
              <p className="conflict-summary">{summary(table, v.record.data)}</p>
              <button type="button" className="button secondary" onClick={() => void choose(v.rev)}>
                {t('choose')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {status?.key === 'chooseFailed' && (
        <p className="form-message" role="alert">
          {t('chooseFailed', { reason: status.reason })}
        </p>
      )}
    </section>
  );
}
