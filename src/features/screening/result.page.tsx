// The result of a screening, in the order that keeps people safe and leads with the decision (issue 18):
// (a) the urgent panel first, with only the safety level (its cards, routes and the pack's safety
// actions) and a required action; (b) total and band; (c) the proposed step with its own actions, and
// on the safety path the underlying step's actions "na de veiligheidsbeoordeling"; (d) the decision —
// confirm or override (reason required), the follow-up (the next day on the safety path, whatever step
// is chosen; a later day needs a reason) — and the save, within the first phone screen when there is
// no safety signal; then, folded or below: why (reasons and sources), the decision aid, cards, the
// item scores and the content's version and licence.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
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
import { useVault } from '../../runtime/vault/runtime-context';
import { FieldError, type FieldProblem, focusFirstProblem } from '../../ui/field-errors';
import { PageHeading } from '../../ui/page-heading';
import { ChecklistLinks } from '../cards/checklist-links';
import { safetyMessages } from '../safety/messages';
import { SafetyActionFields, type SafetyChoice } from '../safety/safety-action-fields';
import { UrgentPanel } from '../safety/urgent-panel';
import { asSignals, recordSignals, useDraftSignals } from '../safety/use-safety-signals';
import { useConfirmedKeys } from '../settings';
import { AfterAssessmentSection } from './after-assessment-section';
import { ANONYMOUS_ID, writeAnonymous } from './anonymous-draft';
import { CardsSection } from './cards-section';
import { deviceTimeZone } from './dates';
import { DecisionAidRows } from './decision-aid-rows';
import { DecisionFields, type DecisionInput, NO_DECISION } from './decision-fields';
import { evaluateDraft, findInstrument } from './evaluate-draft';
import { ItemScoresFold } from './item-scores-fold';
import { screeningMessages } from './messages';
import { ReasonsFold } from './reasons-fold';
import { RecommendationSection } from './recommendation-section';
import { ResultFailed, ResultLoading, ResultMissing } from './result-states';
import { SaveRow } from './save-row';
import { packSafetyAction, saveScreening } from './save-screening';
import { ScoreSection } from './score-section';
import { storageMessageKey } from './storage-message';
import { useDraft } from './use-draft';
import { usePreviousResult } from './use-previous-result';
import { useResultTexts } from './use-result-texts';
import './screening.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const [d, setDecision] = useState<DecisionInput>(NO_DECISION);
  const patch = (p: Partial<DecisionInput>) => setDecision((x) => ({ ...x, ...p }));
  const [errors, setErrors] = useState<string[]>([]);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const completedElsewhere = useDraftCompletedElsewhere(draftId);
  const keepsText = draft !== null && draftId !== ANONYMOUS_ID;
  const texts = useResultTexts(
    keepsText ? `result:${draftId}` : null,
    draft?.clientId ?? null,
    { reason: d.reason, dueReason: d.dueReason, note: d.note, safetyNote: safety.note },
    (kept) => {
      setDecision((x) => ({
        ...x,
        reason: kept.reason || x.reason,
        dueReason: kept.dueReason || x.dueReason,
        note: kept.note || x.note,
      }));
      const safetyNote = kept.safetyNote;
      if (safetyNote) setSafety((s) => ({ ...s, note: safetyNote }));
    },
  );

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

  if (state.kind === 'missing') return <ResultMissing />;
  if (!draft || !pack || evaluation === null || openRecords === undefined) return <ResultLoading />;
  const instrument = findInstrument(pack, draft.data.instrumentId);
  const proposedChoice = evaluation.ok ? evaluation.value.proposal.choice : null;
  if (!evaluation.ok || instrument === undefined || proposedChoice === null) return <ResultFailed draftId={draftId} />;
  const ev = evaluation.value;
  const { outcome } = ev;
  const onSafety = outcome.recommendation.kind === 'safety';
  const current = signalsOf(pack, outcome);
  const shown = union(current, asSignals(openRecords));
  const advice = safetyAdvice(pack, shown);
  // A signal raised while entering that the corrected answers no longer raise: "invoer gecorrigeerd".
  const corrected = !onSafety && advice !== null;
  const chosen: Step | 'safety' = d.override && d.overrideStep !== null ? d.overrideStep : proposedChoice;
  const zoned = { epochMs: now, timeZone };
  const proposedDue = proposedFollowUpDate({ pathway: pack.pathway, safety: onSafety, chosen, now: zoned });
  const due = d.dueEdited ?? proposedDue.date;
  const dueProblem = checkFollowUpDate({
    pathway: pack.pathway,
    safety: onSafety,
    chosen,
    now: zoned,
    date: due,
    reason: d.dueReason,
    confirmedBeyondMaximum: d.beyondConfirmed,
  });
  const laterThanSafety = onSafety && DATE.test(due) && due > proposedDue.date;
  const beyondMaximum = DATE.test(due) && due > proposedDue.latest;
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
    if (d.override && d.overrideStep === null)
      problems.push({ field: 'override-step', message: t('errorOverrideStep') });
    if (d.override && d.reason.trim() === '')
      problems.push({ field: 'override-reason', message: t('errorOverrideReason') });
    if (dueProblem !== null) problems.push({ field: 'follow-up-date', message: t(`errorDue.${dueProblem}`) });
    if (anonymous && d.alias.trim() === '') problems.push({ field: 'anonymous-alias', message: t('errorAlias') });
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
        ? (await createClient(session, { alias: d.alias.trim(), pathwayIds: [pack.id] })).id
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
          overrideReason: d.override ? d.reason.trim() : null,
          safety: action ? { action: action.id, label: action.label, note: safety.note.trim() } : null,
          note: d.note.trim(),
          dueDate: due,
          followUpReason: laterThanSafety ? d.dueReason.trim() : '',
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
        <RecommendationSection
          pack={pack}
          outcome={outcome}
          followUp={ev.followUp}
          proposal={ev.proposal}
          previousTotal={previous?.previous?.total ?? null}
        />
        {after !== null && <AfterAssessmentSection pack={pack} step={after.step} actions={after.actions} />}
        {/* Named, not headed: the proposal's heading above leads into it, and the first screen is short. */}
        <section aria-label={t('decisionHeading')} className="decision">
          <DecisionFields
            pack={pack}
            proposed={proposedChoice}
            value={d}
            onChange={patch}
            problems={problems}
            now={now}
            due={due}
            onSafety={onSafety}
            laterThanSafety={laterThanSafety}
            beyondMaximum={beyondMaximum}
            anonymous={anonymous}
            safetyRaised={advice !== null}
          />
          <SaveRow
            errors={errors}
            busy={busy}
            completedElsewhere={completedElsewhere}
            anonymous={anonymous}
            discardWarning={
              confirmDiscard && advice !== null
                ? { signals: shown.map((s) => s.label[language]).join('; '), total: outcome.score.total }
                : null
            }
            onAskDiscard={() => (advice !== null ? setConfirmDiscard(true) : void discard())}
            onDiscard={() => void discard()}
            onCancelDiscard={() => setConfirmDiscard(false)}
          />
        </section>
        <ReasonsFold pack={pack} outcome={outcome} followUp={ev.followUp} proposal={ev.proposal} />
        {ev.aid && <DecisionAidRows pack={pack} aid={ev.aid} />}
        {draft.data.pathwayId === 'relapse-prevention' && draft.clientId !== null && (
          <p>
            <Link to={`/clients/${draft.clientId}/plan`}>{t('planLink')}</Link>
          </p>
        )}
        <CardsSection pack={pack} cardIds={chosenAdvice(pack, ev.proposal, chosen)?.cardIds ?? []} />
        <ChecklistLinks packs={[pack]} />
        <ItemScoresFold instrument={instrument} outcome={outcome} />
        {/* Version and licence detail is for checking, not for the decision: folded (issue 18). */}
        <details className="about-fold">
          <summary>{t('aboutResult')}</summary>
          <p className="hint">{t('aboutContent', { pack: pack.title[language], version: pack.contentVersion })}</p>
          <p className="hint">{instrument.licence.note[language]}</p>
        </details>
      </form>
    </section>
  );
}
