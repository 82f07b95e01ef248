// The perinatal context of a screening: pregnant with weeks of gestation (the trimester is derived by
// the engine, so a follow-up recomputes it), or weeks postpartum (0–52). The cut-off that applies
// depends on it, so the engine gets it with every evaluation.
import {
  type ContextRequirement,
  MAX_GESTATION_WEEKS,
  MAX_POSTPARTUM_WEEKS,
  type ScreeningContext,
  trimesterOfWeeks,
} from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

export interface ContextDraft {
  phase: 'pregnant' | 'postpartum' | null;
  gestationWeeks: string;
  weeks: string;
}

export const EMPTY_CONTEXT: ContextDraft = { phase: null, gestationWeeks: '', weeks: '' };

type ErrorKey = 'errorPhase' | 'errorGestationWeeks' | 'errorWeeks';

/** A whole number from 0 to max, or null. */
function wholeWeeks(text: string, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

export function contextError(requirement: ContextRequirement, c: ContextDraft): ErrorKey | null {
  if (requirement === 'none') return null;
  if (c.phase === null) return 'errorPhase';
  if (c.phase === 'pregnant')
    return wholeWeeks(c.gestationWeeks, MAX_GESTATION_WEEKS) === null ? 'errorGestationWeeks' : null;
  return wholeWeeks(c.weeks, MAX_POSTPARTUM_WEEKS) === null ? 'errorWeeks' : null;
}

/** Call only after contextError returned null. */
export function toContext(requirement: ContextRequirement, c: ContextDraft): ScreeningContext {
  if (requirement === 'none' || c.phase === null) return { phase: 'none' };
  if (c.phase === 'pregnant') return { phase: 'pregnant', gestationWeeks: Number(c.gestationWeeks) };
  return { phase: 'postpartum', weeks: Number(c.weeks) };
}

/** An earlier (carried-forward) context as form values, for confirmation at a follow-up. */
export function toDraft(context: ScreeningContext | null): ContextDraft {
  if (context === null || context.phase === 'none') return EMPTY_CONTEXT;
  if (context.phase === 'postpartum') return { ...EMPTY_CONTEXT, phase: 'postpartum', weeks: String(context.weeks) };
  // A context stored with only a trimester cannot be moved on: the weeks are asked again.
  const weeks = context.gestationWeeks === undefined ? '' : String(context.gestationWeeks);
  return { ...EMPTY_CONTEXT, phase: 'pregnant', gestationWeeks: weeks };
}

export function ContextFields(props: {
  value: ContextDraft;
  onChange: (c: ContextDraft) => void;
  /** Set at a follow-up once the pregnancy has reached term: ask whether she has given birth. */
  askBirth?: boolean;
  /** At a follow-up: the earlier screening's context and date, and the same context moved on to today. */
  carried?: { earlier: ScreeningContext; now: ScreeningContext | null; date: string };
}) {
  const t = useMessages(screeningMessages);
  const { value, onChange } = props;
  const describe = (c: ScreeningContext | null): string | null => {
    if (c === null || c.phase === 'none') return null;
    if (c.phase === 'postpartum') return t('contextPostpartumWeeks', { n: c.weeks });
    return c.gestationWeeks === undefined ? null : t('contextPregnantWeeks', { n: c.gestationWeeks });
  };
  const earlier = props.carried ? describe(props.carried.earlier) : null;
  const now = props.carried ? describe(props.carried.now) : null;
  const gestation = wholeWeeks(value.gestationWeeks, MAX_GESTATION_WEEKS);
  return (
    <fieldset className="field">
      <legend>{t('contextLegend')}</legend>
      {/* CONTENT.md §3a: weeks are stored, so a follow-up recomputes them from the earlier date; shown
          so the professional confirms rather than types them again. */}
      {props.carried && earlier !== null && now !== null && (
        <p className="hint carried-context" id="carried-context">
          {t('carriedContext', { date: props.carried.date, earlier, now })}
        </p>
      )}
      {props.askBirth === true && (
        <p className="notice" role="status">
          {t('askBirth')}
        </p>
      )}
      <div className="choice-row">
        <label className="choice">
          <input
            type="radio"
            name="phase"
            checked={value.phase === 'pregnant'}
            onChange={() => onChange({ ...value, phase: 'pregnant' })}
          />
          {t('contextPregnant')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="phase"
            checked={value.phase === 'postpartum'}
            onChange={() => onChange({ ...value, phase: 'postpartum' })}
          />
          {t('contextPostpartum')}
        </label>
      </div>
      {value.phase === 'pregnant' && (
        <div className="text-field spaced">
          <label htmlFor="gestation-weeks">{t('gestationWeeksLabel')}</label>
          <input
            id="gestation-weeks"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_GESTATION_WEEKS}
            autoComplete="off"
            value={value.gestationWeeks}
            onChange={(e) => onChange({ ...value, gestationWeeks: e.target.value })}
            aria-describedby="gestation-trimester"
          />
          <p className="hint" id="gestation-trimester">
            {gestation === null ? t('gestationHint') : t('trimester', { n: trimesterOfWeeks(gestation) })}
          </p>
        </div>
      )}
      {value.phase === 'postpartum' && (
        <div className="text-field spaced">
          <label htmlFor="weeks-postpartum">{t('weeksLabel')}</label>
          <input
            id="weeks-postpartum"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_POSTPARTUM_WEEKS}
            autoComplete="off"
            value={value.weeks}
            onChange={(e) => onChange({ ...value, weeks: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
