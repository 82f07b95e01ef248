import { formatDateTime } from '../../i18n/dates';
import { useMessages } from '../../i18n/define-messages';
import type { Refusal } from '../../runtime/sync/refusals';
import { useSync } from '../../runtime/sync/sync-store';
import { teamMessages } from './messages';

const RECORD_KINDS = new Set([
  'clients',
  'screenings',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'safetyEvents',
  'followUpEvents',
  'shreddedClients',
  'teamAudit',
] as const);
type RecordKind = typeof RECORD_KINDS extends Set<infer K> ? K : never;
const isKind = (x: string | null): x is RecordKind => x !== null && (RECORD_KINDS as Set<string>).has(x);

/**
 * Settings, team section: the envelopes this device refused for their signature (issue 20), newest
 * first, with which record (its kind, when it opened, and the start of its envelope id) and which
 * author it claimed; and how many unsigned ones from before signing were taken over.
 */
export function SyncRefusals({ language }: { language: 'nl' | 'en' }) {
  const t = useMessages(teamMessages);
  const refused = useSync((s) => s.refused);
  const unsigned = useSync((s) => s.unsigned);

  const record = (r: Refusal) =>
    t('refusalRecord', {
      kind: isKind(r.table) ? t(`record_${r.table}`) : t('record_unknown'),
      id: r.docId.slice(1, 9),
    });
  const author = (r: Refusal) => {
    if (!r.by) return t('refusalAuthorNone');
    return r.initials
      ? t('refusalAuthor', { initials: r.initials, device: r.by })
      : t('refusalAuthorUnknown', { device: r.by });
  };

  return (
    <>
      {refused.length > 0 && (
        <div data-testid="team-refused" role="alert">
          <h3>{t('refusedTitle')}</h3>
          <p>{t('refusedIntro')}</p>
          <ul>
            {[...refused].reverse().map((r) => (
              <li key={`${r.docId} ${r.rev}`} data-testid="team-refusal" data-reason={r.reason}>
                {t('refusalLine', { at: formatDateTime(r.at, language), record: record(r), author: author(r) })} (
                {t(`refusalReason_${r.reason}`)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {unsigned > 0 && <p data-testid="team-unsigned">{t('unsignedAccepted', { count: unsigned })}</p>}
    </>
  );
}
