// Score entry (EPDS, EDIZ-plus, CSI): the client filled in the professional's own paper form. One item
// at a time, large: its number and short topic, the answers as printed on that form (EPDS 1e–4e, CSI
// Nee/Ja, EDIZ-plus its five answers) with the points each scores. Choosing an answer goes on to the
// next open item (Community Health Toolkit); the running total stays in view (MDCalc); "Vorige" and the
// numbered item strip go back. After the last item, every entered item is listed beside its printed
// answer for a check against the paper before the result (CONTENT.md §7). The place in the list is
// the draft's `position` (items.length = the check list), so a reload, a lock or the urgent panel
// resumes exactly there. The scoring key is the engine's (itemKey), never computed here.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Instrument, Item } from '../../domain';
import { itemKey, maxTotal, partialTotal, raisesRedFlag } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { optionLabels, positionsOf } from './option-labels';
import { offersQuickEntry } from './quick-entry';
import { QuickEntryField } from './quick-entry-field';
import { ScoreCheck } from './score-check';

export interface ScoreEntryProps {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  /** 0-based item index; items.length (or more) is the check list. */
  position: number;
  onAnswer: (itemId: string, position: number) => void;
  onPosition: (position: number) => void;
  onDone: () => void;
}

/** Where to go after an answer at `index`: the next open item (wrapping), or the check list. */
export function nextOpen(instrument: Instrument, answers: Readonly<Record<string, number>>, index: number): number {
  const items = instrument.items;
  for (let offset = 1; offset < items.length; offset++) {
    const i = (index + offset) % items.length;
    const item = items[i];
    if (item?.scored && answers[item.id] === undefined) return i;
  }
  return items.length;
}

