// The client's timeline, newest first: screenings (with the decision taken on them), follow-ups and
// notes. Every clinical label comes from the pack version that produced the screening.
import { Link } from 'react-router';
import type { DecisionRecord, FollowUpRecord, NoteRecord, ScreeningRecord } from '../../db';
import type { ContentPack, Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import type { Language } from '../../i18n/translate';
import { useVault } from '../../runtime/vault/runtime-context';
import { logExport } from '../audit/log-events';
import { formatDate, localDate } from './dates';
import { downloadText } from './download';
import { followUpIcs, icsFileName } from './ics';
import { messages } from './messages';
import { NoteItem } from './note-item';
import { type ClientHistory, packKeyOf } from './use-clients';

type Entry =
  | { kind: 'screening'; at: number; id: string; screening: ScreeningRecord; decision?: DecisionRecord }
  | { kind: 'follow-up'; at: number; id: string; followUp: FollowUpRecord }
  | { kind: 'note'; at: number; id: string; note: NoteRecord };

export function timelineEntries(history: ClientHistory): Entry[] {
  const decisions = new Map(history.decisions.map((d) => [d.screeningId, d]));
  const entries: Entry[] = [
    ...history.screenings.map((s): Entry => {
      const decision = decisions.get(s.id);
      return { kind: 'screening', at: s.createdAt, id: s.id, screening: s, ...(decision ? { decision } : {}) };
    }),
    ...history.followUps.map((f): Entry => ({ kind: 'follow-up', at: f.createdAt, id: f.id, followUp: f })),
    ...history.notes.map((n): Entry => ({ kind: 'note', at: n.createdAt, id: n.id, note: n })),
  ];
  // Newest first; a follow-up created with its screening sorts above that screening.
  return entries.sort((a, b) => b.at - a.at || (a.kind === 'follow-up' ? -1 : 1));
}

export function Timeline({ history }: { history: ClientHistory }) {
  const t = useMessages(messages);
  const entries = timelineEntries(history);
  if (entries.length === 0) return <p>{t('timelineEmpty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className={`timeline-item timeline-${entry.kind}`}>
          {entry.kind === 'screening' && (
            <ScreeningEntry
              screening={entry.screening}
              decision={entry.decision}
              pack={history.packs.get(packKeyOf(entry.screening))}
            />
          )}
          {entry.kind === 'follow-up' && <FollowUpEntry followUp={entry.followUp} />}
          {entry.kind === 'note' && <NoteEntry note={entry.note} />}
        </li>
      ))}
    </ol>
  );
}

type T = (key: keyof (typeof messages)['nl'], values?: Record<string, string | number>) => string;

function useT(): T {
  return useMessages(messages);
}

function stepText(pack: ContentPack | undefined, step: Step, language: Language, t: T): string {
  return t('stepValue', { step, label: pack?.pathway.stepLabels[step][language] ?? '' });
}

function instrumentName(pack: ContentPack | undefined, id: string, language: Language, t: T): string {
  return pack?.instruments.find((i) => i.id === id)?.name[language] ?? t('unknownInstrument', { id });
}

