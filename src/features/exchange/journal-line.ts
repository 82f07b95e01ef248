// "Kopieer als journaalregel": one line for the record system's journal — date, instrument, total,
// band, step, safety action, next date. Built from JournalFacts only, so no alias or note can enter.
import type { Language } from '../../i18n/translate';
import type { ExchangeKey } from './messages';
import type { JournalFacts } from './to-export';

type T = (key: ExchangeKey, values?: Record<string, string | number>) => string;

export function journalLine(f: JournalFacts, t: T, language: Language): string {
  const parts = [
    `${f.date} ${f.instrument} ${t('journal.total', { total: f.total, band: f.band[language] })}`,
    f.step === null
      ? t('journal.noStep')
      : f.step.kind === 'safety'
        ? t('journal.safety')
        : t('journal.step', { step: f.step.step, label: f.step.label[language] }),
    ...(f.safetyActions.length > 0
      ? [t('journal.actions', { actions: f.safetyActions.map((a) => a[language]).join(', ') })]
      : []),
    f.nextDate ? t('journal.next', { date: f.nextDate }) : t('journal.noNext'),
    ...(f.keyConfirmed ? [] : [t('journal.keyNotConfirmed')]),
  ];
  return `${parts.join('; ')} (${t('journal.source')})`;
}
