// Start of a screening: pathway (from the profile's roles), client (existing, new alias, or a quick
// anonymous screening that stores nothing), instrument, context and the pathway's questions.
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { createClient, type DraftPayload, saveDraft, toStorageError } from '../../db';
import {
  type CarriedContext,
  type ContentPack,
  detectSafetySignals,
  PATHWAY_IDS,
  type PathwayId,
  type ScreeningContext,
  safetyAdvice,
} from '../../domain';
import { formatDate } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { CharCount } from '../../ui/char-count';
import { describedBy, FieldError, type FieldProblem, focusFirstProblem } from '../../ui/field-errors';
import { FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { UrgentPanel } from '../safety/urgent-panel';
import { linkDraftSignals, recordSignals } from '../safety/use-safety-signals';
import { ANONYMOUS_ID, writeAnonymous } from './anonymous-draft';
import { carriedStart } from './carried-start';
import { type ContextDraft, ContextFields, contextError, EMPTY_CONTEXT, toContext, toDraft } from './context-fields';
import { localDate } from './dates';
import { screeningMessages } from './messages';
import { PathwayQuestions } from './pathway-questions';
import { EMPTY_INTAKE, type IntakeDraft, RelapseIntakeFields, toIntake, toIntakeDraft } from './relapse-intake';
import { storageMessageKey } from './storage-message';
import { markOpened } from './use-draft';
import { useProfilePathways } from './use-profile-pathways';
import { useClients, useFollowUpStart, useLastInstrument, useOpenFollowUps } from './use-start-data';
import './screening.css';

type Who = { kind: 'existing'; clientId: string } | { kind: 'new' } | { kind: 'anonymous' } | { kind: 'none' };

function asPathwayId(value: string | null): PathwayId | null {
  return PATHWAY_IDS.find((id) => id === value) ?? null;
}

/** ?quick=1 (home: quick anonymous screening) or ?client=<id> (client page: screen this client). */
function initialWho(params: URLSearchParams): Who {
  if (params.get('quick') === '1') return { kind: 'anonymous' };
  const clientId = params.get('client');
  return clientId ? { kind: 'existing', clientId } : { kind: 'none' };
}

export function ScreeningPage() {
  const vault = useVault();
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const followUpId = params.get('followUp');
  const followUpStart = useFollowUpStart(followUpId);
  const packs = useActivePacks();
  const pathways = useProfilePathways();
  const clients = useClients();
  const [now] = useState(() => Date.now());

  // Home links "start a screening" per pathway as ?pathway=<id>; the client page adds &client=<id>.
  const [pathwayChoice, setPathway] = useState<PathwayId | null>(() => asPathwayId(params.get('pathway')));
  const [instrumentChoice, setInstrument] = useState<string | null>(null);
  // The home screen links "snelle anonieme screening" here as ?quick=1.
  const [who, setWho] = useState<Who>(() => initialWho(params));
  const [alias, setAlias] = useState('');
  const [context, setContext] = useState<ContextDraft>(EMPTY_CONTEXT);
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const [intake, setIntake] = useState<IntakeDraft>(EMPTY_INTAKE);
  const [carried, setCarried] = useState<{
    ids: ReadonlySet<string>;
    context: CarriedContext;
    earlier: ScreeningContext;
    date: string;
  } | null>(null);
  const [linkFollowUp, setLinkFollowUp] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  // Named now, so a safety signal raised on this screen belongs to the draft it will start.
  const [draftId] = useState(() => crypto.randomUUID());

  const fromFollowUp = followUpStart?.followUp ?? null;
  const onlyPathway = pathways?.length === 1 ? pathways[0] : undefined;
  const pathwayId = (fromFollowUp?.pathwayId as PathwayId | undefined) ?? pathwayChoice ?? onlyPathway ?? null;
  const pack: ContentPack | undefined = packs?.find((p) => p.id === pathwayId);
  const whoNow: Who = fromFollowUp ? { kind: 'existing', clientId: fromFollowUp.clientId } : who;
  const clientId = whoNow.kind === 'existing' ? whoNow.clientId : null;
  const openFollowUps = useOpenFollowUps(fromFollowUp ? null : clientId).filter((f) => f.pathwayId === pathwayId);
  const linked = fromFollowUp ?? openFollowUps.find((f) => f.id === linkFollowUp) ?? null;
  const lastInstrument = useLastInstrument(clientId, pathwayId);
  const offered = (id: string | null) => (id !== null && pack?.pathway.instruments.includes(id) ? id : null);
  const instrumentId =
    linked?.data.instrumentId ?? instrumentChoice ?? offered(lastInstrument) ?? pack?.pathway.instruments[0] ?? null;
  const signals = pack ? detectSafetySignals({ pack, instrumentIds: [], answers: {}, flags }) : [];
  const advice = pack ? safetyAdvice(pack, signals) : null;
  const signalKey = signals.map((s) => s.id).join(',');

  // A yes to a safety question is stored the moment it is given (R46), before the screening starts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: signalKey stands for the signals
  useEffect(() => {
    if (!pack || signals.length === 0) return;
    recordSignals(vault.session(), {
      draftId,
      clientId,
      pathwayId: pack.id,
      signals,
      handedToClient: false,
    }).catch((e) => setErrors([t(storageMessageKey(toStorageError(e).code))]));
  }, [signalKey, pack, draftId, clientId]);

  // At a follow-up the earlier screening's context (moved on to today), persistent answers and intake
  // are shown for confirmation; transient questions start unanswered (CONTENT.md §3a).
  const linkedStart = useFollowUpStart(fromFollowUp === null && linked !== null ? linked.id : null);
  const startScreening = followUpStart?.screening ?? linkedStart?.screening;
  useEffect(() => {
    if (!startScreening || !pack) {
      setCarried(null);
      return;
    }
    const start = carriedStart(pack.pathway, startScreening.data, now);
    setContext(toDraft(start.context.context));
    setFlags(start.flags);
    if (start.intake) setIntake(toIntakeDraft(start.intake));
    setCarried({
      ids: new Set(Object.keys(start.flags)),
      context: start.context,
      earlier: startScreening.data.context,
      date: formatDate(startScreening.data.outcome.evaluatedAt, language),
    });
  }, [startScreening, pack, now, language]);

  if (packs === undefined || pathways === undefined || clients === undefined || followUpStart === undefined) {
    return (
      <section>
        <PageHeading>{t('startTitle')}</PageHeading>
        <p className="hint">{t('loading')}</p>
      </section>
    );
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // In the order of the form, so the first problem is the one highest on the screen.
    const problems: FieldProblem[] = [];
    if (pack === undefined || pathwayId === null) problems.push({ field: 'start-pathway', message: t('errorPathway') });
    if (whoNow.kind === 'none') problems.push({ field: 'start-client', message: t('errorClient') });
    if (whoNow.kind === 'new' && alias.trim() === '')
      problems.push({ field: 'client-alias', message: t('errorAlias') });
    const ctxProblem = pack ? contextError(pack.pathway.context, context) : null;
    if (ctxProblem !== null) problems.push({ field: 'start-context', message: t(ctxProblem) });
    const unanswered = (pack?.pathway.questions ?? []).filter(
      (q) => q.effect.kind === 'safety' && flags[q.id] === undefined,
    );
    if (unanswered.length > 0)
      problems.push({
        field: 'start-questions',
        message: unanswered.map((q) => t('errorSafetyQuestion', { question: q.question[language] })).join(' '),
      });
    const relapseIntake = toIntake(intake);
    if (pathwayId === 'relapse-prevention' && relapseIntake === null)
      problems.push({ field: 'start-intake', message: t('errorIntake') });
    setProblems(problems);
    setErrors([]);
    if (problems.length > 0) {
      focusFirstProblem(problems);
      return;
    }
    if (pack === undefined || pathwayId === null || instrumentId === null) return;
    const data: DraftPayload = {
      pathwayId,
      instrumentId,
      answers: {},
      context: toContext(pack.pathway.context, context),
      flags,
      position: 0,
      ...(linked ? { followUpId: linked.id, previousScreeningId: linked.data.screeningId } : {}),
      ...(pathwayId === 'relapse-prevention' && relapseIntake !== null ? { intake: relapseIntake } : {}),
    };
    // An anonymous screening with a safety signal is kept (encrypted) from the start: R46.
    if (whoNow.kind === 'anonymous' && signals.length === 0) {
      writeAnonymous(data);
      navigate(`/screening/${ANONYMOUS_ID}`);
      return;
    }
    setBusy(true);
    try {
      const session = vault.session();
      const owner =
        whoNow.kind === 'new'
          ? (await createClient(session, { alias: alias.trim(), pathwayIds: [pathwayId] })).id
          : clientId;
      // A "Ja" given before the client was chosen or created was stored without her: link it now.
      if (owner !== null) await linkDraftSignals(session, draftId, owner);
      const draft = await saveDraft(session, { id: draftId, clientId: owner, data });
      markOpened(draft.id);
      navigate(`/screening/${draft.id}`);
    } catch (e) {
      setErrors([t(storageMessageKey(toStorageError(e).code))]);
      setBusy(false);
    }
  }

  const clientAlias = (id: string) => clients.find((c) => c.id === id)?.data.alias ?? t('unknownClient');
  const today = localDate(now);

  return (
    <section className="narrow">
      <PageHeading>{t('startTitle')}</PageHeading>
      <p className="lead">{t('startIntro')}</p>
      {fromFollowUp && (
        <p className="notice" role="status">
          {t('followUpStart', {
            alias: clientAlias(fromFollowUp.clientId),
            date: formatDate(fromFollowUp.dueDate, language),
          })}
        </p>
      )}
      {followUpId !== null && followUpStart === null && <p className="form-errors">{t('followUpMissing')}</p>}
      <form onSubmit={start} noValidate>
        <FormErrors errors={errors} />
        {!fromFollowUp && (
          <fieldset className="field" id="start-pathway" {...describedBy(problems, 'start-pathway')}>
            <legend>{t('pathwayLegend')}</legend>
            <FieldError problems={problems} field="start-pathway" />
            {pathways.length === 0 && <p className="hint">{t('noPathways')}</p>}
            <div className="choice-column">
              {pathways.map((id) => {
                const p = packs.find((x) => x.id === id);
                return (
                  <label key={id} className="choice">
                    <input
                      type="radio"
                      name="pathway"
                      checked={pathwayId === id}
                      onChange={() => {
                        setPathway(id);
                        setInstrument(null);
                        setFlags({});
                        setLinkFollowUp(null);
                      }}
                    />
                    {p ? p.pathway.name[language] : id}
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}

        {!fromFollowUp && (
          <fieldset className="field" id="start-client" {...describedBy(problems, 'start-client', 'start-client-hint')}>
            <legend>{t('clientLegend')}</legend>
            <p className="hint" id="start-client-hint">
              {t('clientHint')}
            </p>
            <FieldError problems={problems} field="start-client" />
            <div className="choice-column">
              {clients.map((c) => (
                <label key={c.id} className="choice">
                  <input
                    type="radio"
                    name="client"
                    checked={whoNow.kind === 'existing' && whoNow.clientId === c.id}
                    onChange={() => {
                      setWho({ kind: 'existing', clientId: c.id });
                      setLinkFollowUp(null);
                    }}
                  />
                  {c.data.alias}
                </label>
              ))}
              <label className="choice">
                <input
                  type="radio"
                  name="client"
                  checked={whoNow.kind === 'new'}
                  onChange={() => setWho({ kind: 'new' })}
                />
                {t('clientNew')}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="client"
                  checked={whoNow.kind === 'anonymous'}
                  onChange={() => setWho({ kind: 'anonymous' })}
                />
                {t('clientAnonymous')}
              </label>
            </div>
            {whoNow.kind === 'new' && (
              <div className="text-field spaced">
                <label htmlFor="client-alias">{t('aliasLabel')}</label>
                <input
                  maxLength={TEXT_LIMITS.alias}
                  id="client-alias"
                  autoComplete="off"
                  value={alias}
                  onChange={(e) => setAlias(e.target.value)}
                  {...describedBy(problems, 'client-alias', 'alias-hint')}
                />
                <CharCount id="client-alias-count" value={alias} kind="alias" />
                <FieldError problems={problems} field="client-alias" />
                <p className="hint" id="alias-hint">
                  {t('aliasHint')}
                </p>
              </div>
            )}
            {whoNow.kind === 'anonymous' && <p className="hint">{t('anonymousHint')}</p>}
          </fieldset>
        )}

        {openFollowUps.length > 0 && (
          <fieldset className="field">
            <legend>{t('linkFollowUpLegend')}</legend>
            <div className="choice-column">
              <label className="choice">
                <input
                  type="radio"
                  name="link-follow-up"
                  checked={linked === null}
                  onChange={() => setLinkFollowUp(null)}
                />
                {t('linkFollowUpNone')}
              </label>
              {openFollowUps.map((f) => (
                <label key={f.id} className="choice">
                  <input
                    type="radio"
                    name="link-follow-up"
                    checked={linked?.id === f.id}
                    onChange={() => setLinkFollowUp(f.id)}
                  />
                  {t(f.dueDate <= today ? 'linkFollowUpDue' : 'linkFollowUpPlanned', {
                    date: formatDate(f.dueDate, language),
                  })}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {pack && linked === null && pack.pathway.instruments.length > 1 && (
          <fieldset className="field">
            <legend>{t('instrumentLegend')}</legend>
            <div className="choice-column">
              {pack.pathway.instruments.map((id) => {
                const instrument = pack.instruments.find((i) => i.id === id);
                return (
                  <label key={id} className="choice">
                    <input
                      type="radio"
                      name="instrument"
                      checked={instrumentId === id}
                      onChange={() => setInstrument(id)}
                    />
                    {instrument ? instrument.name[language] : id}
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}

        {pack && pack.pathway.context === 'perinatal' && (
          <div id="start-context">
            <FieldError problems={problems} field="start-context" />
            <ContextFields
              value={context}
              onChange={setContext}
              askBirth={carried?.context.askBirth === true}
              {...(carried
                ? { carried: { earlier: carried.earlier, now: carried.context.context, date: carried.date } }
                : {})}
            />
          </div>
        )}
        {pack && (
          <div id="start-questions">
            <FieldError problems={problems} field="start-questions" />
            <PathwayQuestions
              pathway={pack.pathway}
              flags={flags}
              onAnswer={(id, value) => setFlags((f) => ({ ...f, [id]: value }))}
              {...(carried ? { carried: carried.ids } : {})}
              afterSafety={advice && <UrgentPanel pack={pack} advice={advice} id="start-urgent" />}
            />
          </div>
        )}
        {pack && pathwayId === 'relapse-prevention' && (
          <div id="start-intake">
            <FieldError problems={problems} field="start-intake" />
            <RelapseIntakeFields pack={pack} intake={intake} onChange={setIntake} now={now} />
          </div>
        )}

        <div className="button-row spaced">
          <button type="submit" className="button" disabled={busy}>
            {t('startButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
