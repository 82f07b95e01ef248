// The result of a screening, in the order that keeps people safe: (a) the urgent panel first, with
// only the safety level (its cards, routes and the pack's safety actions) and a required action;
// (b) total, band and every item score; (c) the recommended step with its reasons and sources, and on
// the safety path the underlying step's actions "na de veiligheidsbeoordeling"; (d) cards; then
// confirm or override (reason required), schedule the follow-up (the next day on the safety path,
// whatever step is chosen; a later day needs a reason), save.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { createClient, discardDraft, recordSafetyOutcome, toStorageError } from '../../db';
import {
  actionsAfterAssessment,
  checkFollowUpDate,
  checkSafetyAction,
  chosenAdvice,
  proposedFollowUpDate,
  type SafetySignal,
  type Step,
  safetyAdvice,
  signalsOf,
} from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { announceDraftCompleted, useDraftCompletedElsewhere } from '../../runtime/cross-tab/draft-completed';
import { useTextDraft } from '../../runtime/drafts/use-text-draft';
import { useVault } from '../../runtime/vault/runtime-context';
import { CharCount } from '../../ui/char-count';
import { describedBy, FieldError, type FieldProblem, focusFirstProblem } from '../../ui/field-errors';
import { FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { ChecklistLinks } from '../cards/checklist-links';
import { safetyMessages } from '../safety/messages';
import { SafetyActionFields, type SafetyChoice } from '../safety/safety-action-fields';
import { UrgentPanel } from '../safety/urgent-panel';
import { asSignals, recordSignals, useDraftSignals } from '../safety/use-safety-signals';
import { useConfirmedKeys } from '../settings';
import { ANONYMOUS_ID, writeAnonymous } from './anonymous-draft';
import { CardsSection } from './cards-section';
import { deviceTimeZone, localDate } from './dates';
import { DecisionAidRows } from './decision-aid-rows';
import { evaluateDraft, findInstrument } from './evaluate-draft';
import { screeningMessages } from './messages';
import { RecommendationSection, stepName } from './recommendation-section';
import { packSafetyAction, saveScreening } from './save-screening';
import { ScoreSection } from './score-section';
import { storageMessageKey } from './storage-message';
import { useDraft } from './use-draft';
import { usePreviousResult } from './use-previous-result';
import './screening.css';

const STEPS: readonly Step[] = [0, 1, 2, 3];

/** The signals on this result: those the answers raise now, and any still open from earlier entry. */
function union(current: readonly SafetySignal[], open: readonly SafetySignal[]): SafetySignal[] {
  return [...current, ...open.filter((o) => !current.some((c) => c.id === o.id))];
}

export function ResultPage() {
  const vault = useVault();
  const t = useMessages(screeningMessages);
  const ts = useMessages(safetyMessages);
  const language = useLanguage();
  const navigate = useNavigate();
  const { draftId = '' } = useParams();
  const { state, dispose } = useDraft(draftId);
  const draft = state.kind === 'ready' ? state.draft : null;
  const pack = useActivePack(draft?.data.pathwayId);
  const previous = usePreviousResult(draft?.data ?? null);
  const openRecords = useDraftSignals(draft && draftId !== ANONYMOUS_ID ? draftId : null);
  const [now] = useState(() => Date.now());
  const [timeZone] = useState(deviceTimeZone);
  const confirmedKeys = useConfirmedKeys();

  const [safety, setSafety] = useState<SafetyChoice>({ action: null, note: '' });
  const [override, setOverride] = useState(false);
  const [overrideStep, setOverrideStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [dueEdited, setDueEdited] = useState<string | null>(null);
  const [dueReason, setDueReason] = useState('');
  const [beyondConfirmed, setBeyondConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const [alias, setAlias] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const completedElsewhere = useDraftCompletedElsewhere(draftId);
  // The free text of this page (override reason, safety note, follow-up reason, note) is kept as an
  // encrypted draft until the save: a lock, leaving the page or a crash cannot lose it (issue 18). An
  // anonymous screening stores nothing, so neither does its text.
  const keepsText = draft !== null && draftId !== ANONYMOUS_ID;
  const texts = useTextDraft(keepsText ? `result:${draftId}` : null, draft?.clientId ?? null);
  const textsApplied = useRef(false);
  useEffect(() => {
    if (texts.restored === undefined || textsApplied.current || !keepsText) return;
    textsApplied.current = true;
    const kept = texts.restored;
    if (kept === null) return;
    if (kept.reason) setReason(kept.reason);
    if (kept.dueReason) setDueReason(kept.dueReason);
    if (kept.note) setNote(kept.note);
    const safetyNote = kept.safetyNote;
    if (safetyNote) setSafety((s) => ({ ...s, note: safetyNote }));
  }, [texts.restored, keepsText]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the four texts are what is kept
  useEffect(() => {
    if (textsApplied.current) texts.set({ reason, dueReason, note, safetyNote: safety.note });
  }, [reason, dueReason, note, safety.note]);

  const evaluation = useMemo(() => {
    if (!draft || !pack || previous === undefined || confirmedKeys === undefined) return null;
    return evaluateDraft(pack, draft.data, previous.previous, now, confirmedKeys, timeZone);
  }, [draft, pack, previous, now, confirmedKeys, timeZone]);

  // The runner stores a signal as it is entered; this also covers a draft that reached its result
  // another way (an older version, another device): the result's signals are stored before anything.
  const resultSignals = evaluation?.ok && pack ? signalsOf(pack, evaluation.value.outcome) : [];
  const resultKey = resultSignals.map((s) => s.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: resultKey stands for the signals
  useEffect(() => {
    if (!draft || !pack || draftId === ANONYMOUS_ID || resultSignals.length === 0) return;
    recordSignals(vault.session(), {
      draftId,
      clientId: draft.clientId,
      pathwayId: pack.id,
      signals: resultSignals,
      handedToClient: draft.data.handedToClient === true,
    }).catch((e) => setErrors([t(storageMessageKey(toStorageError(e).code))]));
  }, [resultKey, draftId, pack]);

  if (state.kind === 'missing') {
    return (
      <section>
        <PageHeading>{t('draftMissingTitle')}</PageHeading>
        <p>{t('draftMissing')}</p>
      </section>
    );
  }
  if (!draft || !pack || evaluation === null || openRecords === undefined) {
    return (
      <section>
        <PageHeading>{t('resultTitle')}</PageHeading>
        <p className="hint">{t('loading')}</p>
      </section>
    );
  }
  const instrument = findInstrument(pack, draft.data.instrumentId);
  const proposedChoice = evaluation.ok ? evaluation.value.proposal.choice : null;
  if (!evaluation.ok || instrument === undefined || proposedChoice === null) {
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
  const current = signalsOf(pack, outcome);
  const openSignals = asSignals(openRecords);
  const shown = union(current, openSignals);
  const advice = safetyAdvice(pack, shown);
  // A signal raised while entering that the corrected answers no longer raise: "invoer gecorrigeerd".
  const corrected = !onSafety && advice !== null;
  const chosen: Step | 'safety' = override && overrideStep !== null ? overrideStep : proposedChoice;
  const zoned = { epochMs: now, timeZone };
  const proposedDue = proposedFollowUpDate({ pathway: pack.pathway, safety: onSafety, chosen, now: zoned });
  const due = dueEdited ?? proposedDue.date;
  const dueProblem = checkFollowUpDate({
    pathway: pack.pathway,
    safety: onSafety,
    chosen,
    now: zoned,
    date: due,
    reason: dueReason,
    confirmedBeyondMaximum: beyondConfirmed,
  });
  const laterThanSafety = onSafety && /^\d{4}-\d{2}-\d{2}$/.test(due) && due > proposedDue.date;
  const beyondMaximum = /^\d{4}-\d{2}-\d{2}$/.test(due) && due > proposedDue.latest;
  const after = actionsAfterAssessment(pack, outcome);
  const anonymous = draft.anonymous;
  const stored = draftId !== ANONYMOUS_ID;

  // In the order of the page, each at its field (issue 18), so focus lands on the highest one.
  function validate(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (advice !== null && pack) {
      const problem = checkSafetyAction({
        pack,
        open: shown,
        stillRaised: current,
        actionId: safety.action,
        note: safety.note,
      });
      if (problem !== null) problems.push({ field: 'safety-action', message: ts(`problem.${problem}`) });
    }
    if (override && overrideStep === null) problems.push({ field: 'override-step', message: t('errorOverrideStep') });
    if (override && reason.trim() === '')
      problems.push({ field: 'override-reason', message: t('errorOverrideReason') });
    if (dueProblem !== null) problems.push({ field: 'follow-up-date', message: t(`errorDue.${dueProblem}`) });
    if (anonymous && alias.trim() === '') problems.push({ field: 'anonymous-alias', message: t('errorAlias') });
    return problems;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !draft || !pack || !evaluation?.ok) return;
    const problems = validate();
    setProblems(problems);
    setErrors([]);
    if (problems.length > 0) {
      focusFirstProblem(problems);
      return;
    }
    setBusy(true);
    try {
      const session = vault.session();
      const clientId = anonymous
        ? (await createClient(session, { alias: alias.trim(), pathwayIds: [pack.id] })).id
        : draft.clientId;
      if (clientId === null) throw new Error('draft without client');
      const action = advice !== null ? packSafetyAction(pack, safety.action) : null;
      // The signals this result raised are stored by an effect on mount; a quick "Opslaan" can come
      // before that write (or the live list) has landed. Store them now (idempotent) and name them
      // here, so the action is always appended to every signal of this screening (R46).
      const raised =
        stored && resultSignals.length > 0
          ? await recordSignals(session, {
              draftId: draft.id,
              clientId: draft.clientId,
              pathwayId: pack.id,
              signals: resultSignals,
              handedToClient: draft.data.handedToClient === true,
            })
          : [];
      dispose();
      await saveScreening(session, {
        pack,
        clientId,
        draftId: stored ? draft.id : null,
        data: draft.data,
        evaluation: evaluation.value,
        decision: {
          chosen,
          overrideReason: override ? reason.trim() : null,
          safety: action ? { action: action.id, label: action.label, note: safety.note.trim() } : null,
          note: note.trim(),
          dueDate: due,
          followUpReason: laterThanSafety ? dueReason.trim() : '',
          now: Date.now(),
        },
        answeredFollowUp: previous?.followUp?.state === 'open' ? previous.followUp : null,
        openSignalIds: [...new Set([...(openRecords?.map((r) => r.id) ?? []), ...raised])],
      });
      if (!stored) writeAnonymous(null);
      else announceDraftCompleted(draft.id);
      await texts.clear();
      navigate(`/clients/${clientId}`);
    } catch (e) {
      setErrors([t(storageMessageKey(toStorageError(e).code))]);
      setBusy(false);
    }
  }

  async function discard() {
    if (advice === null || openRecords === undefined) {
      writeAnonymous(null);
      navigate('/');
      return;
    }
    try {
      const session = vault.session();
      if (openRecords.length > 0) {
        await recordSafetyOutcome(
          session,
          openRecords.map((r) => ({ signalId: r.id })),
          null,
          { kind: 'discarded', what: shown.map((s) => s.label.nl).join('; '), at: new Date().toISOString() },
        );
      }
      dispose();
      if (stored) await discardDraft(session, draft?.id ?? '');
      await texts.clear();
      writeAnonymous(null);
      navigate('/');
    } catch (e) {
      setErrors([t(storageMessageKey(toStorageError(e).code))]);
    }
  }

  return (
    <section className="result narrow">
      <PageHeading>{t('resultTitle')}</PageHeading>
      <form onSubmit={save} noValidate>
        {advice !== null && (
          <UrgentPanel pack={pack} advice={advice} id="safety">
            {corrected && <p className="hint">{t('signalCorrectedHint')}</p>}
            <div id="safety-action">
              <FieldError problems={problems} field="safety-action" />
              <SafetyActionFields actions={advice.actions} value={safety} onChange={setSafety} />
            </div>
          </UrgentPanel>
        )}
        <ScoreSection pack={pack} instrument={instrument} outcome={outcome} preScreens={draft.data.preScreens ?? []} />
        {/* Version and licence detail is for checking, not for the decision: folded (issue 18). */}
        <details className="about-fold">
          <summary>{t('aboutResult')}</summary>
          <p className="hint">{t('aboutContent', { pack: pack.title[language], version: pack.contentVersion })}</p>
          <p className="hint">{instrument.licence.note[language]}</p>
        </details>
        <RecommendationSection
          pack={pack}
          outcome={outcome}
          followUp={ev.followUp}
          proposal={ev.proposal}
          previousTotal={previous?.previous?.total ?? null}
        />
        {after !== null && (
          <section aria-labelledby="after-assessment-heading">
            <h2 id="after-assessment-heading">{t('afterAssessmentHeading')}</h2>
            <p className="hint">{t('underlyingStep', { step: stepName(pack, after.step, language) })}</p>
            <ul className="plain-list">
              {after.actions.map((a) => (
                <li key={a.nl}>{a[language]}</li>
              ))}
            </ul>
          </section>
        )}
        {ev.aid && <DecisionAidRows pack={pack} aid={ev.aid} />}
        {draft.data.pathwayId === 'relapse-prevention' && draft.clientId !== null && (
          <p>
            <Link to={`/clients/${draft.clientId}/plan`}>{t('planLink')}</Link>
          </p>
        )}
        <CardsSection pack={pack} cardIds={chosenAdvice(pack, ev.proposal, chosen)?.cardIds ?? []} />
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
              <fieldset className="field" id="override-step" {...describedBy(problems, 'override-step')}>
                <legend>{t('overrideStepLegend')}</legend>
                <FieldError problems={problems} field="override-step" />
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
                  maxLength={TEXT_LIMITS.reason}
                  {...describedBy(problems, 'override-reason', 'override-reason-count')}
                  id="override-reason"
                  rows={3}
                  autoComplete="off"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <CharCount id="override-reason-count" value={reason} kind="reason" />
                <FieldError problems={problems} field="override-reason" />
              </div>
            </>
          )}
          <div className="text-field">
            <label htmlFor="follow-up-date">{t('followUpDate')}</label>
            <input
              id="follow-up-date"
              type="date"
              autoComplete="off"
              min={localDate(now)}
              value={due}
              onChange={(e) => setDueEdited(e.target.value)}
              {...describedBy(problems, 'follow-up-date', 'follow-up-hint')}
            />
            <FieldError problems={problems} field="follow-up-date" />
            <p className="hint" id="follow-up-hint">
              {onSafety ? t('followUpSafetyHint') : t('followUpHint')}
            </p>
          </div>
          {laterThanSafety && (
            <div className="text-field">
              <label htmlFor="follow-up-reason">{t('followUpLaterReason')}</label>
              <textarea
                id="follow-up-reason"
                rows={2}
                autoComplete="off"
                value={dueReason}
                onChange={(e) => setDueReason(e.target.value)}
              />
            </div>
          )}
          {beyondMaximum && (
            <label className="choice">
              <input type="checkbox" checked={beyondConfirmed} onChange={(e) => setBeyondConfirmed(e.target.checked)} />
              <span>{t('followUpBeyondConfirm')}</span>
            </label>
          )}
          <div className="text-field">
            <label htmlFor="decision-note">{t('noteLabel')}</label>
            <textarea
              maxLength={TEXT_LIMITS.note}
              aria-describedby="decision-note-count"
              id="decision-note"
              rows={3}
              autoComplete="off"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <CharCount id="decision-note-count" value={note} kind="note" />
          </div>
          {anonymous && (
            <div className="anonymous-save">
              <p className="hint">{t(advice !== null ? 'anonymousSafetyHint' : 'anonymousSaveHint')}</p>
              <div className="text-field">
                <label htmlFor="anonymous-alias">{t('aliasLabel')}</label>
                <input
                  maxLength={TEXT_LIMITS.alias}
                  {...describedBy(problems, 'anonymous-alias', 'anonymous-alias-count')}
                  id="anonymous-alias"
                  autoComplete="off"
                  value={alias}
                  onChange={(e) => setAlias(e.target.value)}
                />
                <CharCount id="anonymous-alias-count" value={alias} kind="alias" />
                <FieldError problems={problems} field="anonymous-alias" />
              </div>
            </div>
          )}
          {completedElsewhere && (
            <p className="form-errors" role="alert">
              {t('errorAlreadyCompleted')}
            </p>
          )}
          <FormErrors errors={errors} />
          {confirmDiscard && advice !== null && (
            <div className="warning-box" role="alert">
              <p>
                {t('discardSafetyWarning', {
                  signals: shown.map((s) => s.label[language]).join('; '),
                  total: outcome.score.total,
                })}
              </p>
              <div className="button-row">
                <button type="button" className="button danger" onClick={() => void discard()}>
                  {t('discardSafetyConfirm')}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirmDiscard(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="button" disabled={busy || completedElsewhere}>
              {anonymous ? t('createClientAndSave') : t('save')}
            </button>
            {anonymous && (
              <button
                type="button"
                className="button secondary"
                onClick={() => (advice !== null ? setConfirmDiscard(true) : void discard())}
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
