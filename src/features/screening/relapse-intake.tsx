// The relapse-prevention intake (CONTENT.md §3b) and the decision aid's options for it: every
// matching row, straight from the engine.

import { type ContentPack, type RelapseIntake, relapseDecisionAid } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { DecisionAidRows } from './decision-aid-rows';
import { screeningMessages } from './messages';
import { YesNo } from './yes-no';

export const EMPTY_INTAKE: RelapseIntake = {
  episodes: 1,
  fullRemission: true,
  onAntidepressant: false,
  wantsToTaper: false,
  residualSymptoms: false,
  warningSigns: false,
};

export function RelapseIntakeFields(props: {
  pack: ContentPack;
  intake: RelapseIntake;
  onChange: (intake: RelapseIntake) => void;
  now: number;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { intake, onChange } = props;
  const set = (patch: Partial<RelapseIntake>) => onChange({ ...intake, ...patch });
  const aid = relapseDecisionAid({ pack: props.pack, intake, now: props.now });
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
      <YesNo
        name="full-remission"
        legend={t('intakeFullRemission')}
        value={intake.fullRemission}
        onChange={(v) => set({ fullRemission: v })}
      />
      <YesNo
        name="on-ad"
        legend={t('intakeOnAntidepressant')}
        value={intake.onAntidepressant}
        onChange={(v) => set({ onAntidepressant: v })}
      />
      <YesNo
        name="taper"
        legend={t('intakeWantsToTaper')}
        value={intake.wantsToTaper}
        onChange={(v) => set({ wantsToTaper: v })}
      />
      <YesNo
        name="residual"
        legend={t('intakeResidual')}
        value={intake.residualSymptoms}
        onChange={(v) => set({ residualSymptoms: v })}
      />
      <YesNo
        name="warning-signs"
        legend={t('intakeWarningSigns')}
        value={intake.warningSigns}
        onChange={(v) => set({ warningSigns: v })}
      />
      {aid.ok ? (
        <DecisionAidRows pack={props.pack} aid={aid.value} />
      ) : (
        <p className="form-message">{language === 'nl' ? t('intakeInvalid') : aid.error.message}</p>
      )}
    </section>
  );
}
