// The row of digits for score entry (quick-entry.ts): typed digits fill their items at once (the
// running total follows), a digit that is no printed answer is named at the field, and once every
// typed item is filled the screen moves to the first item still open: the red-flag item, shown on its
// own to be tapped (EPDS item 10), or the check list against the paper form.
import { useId, useState } from 'react';
import type { Instrument } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { lastDigit, parseQuick, quickItems, tappedItems } from './quick-entry';

export function QuickEntryField(props: {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  onAnswer: (itemId: string, position: number) => void;
  /** Every typed item is filled: go to the first open item (or the check list). */
  onComplete: (answers: Readonly<Record<string, number>>) => void;
}) {
  const t = useMessages(screeningMessages);
  const id = useId();
  const [text, setText] = useState('');
  const { instrument } = props;
  const items = quickItems(instrument);
  const tapped = tappedItems(instrument)
    .map((i) => i.number)
    .join(', ');
  const last = lastDigit(instrument);
  const parsed = parseQuick(instrument, text);
  const problem = parsed.problem;
  const message =
    problem === null
      ? null
      : problem.kind === 'not-a-position'
        ? t('quickNotAPosition', { at: problem.at, char: problem.char, last })
        : t('quickTooMany', { count: problem.count });

  const change = (value: string) => {
    setText(value);
    const next = parseQuick(instrument, value);
    for (const [itemId, p] of Object.entries(next.answers)) if (props.answers[itemId] !== p) props.onAnswer(itemId, p);
    if (next.complete) props.onComplete({ ...props.answers, ...next.answers });
  };

  return (
    <div className="text-field quick-entry">
      <label htmlFor={`${id}-quick`}>
        {t('quickLabel', { from: items[0]?.number ?? 1, to: items.at(-1)?.number ?? 1 })}
      </label>
      <input
        id={`${id}-quick`}
        className="quick-digits"
        inputMode="numeric"
        autoComplete="off"
        enterKeyHint="next"
        spellCheck={false}
        maxLength={items.length * 2}
        aria-describedby={`${id}-quick-hint${message ? ` ${id}-quick-error` : ''}`}
        aria-invalid={message !== null || undefined}
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          // Enter ("Volgende" on a phone's number pad) goes on once the row is complete, never submits.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          e.stopPropagation();
          if (parsed.complete) props.onComplete({ ...props.answers, ...parsed.answers });
        }}
      />
      <p className="hint" id={`${id}-quick-hint`}>
        {tapped === '' ? t('quickHintAll', { last }) : t('quickHint', { last, tapped })}
      </p>
      {message !== null && (
        <p className="form-message field-error" id={`${id}-quick-error`} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