function ScreeningEntry(props: {
  screening: ScreeningRecord;
  decision: DecisionRecord | undefined;
  pack: ContentPack | undefined;
}) {
  const { screening, decision, pack } = props;
  const t = useT();
  const language = useLanguage();
  const { score, recommendation } = screening.data.outcome;
  const name = instrumentName(pack, screening.instrumentId, language, t);
  let advice: string;
  let safety: string | null = null;
  switch (recommendation.kind) {
    case 'step':
      advice = stepText(pack, recommendation.step, language, t);
      break;
    case 'administer':
      advice = t('administer', {
        instrument: recommendation.instruments.map((id) => instrumentName(pack, id, language, t)).join(', '),
      });
      break;
    case 'safety':
      safety = recommendation.level === 'emergency' ? t('safetyEmergency') : t('safetyUrgent');
      advice =
        recommendation.underlyingStep === null ? safety : stepText(pack, recommendation.underlyingStep, language, t);
      break;
  }
  const action = decision?.data.safetyAction;
  const actionLabel = action
    ? (pack?.pathway.safety.actions.find((a) => a.id === action.action)?.label[language] ?? action.action)
    : null;
  return (
    <article aria-labelledby={`tl-${screening.id}`}>
      <h3 id={`tl-${screening.id}`}>
        {t('screeningOn', { instrument: name })}{' '}
        <span className="timeline-date">{formatDate(screening.createdAt, language)}</span>
      </h3>
      <Author record={screening} />
      {safety && <p className="safety-flag">{safety}</p>}
      <dl className="facts">
        <dt>{t('total')}</dt>
        <dd>{score.total}</dd>
        <dt>{t('band')}</dt>
        <dd>{score.band.label[language]}</dd>
        <dt>{t('step')}</dt>
        <dd>{advice}</dd>
        {decision && (
          <>
            <dt>{t('chosen')}</dt>
            <dd>
              {decision.data.chosen === 'safety'
                ? t('chosenSafety')
                : stepText(pack, decision.data.chosen, language, t)}
            </dd>
          </>
        )}
        {decision?.data.overrideReason && (
          <>
            <dt>{t('overrideReason')}</dt>
            <dd className="note-text">{decision.data.overrideReason}</dd>
          </>
        )}
        {action && (
          <>
            <dt>{t('safetyAction')}</dt>
            <dd>
              {actionLabel}
              {action.note ? <span className="note-text"> — {action.note}</span> : null}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}

function FollowUpEntry({ followUp }: { followUp: FollowUpRecord }) {
  const vault = useVault();
  const t = useT();
  const language = useLanguage();
  const overdue = followUp.state === 'open' && followUp.dueDate < localDate();
  const status =
    followUp.state === 'done'
      ? t('statusDone')
      : followUp.state === 'cancelled'
        ? t('statusCancelled')
        : overdue
          ? t('statusOverdue')
          : t('statusOpen');
  const exportIcs = () => {
    downloadText(
      icsFileName(followUp.dueDate),
      followUpIcs(followUp.dueDate, crypto.randomUUID(), new Date()),
      'text/calendar;charset=utf-8',
    );
    void logExport(vault.db, 'ics', followUp.id); // the audit log records that a date left the device
  };
  return (
    <article aria-labelledby={`tl-${followUp.id}`}>
      <h3 id={`tl-${followUp.id}`}>
        {t('followUpTitle')}{' '}
        <span className="timeline-date">
          {t('due')} {formatDate(followUp.dueDate, language)}
        </span>
      </h3>
      <Author record={followUp} />
      <dl className="facts">
        <dt>{t('status')}</dt>
        <dd className={overdue ? 'overdue' : undefined}>{status}</dd>
      </dl>
      {followUp.state === 'open' && (
        <div className="button-row">
          <Link className="button small" to={`/screening?followUp=${encodeURIComponent(followUp.id)}`}>
            {t('startFollowUp')}
          </Link>
          <button type="button" className="button secondary small" onClick={exportIcs} title={t('icsHint')}>
            {t('exportIcs')}
          </button>
        </div>
      )}
    </article>
  );
}

/**
 * Who did it (issue 20): the initials the record was created with, and who changed it last if someone
 * else did. Records written before authors were recorded show nothing.
 */
function Author({ record }: { record: { createdBy?: string; updatedBy?: string } }) {
  const t = useT();
  if (!record.createdBy) return null;
  const changed = record.updatedBy && record.updatedBy !== record.createdBy ? record.updatedBy : null;
  return (
    <p className="timeline-author">
      {changed
        ? t('authorChanged', { initials: record.createdBy, changed })
        : t('authorBy', { initials: record.createdBy })}
    </p>
  );
}

function NoteEntry({ note }: { note: NoteRecord }) {
  const t = useT();
  const language = useLanguage();
  return (
    <article aria-labelledby={`tl-${note.id}`}>
      <h3 id={`tl-${note.id}`}>
        {t('noteTitle')} <span className="timeline-date">{formatDate(note.createdAt, language)}</span>
      </h3>
      <Author record={note} />
      <NoteItem note={note} />
    </article>
  );
}