export function ScoreEntryForm(props: ScoreEntryProps) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const [missing, setMissing] = useState<number[]>([]);
  // Offered until the first tap on an item; once digits are typed it stays (what was typed shows).
  const [quickUsed, setQuickUsed] = useState(false);
  const [focusItem, setFocusItem] = useState(false);
  const itemRef = useRef<HTMLFieldSetElement>(null);
  // Arrow keys move the choice in a radio group; only a tap, Space or Enter goes on.
  const arrowing = useRef(false);
  const { instrument, answers } = props;
  const items = instrument.items;
  const index = Math.min(Math.max(props.position, 0), items.length);
  const printed = (item: Item, p: number) =>
    optionLabels(instrument, item)?.[p]?.[language] ?? t('position', { n: p + 1 });
  const points = (item: Item, p: number) => itemKey(instrument, item.id)?.[p];
  const pointsText = (n: number | undefined) => (n === undefined ? '' : n === 1 ? t('onePoint') : t('points', { n }));
  const labelled = items.some((i) => optionLabels(instrument, i) !== undefined);
  const last = Math.max(...items.map((i) => positionsOf(instrument, i).length));
  const total = partialTotal(instrument, answers);
  const answered = items.filter((i) => answers[i.id] !== undefined).length;

  const toCheck = () => {
    const gaps = items.filter((i) => i.scored && answers[i.id] === undefined);
    setMissing(gaps.map((i) => i.number));
    const first = gaps[0];
    props.onPosition(first === undefined ? items.length : items.indexOf(first));
  };

  // After the row of digits, the item still to tap takes focus (and a phone's keyboard goes away).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the item on screen changes
  useEffect(() => {
    if (!focusItem) return;
    setFocusItem(false);
    itemRef.current?.focus();
  }, [index]);

  if (index >= items.length) {
    return (
      <ScoreCheck
        instrument={instrument}
        answers={answers}
        printed={printed}
        points={points}
        onEdit={(i) => props.onPosition(i)}
        onDone={props.onDone}
      />
    );
  }
  const item = items[index] as Item;
  const quick = offersQuickEntry(instrument) && (answered === 0 || quickUsed);
  const quickDone = (after: Readonly<Record<string, number>>) => {
    const open = items.findIndex((i) => i.scored && after[i.id] === undefined);
    const target = open === -1 ? items.length : open;
    if (target === index) itemRef.current?.focus();
    else {
      setFocusItem(true);
      props.onPosition(target);
    }
  };
  const choose = (p: number) => {
    const after = { ...answers, [item.id]: p };
    props.onAnswer(item.id, p);
    setMissing([]);
    // A red-flag answer (EPDS item 10 ≥ 1) stays on its item: the urgent panel comes first, and coming
    // back the professional sees what was entered (a mistap is corrected here, CONTENT.md §4).
    if (arrowing.current || raisesRedFlag(instrument, item.id, points(item, p))) return;
    props.onPosition(nextOpen(instrument, after, index));
  };
  // Enter (after arrow keys) goes on from an answered item; the form has no submit button to do it.
  const goOn = () => {
    if (answers[item.id] !== undefined) props.onPosition(nextOpen(instrument, answers, index));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    arrowing.current = e.key.startsWith('Arrow');
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      e.preventDefault();
      goOn();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    goOn();
  };

  return (
    <form
      className="score-entry"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      onPointerDown={() => {
        arrowing.current = false;
      }}
    >
      <p className="score-entry-status">
        <span className="progress">{t('progress', { n: index + 1, total: items.length })}</span>
        <span className="running-total" aria-live="polite">
          {t('runningTotal', { total, max: maxTotal(instrument), n: answered })}
        </span>
      </p>
      {quick && (
        <QuickEntryField
          instrument={instrument}
          answers={answers}
          onAnswer={(id, p) => {
            setQuickUsed(true);
            props.onAnswer(id, p);
          }}
          onComplete={quickDone}
        />
      )}
      <fieldset key={item.id} ref={itemRef} tabIndex={-1} className="field score-item big-item">
        <legend>
          {item.number}. {item.topic[language]}
        </legend>
        <div className="choice-column">
          {positionsOf(instrument, item).map((p) => {
            // The radio is named by the printed answer alone; the points are its description.
            const pointsId = `points-${item.id}-${p}`;
            return (
              <label key={`${item.id}-${p}`} className="choice big position">
                <input
                  type="radio"
                  name={`item-${item.id}`}
                  aria-label={printed(item, p)}
                  aria-describedby={item.scored ? pointsId : undefined}
                  checked={answers[item.id] === p}
                  onChange={() => choose(p)}
                />
                <span className="printed">{printed(item, p)}</span>
                {item.scored && (
                  <span id={pointsId} className="hint-inline">
                    ({pointsText(points(item, p))})
                  </span>
                )}
              </label>
            );
          })}
        </div>
      </fieldset>
      <p className="form-message" role="alert">
        {missing.length > 0 && t('missingAnswers', { items: missing.join(', ') })}
      </p>
      <div className="button-row">
        {index > 0 && (
          <button type="button" className="button secondary" onClick={() => props.onPosition(index - 1)}>
            {t('previous')}
          </button>
        )}
        {answers[item.id] !== undefined && index + 1 < items.length && (
          <button type="button" className="button secondary" onClick={() => props.onPosition(index + 1)}>
            {t('next')}
          </button>
        )}
        <button type="button" className="button" onClick={toCheck}>
          {t('toCheck')}
        </button>
      </div>
      <nav className="item-strip" aria-label={t('itemStrip')}>
        {items.map((i, n) => (
          <button
            key={i.id}
            type="button"
            className={`strip-item${answers[i.id] !== undefined ? ' answered' : ''}`}
            aria-current={n === index ? 'step' : undefined}
            aria-label={t('itemStripItem', { n: i.number })}
            onClick={() => props.onPosition(n)}
          >
            {i.number}
          </button>
        ))}
      </nav>
      <p className="hint">{labelled ? t('scoreEntryHintPrinted') : t('scoreEntryHint', { last })}</p>
      {instrument.scoring.keyVerified && instrument.scoring.certainty === 'unverified' && (
        <p className="warning-box" role="note">
          {t('printedKeyUnverified')}
        </p>
      )}
    </form>
  );
}
