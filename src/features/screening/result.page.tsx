// The result of a screening, in the order that keeps people safe: (a) the safety path first, with a
// required action; (b) total, band and every item score; (c) the recommended step with its reasons
// and sources; (d) cards; then confirm or override (reason required), schedule the follow-up, save.
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { createClient, toStorageError } from '../../db';
import { dueDate as dueDateFor, type Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/page-heading';
import { ChecklistLinks } from '../cards/checklist-links';
import { writeAnonymous } from './anonymous-draft';
import { CardsSection } from './cards-section';
import { DecisionAidRows } from './decision-aid-rows';
import { evaluateDraft, findInstrument } from './evaluate-draft';
import { screeningMessages } from './messages';
import { RecommendationSection, stepName } from './recommendation-section';
import { type SafetyChoice, SafetyPanel } from './safety-panel';
import { asSafetyAction, recommended, saveScreening } from './save-screening';
import { ScoreSection } from './score-section';
import { storageMessageKey } from './storage-message';
import { useDraft } from './use-draft';
import { usePreviousResult } from './use-previous-result';
import './screening.css';

const STEPS: readonly Step[] = [0, 1, 2, 3];

export function ResultPage() {
  const vault = useVault();
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const navigate = useNavigate();
  const { draftId = '' } = useParams();
  const { state, dispose } = useDraft(draftId);
  const draft = state.kind === 'ready' ? state.draft : null;
  const pack = useActivePack(draft?.data.pathwayId);
  const previous = usePreviousResult(draft?.data ?? null);
  const [now] = useState(() => Date.now());

  const [safety, setSafety] = useState<SafetyChoice>({ action: null, note: '' });
  const [override, setOverride] = useState(false);
  const [overrideStep, setOverrideStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [dueEdited, setDueEdited] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [alias, setAlias] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const evaluation = useMemo(() => {
    if (!draft || !pack || previous === undefined) return null;
    return evaluateDraft(pack, draft.data, previous.previous, now);
  }, [draft, pack, previous, now]);

  if (state.kind === 'missing') {
    return (
      <section>
        <PageHeading>{t('draftMissingTitle')}</PageHeading>
        <p>{t('draftMissing')}</p>
      </section>
    );
  }
  if (!draft || !pack || evaluation === null) {
    return (
      <section>
        <PageHeading>{t('resultTitle')}</PageHeading>
        <p className="hint">{t('loading')}</p>
      </section>
    );
  }
  const instrument = findInstrument(pack, draft.data.instrumentId);
  if (!evaluation.ok || instrument === undefined) {
    return (
      <section>
        <PageHeading>{t('resultTitle')}</PageHeading>
        <p className="form-errors">{t('evaluationFailed')}</p>
        <button type="button" className="button" onClick={() => navigate(`/screening/${draftId}`)}>
          {t('backToQuestions')}
        </button>
      </section>
    );
  }
  const ev = evaluation.value;
  const { outcome } = ev;
  const rec = outcome.recommendation;
  const onSafety = rec.kind === 'safety';
  const rcm = recommended(ev);
  const proposedChoice: Step | 'safety' = rcm.kind === 'step' ? rcm.step : rcm.kind === 'safety' ? 'safety' : 0;
  const chosen: Step | 'safety' = override && overrideStep !== null ? overrideStep : proposedChoice;
  const engineDue = ev.followUp?.followUp.date ?? outcome.followUp?.date ?? '';
  const chosenDue =
    override && overrideStep !== null
      ? (dueDateFor(pack.pathway, { kind: 'step', step: overrideStep, administer: [] }, now)?.date ?? engineDue)
      : engineDue;
  const due = dueEdited ?? chosenDue;
  const safetyReasons = outcome.reasons
    .filter((r) => r.kind === 'red-flag' || r.kind === 'safety-question')
    .map((r) => r.label[language]);
  const anonymous = draft.anonymous;

  function validate(): string[] {
    const problems: string[] = [];
    if (onSafety) {
      const action = pack?.pathway.safety.actions.find((a) => a.id === safety.action);
      if (!action) problems.push(t('errorSafetyAction'));
      else if (action.requiresNote && safety.note.trim() === '') problems.push(t('errorSafetyNote'));
    }
    if (override && overrideStep === null) problems.push(t('errorOverrideStep'));
    if (override && reason.trim() === '') problems.push(t('errorOverrideReason'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) problems.push(t('errorDueDate'));
    if (anonymous && alias.trim() === '') problems.push(t('errorAlias'));
    return problems;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !draft || !pack || !evaluation?.ok) return;
    const problems = validate();
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const session = vault.session();
      const clientId = anonymous
        ? (await createClient(session, { alias: alias.trim(), pathwayIds: [pack.id] })).id
        : draft.clientId;
      if (clientId === null) throw new Error('draft without client');
      const action = asSafetyAction(safety.action);
      dispose();
      await saveScreening(session, {
        pack,
        clientId,
        draftId: anonymous ? null : draft.id,
        data: draft.data,
        evaluation: evaluation.value,
        decision: {
          chosen,
          overrideReason: override ? reason.trim() : null,
          safety: onSafety && action ? { action, note: safety.note.trim() } : null,
          note: note.trim(),
          dueDate: due,
          now: Date.now(),
        },
        answeredFollowUp: previous?.followUp?.status === 'open' ? previous.followUp : null,
      });
      if (anonymous) writeAnonymous(null);
      navigate(`/clients/${clientId}`);
    } catch (e) {
      setErrors([t(storageMessageKey(toStorageError(e).code))]);
      setBusy(false);
    }
  }

  return (
    <section className="result narrow">
      <PageHeading>{t('resultTitle')}</PageHeading>
      <form onSubmit={save} noValidate>
        {rec.kind === 'safety' && (
          <SafetyPanel pack={pack} level={rec.level} reasons={safetyReasons} value={safety} onChange={setSafety} />
        )}
        <ScoreSection pack={pack} instrument={instrument} outcome={outcome} preScreens={draft.data.preScreens ?? []} />
        <RecommendationSection
          pack={pack}
          outcome={outcome}
          followUp={ev.followUp}
          previousTotal={previous?.previous?.total ?? null}
        />
        {ev.aid && <DecisionAidRows pack={pack} aid={ev.aid} />}
        {draft.data.pathwayId === 'relapse-prevention' && draft.clientId !== null && (
          <p>
            <Link to={`/clients/${draft.clientId}/plan`}>{t('planLink')}</Link>
          </p>
        )}
        <CardsSection pack={pack} step={chosen} />
        <ChecklistLinks packs={[pack]} />

        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('decisionHeading')}</h2>
          <fieldset className="field">
            <legend>{t('decisionLegend')}</legend>
            <div className="choice-column">
              <label className="choice">
                <input type="radio" name="decision" checked={!override} onChange={() => setOverride(false)} />
                {proposedChoice === 'safety'
                  ? t('followSafety')
                  : t('followProposal', { step: stepName(pack, proposedChoice, language) })}
              </label>
              <label className="choice">
                <input type="radio" name="decision" checked={override} onChange={() => setOverride(true)} />
                {t('overrideChoice')}
              </label>
            </div>
          </fieldset>
          {override && (
            <>
              <fieldset className="field">
                <legend>{t('overrideStepLegend')}</legend>
                <div className="choice-column">
                  {STEPS.map((s) => (
                    <label key={s} className="choice">
                      <input
                        type="radio"
                        name="override-step"
                        checked={overrideStep === s}
                        onChange={() => setOverrideStep(s)}
                      />
                      {t('stepLabel', { step: stepName(pack, s, language) })}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="text-field">
                <label htmlFor="override-reason">{t('overrideReason')}</label>
                <textarea
                  id="override-reason"
                  rows={3}
                  autoComplete="off"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
            </>
          )}
          <div className="text-field">
            <label htmlFor="follow-up-date">{t('followUpDate')}</label>
            <input
              id="follow-up-date"
              type="date"
              autoComplete="off"
              value={due}
              onChange={(e) => setDueEdited(e.target.value)}
              aria-describedby="follow-up-hint"
            />
            <p className="hint" id="follow-up-hint">
              {t('followUpHint')}
            </p>
          </div>
          <div className="text-field">
            <label htmlFor="decision-note">{t('noteLabel')}</label>
            <textarea
              id="decision-note"
              rows={3}
              autoComplete="off"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {anonymous && (
            <div className="anonymous-save">
              <p className="hint">{t(onSafety ? 'anonymousSafetyHint' : 'anonymousSaveHint')}</p>
              <div className="text-field">
                <label htmlFor="anonymous-alias">{t('aliasLabel')}</label>
                <input
                  id="anonymous-alias"
                  autoComplete="off"
                  value={alias}
                  onChange={(e) => setAlias(e.target.value)}
                />
              </div>
            </div>
          )}
          <FormErrors errors={errors} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {anonymous ? t('createClientAndSave') : t('save')}
            </button>
            {anonymous && (
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  writeAnonymous(null);
                  navigate('/');
                }}
              >
                {t('finishWithoutSaving')}
              </button>
            )}
          </div>
        </section>
      </form>
    </section>
  );
}
