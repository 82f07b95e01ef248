// The perinatal context of a screening: pregnant with trimester, or weeks postpartum (0–52). The
// cut-off that applies depends on it, so the engine gets it with every evaluation.
import { type ContextRequirement, MAX_POSTPARTUM_WEEKS, type ScreeningContext, type Trimester } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

export interface ContextDraft {
  phase: 'pregnant' | 'postpartum' | null;
  trimester: Trimester | null;
  weeks: string;
}

type ErrorKey = 'errorPhase' | 'errorTrimester' | 'errorWeeks';

export function contextError(requirement: ContextRequirement, c: ContextDraft): ErrorKey | null {
  if (requirement === 'none') return null;
  if (c.phase === null) return 'errorPhase';
  if (c.phase === 'pregnant') return c.trimester === null ? 'errorTrimester' : null;
  const weeks = Number(c.weeks);
  return c.weeks.trim() === '' || !Number.isInteger(weeks) || weeks < 0 || weeks > MAX_POSTPARTUM_WEEKS
    ? 'errorWeeks'
    : null;
}

/** Call only after contextError returned null. */
export function toContext(requirement: ContextRequirement, c: ContextDraft): ScreeningContext {
  if (requirement === 'none' || c.phase === null) return { phase: 'none' };
  if (c.phase === 'pregnant') return { phase: 'pregnant', trimester: c.trimester ?? 1 };
  return { phase: 'postpartum', weeks: Number(c.weeks) };
}

export function ContextFields({ value, onChange }: { value: ContextDraft; onChange: (c: ContextDraft) => void }) {
  const t = useMessages(screeningMessages);
  return (
    <fieldset className="field">
      <legend>{t('contextLegend')}</legend>
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
        <fieldset className="field spaced">
          <legend>{t('trimesterLegend')}</legend>
          <div className="choice-row">
            {([1, 2, 3] as const).map((n) => (
              <label key={n} className="choice">
                <input
                  type="radio"
                  name="trimester"
                  checked={value.trimester === n}
                  onChange={() => onChange({ ...value, trimester: n })}
                />
                {t('trimester', { n })}
              </label>
            ))}
          </div>
        </fieldset>
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
