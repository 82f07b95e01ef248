// Names of rows and periods: steps and safety actions come from the pack (content), the rest from
// the feature's messages. Periods are months or quarters only, never a finer date.
import type { ContentPack, IndicatorTableId } from '../../domain';
import type { Language } from '../../i18n/translate';
import { indicatorMessages } from './messages';

type Key = keyof (typeof indicatorMessages)['nl'];
const ROW_KEYS = Object.keys(indicatorMessages.nl).filter((k): k is Key & `row.${string}` => k.startsWith('row.'));

export function rowLabel(pack: ContentPack, table: IndicatorTableId, key: string, language: Language): string {
  const text = (k: Key) => indicatorMessages[language][k];
  if (table === 'steps') {
    const label = pack.pathway.stepLabels[Number(key)];
    return key === 'safety' || label === undefined ? text('row.safety') : label[language];
  }
  if (table === 'safety') {
    if (key === 'open') return text('row.safety-open');
    if (key === 'discarded') return text('row.discarded');
    return pack.pathway.safety.actions.find((a) => a.id === key)?.label[language] ?? key;
  }
  const k = ROW_KEYS.find((r) => r === `row.${key}`);
  return k === undefined ? key : text(k);
}

/** `2026-11` → "nov 2026"; `2026-Q4` → "K4 2026" (Q4 in English). */
export function periodLabel(period: string, language: Language): string {
  const [year, part = ''] = period.split('-');
  if (part.startsWith('Q')) return `${language === 'nl' ? 'K' : 'Q'}${part.slice(1)} ${year}`;
  const date = new Date(Date.UTC(Number(year), Number(part) - 1, 1));
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
