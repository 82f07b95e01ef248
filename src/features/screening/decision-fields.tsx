// The decision on a result: follow the proposal or choose another step (with a reason), the follow-up
// date (the next day on the safety path; later needs a reason), an optional note, and for an anonymous
// screening the client to create. Near the top of the page, right under the proposal (issue 18).
import { useState } from 'react';
import type { ContentPack, Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { CharCount } from '../../ui/char-count';
import { describedBy, FieldError, type FieldProblem } from '../../ui/field-errors';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { localDate } from './dates';
import { screeningMessages } from './messages';
import { stepName } from './recommendation-section';

const STEPS: readonly Step[] = [0, 1, 2, 3];

export interface DecisionInput {
  override: boolean;
  overrideStep: Step | null;
  reason: string;
  dueEdited: string | null;
  dueReason: string;
  beyondConfirmed: boolean;
  note: string;
  alias: string;
}

export const NO_DECISION: DecisionInput = {
  override: false,
  overrideStep: null,
  reason: '',
  dueEdited: null,
  dueReason: '',
  beyondConfirmed: false,
  note: '',
  alias: '',
};

export function DecisionFields(props: {
  pack: ContentPack;
  proposed: Step | 'safety';
  value: DecisionInput;
  onChange: (patch: Partial<DecisionInput>) => void;
  problems: readonly FieldProblem[];
  now: number;
  due: string;
  onSafety: boolean;
  laterThanSafety: boolean;
  beyondMaximum: boolean;
  anonymous: boolean;
  safetyRaised: boolean;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { pack, value: d, onChange, problems } = props;
  // The note is optional: folded until wanted, open when it holds text (e.g. restored from its draft).
  const [noteOpen, setNoteOpen] = useState(false);
  return (
    <>
      <fieldset className="field bare">
        <legend>{t('decisionLegend')}</legend>
        <div className="choice-column">
          <label className="choice">
            <input type="radio" name="decision" checked={!d.override} onChange={() => onChange({ override: false })} />
            {props.proposed === 'safety'
              ? t('followSafety')
              : t('followProposal', { step: stepName(pack, props.proposed, language) })}
          </label>
          <label className="choice">
            <input type="radio" name="decision" checked={d.override} onChange={() => onChange({ override: true })} />
            {t('overrideChoice')}
          </label>
        </div>
      </fieldset>
      {d.override && (
        <>
          <fieldset className="field" id="override-step" {...describedBy(problems, 'override-step')}>
            <legend>{t('overrideStepLegend')}</legend>
            <FieldError problems={problems} field="override-step" />
            <div className="choice-column">
              {STEPS.map((s) => (
                <label key={s} className="choice">
                  <input
                    type="radio"
                    name="override-step"
                    checked={d.overrideStep === s}
                    onChange={() => onChange({ overrideStep: s })}
                  />
                  {t('stepLabel', { step: stepName(pack, s, language) })}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="text-field">
            <label htmlFor="override-reason">{t('overrideReason')}</label>
            <textarea
              maxLength={TEXT_LIMITS.reason}
              {...describedBy(problems, 'override-reason', 'override-reason-count')}
              id="override-reason"
              rows={3}
              autoComplete="off"
              value={d.reason}
              onChange={(e) => onChange({ reason: e.target.value })}
            />
            <CharCount id="override-reason-count" value={d.reason} kind="reason" />
            <FieldError problems={problems} field="override-reason" />
          </div>
        </>
      )}
      <div className="text-field follow-up-row">
        <label htmlFor="follow-up-date">{t('followUpDate')}</label>
        <input
          id="follow-up-date"
          type="date"
          autoComplete="off"
          min={localDate(props.now)}
          value={props.due}
          onChange={(e) => onChange({ dueEdited: e.target.value })}
          {...describedBy(problems, 'follow-up-date', ...(props.onSafety ? ['follow-up-hint'] : []))}
        />
        <FieldError problems={problems} field="follow-up-date" />
        {/* On the safety path the next day is the rule: said at the field. Otherwise the date speaks. */}
        {props.onSafety && (
          <p className="hint" id="follow-up-hint">
            {t('followUpSafetyHint')}
          </p>
        )}
      </div>
      {props.laterThanSafety && (
        <div className="text-field">
          <label htmlFor="follow-up-reason">{t('followUpLaterReason')}</label>
          <textarea
            id="follow-up-reason"
            rows={2}
            autoComplete="off"
            value={d.dueReason}
            onChange={(e) => onChange({ dueReason: e.target.value })}
          />
        </div>
      )}
      {props.beyondMaximum && (
        <label className="choice">
          <input
            type="checkbox"
            checked={d.beyondConfirmed}
            onChange={(e) => onChange({ beyondConfirmed: e.target.checked })}
          />
          <span>{t('followUpBeyondConfirm')}</span>
        </label>
      )}
      <details
        className="about-fold note-fold"
        open={noteOpen || d.note !== ''}
        onToggle={(e) => setNoteOpen(e.currentTarget.open)}
      >
        <summary>{t('noteFold')}</summary>
        <div className="text-field">
          <label htmlFor="decision-note">{t('noteLabel')}</label>
          <textarea
            maxLength={TEXT_LIMITS.note}
            aria-describedby="decision-note-count"
            id="decision-note"
            rows={3}
            autoComplete="off"
            value={d.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
          <CharCount id="decision-note-count" value={d.note} kind="note" />
        </div>
      </details>
      {props.anonymous && (
        <div className="anonymous-save">
          <p className="hint">{t(props.safetyRaised ? 'anonymousSafetyHint' : 'anonymousSaveHint')}</p>
          <div className="text-field">
            <label htmlFor="anonymous-alias">{t('aliasLabel')}</label>
            <input
              maxLength={TEXT_LIMITS.alias}
              {...describedBy(problems, 'anonymous-alias', 'anonymous-alias-count')}
              id="anonymous-alias"
              autoComplete="off"
              value={d.alias}
              onChange={(e) => onChange({ alias: e.target.value })}
            />
            <CharCount id="anonymous-alias-count" value={d.alias} kind="alias" />
            <FieldError problems={problems} field="anonymous-alias" />
          </div>
        </div>
      )}
    </>
  );
}
