// The relapse-prevention intake (CONTENT.md §3b) and the decision aid's options for it: every
// matching row, straight from the engine. Its answers also route (warning signs back, not in full
// remission), so none is pre-answered: the decision aid shows once every question has an answer.

import { type ContentPack, type RelapseIntake, relapseDecisionAid } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { DecisionAidRows } from './decision-aid-rows';
import { screeningMessages } from './messages';
import { YesNo } from './yes-no';

type YesNoField = 'fullRemission' | 'onAntidepressant' | 'wantsToTaper' | 'residualSymptoms' | 'warningSigns';

export type IntakeDraft = { episodes: number | null; remissionDate?: string } & Record<YesNoField, boolean | null>;

export const EMPTY_INTAKE: IntakeDraft = {
  episodes: null,
  fullRemission: null,
  onAntidepressant: null,
  wantsToTaper: null,
  residualSymptoms: null,
  warningSigns: null,
};

/** The intake for the engine, or null while a question is unanswered. */
export function toIntake(d: IntakeDraft): RelapseIntake | null {
  const { episodes, fullRemission, onAntidepressant, wantsToTaper, residualSymptoms, warningSigns } = d;
  if (
    episodes === null ||
    fullRemission === null ||
    onAntidepressant === null ||
    wantsToTaper === null ||
    residualSymptoms === null ||
    warningSigns === null
  )
    return null;
  return {
    episodes,
    fullRemission,
    onAntidepressant,
    wantsToTaper,
    residualSymptoms,
    warningSigns,
    ...(d.remissionDate === undefined ? {} : { remissionDate: d.remissionDate }),
  };
}

/** An earlier intake for confirmation at a follow-up: "warning signs back?" is asked afresh. */
export function toIntakeDraft(intake: RelapseIntake): IntakeDraft {
  const { phq9: _scores, ...rest } = intake;
  return { ...rest, warningSigns: null };
}

export function RelapseIntakeFields(props: {
  pack: ContentPack;
  intake: IntakeDraft;
  onChange: (intake: IntakeDraft) => void;
  now: number;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { intake, onChange } = props;
  const set = (patch: Partial<IntakeDraft>) => onChange({ ...intake, ...patch });
  const complete = toIntake(intake);
  const aid = complete === null ? null : relapseDecisionAid({ pack: props.pack, intake: complete, now: props.now });
  const yesNo = (field: YesNoField, name: string, legend: string) => (
    <YesNo name={name} legend={legend} value={intake[field]} onChange={(v) => set({ [field]: v })} />
  );
  return (
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading">{t('intakeHeading')}</h2>
      <fieldset className="field">
        <legend>{t('intakeEpisodes')}</legend>
        <div className="choice-row">
          {[1, 2, 3].map((n) => (
            <label key={n} className="choice">
              <input
                type="radio"
                name="episodes"
                checked={intake.episodes === n}
                onChange={() => set({ episodes: n })}
              />
              {n === 3 ? t('intakeThreeOrMore') : String(n)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-field">
        <label htmlFor="remission-date">{t('intakeRemissionDate')}</label>
        <input
          id="remission-date"
          type="date"
          autoComplete="off"
          value={intake.remissionDate ?? ''}
          onChange={(e) => {
            const { remissionDate: _drop, ...rest } = intake;
            onChange(e.target.value === '' ? rest : { ...rest, remissionDate: e.target.value });
          }}
        />
      </div>
      {yesNo('fullRemission', 'full-remission', t('intakeFullRemission'))}
      {yesNo('onAntidepressant', 'on-ad', t('intakeOnAntidepressant'))}
      {yesNo('wantsToTaper', 'taper', t('intakeWantsToTaper'))}
      {yesNo('residualSymptoms', 'residual', t('intakeResidual'))}
      {yesNo('warningSigns', 'warning-signs', t('intakeWarningSigns'))}
      {aid === null ? (
        <p className="hint">{t('intakeIncomplete')}</p>
      ) : aid.ok ? (
        <DecisionAidRows pack={props.pack} aid={aid.value} />
      ) : (
        <p className="form-message">{language === 'nl' ? t('intakeInvalid') : aid.error.message}</p>
      )}
    </section>
  );
}
