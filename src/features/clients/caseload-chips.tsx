// What a caseload row shows about a client, from its caseload index entry: the step and an open
// safety signal as chips, the last score with its date and the next follow-up. The domain decided
// all of it (src/domain/caseload); this only words it.
import type { CaseloadRow, ContentPack } from '../../domain';
import { formatDate } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import './caseload-chips.css';
import { caseloadMessages as messages } from './caseload-messages';

/** "EPDS" from "EPDS (Edinburgh Postnatale Depressie Schaal)": a row has room for the short name only. */
function instrumentName(packs: readonly ContentPack[] | undefined, id: string, language: 'nl' | 'en'): string {
  for (const pack of packs ?? []) {
    const instrument = pack.instruments.find((i) => i.id === id);
    if (instrument) return instrument.name[language].split(' (')[0] ?? instrument.name[language];
  }
  return id;
}

export function CaseloadChips({ row }: { row: Pick<CaseloadRow, 'step' | 'safety'> }) {
  const t = useMessages(messages);
  return (
    <span className="caseload-chips">
      {row.safety.open && (
        <span className={row.safety.level === 'emergency' ? 'chip chip-danger' : 'chip chip-warning'}>
          {row.safety.level === 'emergency' ? t('safetyOpenEmergency') : t('safetyOpenUrgent')}
        </span>
      )}
      {row.step !== null && (
        <span className="chip">{row.step === 'safety' ? t('safetyPathChip') : t('stepChip', { step: row.step })}</span>
      )}
    </span>
  );
}

/** "Laatste score EPDS 11, 3 maart 2026 · Vervolg 14 april 2026" */
export function CaseloadSummary({ row, packs }: { row: CaseloadRow; packs: readonly ContentPack[] | undefined }) {
  const t = useMessages(messages);
  const language = useLanguage();
  const score = row.lastScore
    ? t('lastScore', {
        instrument: instrumentName(packs, row.lastScore.instrumentId, language),
        total: row.lastScore.total,
        date: formatDate(row.lastScore.day, language),
      })
    : t('noScore');
  const next = row.next
    ? row.when === 'overdue'
      ? t('nextOverdue', { date: formatDate(row.next.dueDate, language) })
      : row.when === 'today'
        ? t('nextToday')
        : t('nextDue', { date: formatDate(row.next.dueDate, language) })
    : t('noNext');
  return (
    <span className="caseload-summary">
      <span>{score}</span>
      <span className={row.when === 'overdue' ? 'overdue' : undefined}>{next}</span>
    </span>
  );
}
