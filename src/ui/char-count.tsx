import { useMessages } from '../i18n/define-messages';
import { textLimitMessages } from './text-limit.messages';
import { TEXT_LIMITS, type TextLimitKind } from './text-limits';

/**
 * The counter under a limited text field (R47): "12/120" once something is typed, and at the limit the reason no more text
 * goes in (announced politely; the count itself is not, or every keystroke would be read out).
 * Give the field `maxLength={TEXT_LIMITS[kind]}` and this `id` in aria-describedby.
 */
export function CharCount({ id, value, kind }: { id: string; value: string; kind: TextLimitKind }) {
  const t = useMessages(textLimitMessages);
  const max = TEXT_LIMITS[kind];
  const full = value.length >= max;
  // An empty field shows no "0/120": the counter appears with the first character.
  if (value.length === 0) return <span id={id} className="char-count" />;
  return (
    <span id={id} className={full ? 'char-count full' : 'char-count'}>
      <span aria-hidden={full}>{t('count', { count: value.length, max })}</span>
      <span aria-live="polite">{full ? ` ${t('full', { max })}` : ''}</span>
    </span>
  );
}
