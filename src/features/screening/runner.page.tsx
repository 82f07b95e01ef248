// The screening runner: the instrument in its own presentation (full text or score entry), every
// answer autosaved, resumed at the same question after a reload or crash. The engine decides what
// comes next (e.g. Whooley positive → EPDS); this screen only follows it. A safety signal (a red-flag
// item as soon as it is entered, or a yes at the start) is stored at once and opens the urgent panel
// before the next question — not while the client holds the device: the professional sees it first
// when the device comes back.
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { type DraftPayload, type DraftRecord, saveDraft, toStorageError } from '../../db';
import { isKeyVerified, safetyAdvice } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { UrgentPanel } from '../safety/urgent-panel';
import { asSignals, recordSignals, useDraftSignals } from '../safety/use-safety-signals';
import { useConfirmedKeys } from '../settings';
import { ANONYMOUS_ID, writeAnonymous } from './anonymous-draft';
import { ClientMode } from './client-mode';
import { draftSignals, evaluateDraft, findInstrument, nextInstrument } from './evaluate-draft';
import { FullTextForm } from './full-text-form';
import { screeningMessages } from './messages';
import { SaveStatusLine } from './save-status';
import { ScoreEntryForm } from './score-entry-form';
import { storageMessageKey } from './storage-message';
import { markOpened, useDraft } from './use-draft';
import './screening.css';

export function RunnerPage() {
  const vault = useVault();
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const { draftId = '' } = useParams();
  const { state, status, update, flush } = useDraft(draftId);
  const data = state.kind === 'ready' ? state.draft.data : null;
  const pack = useActivePack(data?.pathwayId);
  const confirmedKeys = useConfirmedKeys();
  const [mode, setMode] = useState<'one' | 'all'>('one');
  const [handedOver, setHandedOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const anonymous = draftId === ANONYMOUS_ID;
  const openSignals = useDraftSignals(state.kind === 'ready' && !anonymous ? draftId : null);
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const recorded = useRef(new Set<string>());
  const promoted = useRef<DraftRecord | null>(null);
  const latest = useRef<DraftPayload | null>(null);
  latest.current = data;
  const clientId = state.kind === 'ready' ? state.draft.clientId : null;

  // An anonymous screening that raises a signal is kept from then on, encrypted, as a draft without a
  // client: a lock or a closed tab cannot lose it (R46). The route moves to it once the device is back.
  async function moveToStored(): Promise<void> {
    const record = promoted.current;
    const now = latest.current;
    if (record === null || now === null) return;
    promoted.current = null;
    await saveDraft(vault.session(), { previous: record, clientId: null, data: now });
    writeAnonymous(null);
    markOpened(record.id);
    navigate(`/screening/${record.id}`, { replace: true });
  }

  // After every render (every answer): `recorded` keeps it to one write per signal.
  useEffect(() => {
    if (!pack || data === null) return;
    const signals = draftSignals(pack, data);
    const fresh = signals.filter((s) => !recorded.current.has(s.id));
    if (fresh.length === 0) return;
    for (const s of fresh) recorded.current.add(s.id);
    const session = vault.session();
    const store = async () => {
      let id = draftId;
      if (anonymous) {
        promoted.current ??= await saveDraft(session, { clientId: null, data });
        id = promoted.current.id;
      }
      await recordSignals(session, {
        draftId: id,
        clientId,
        pathwayId: data.pathwayId,
        signals: fresh,
        handedToClient: handedOver,
      });
      if (anonymous && !handedOver) await moveToStored();
    };
    // Not stored (storage full, locked): say so, and try again with the next answer.
    store().catch((e) => {
      for (const s of fresh) recorded.current.delete(s.id);
      setProblem(t(storageMessageKey(toStorageError(e).code)));
    });
  });

  if (state.kind === 'missing') {
    return (
      <section>
        <PageHeading>{t('draftMissingTitle')}</PageHeading>
        <p>{t('draftMissing')}</p>
        <button type="button" className="button" onClick={() => navigate('/screening')}>
          {t('startNew')}
        </button>
      </section>
    );
  }
  if (state.kind === 'loading' || data === null || pack === undefined) {
    return (
      <section>
        <PageHeading>{t('runnerLoading')}</PageHeading>
      </section>
    );
  }
  const instrument = pack ? findInstrument(pack, data.instrumentId) : undefined;
  if (pack === null || instrument === undefined) {
    return (
      <section>
        <PageHeading>{t('draftMissingTitle')}</PageHeading>
        <p>{t('contentMissing')}</p>
      </section>
    );
  }
  const answers = data.answers ?? {};
  const position = data.position ?? 0;
  const onAnswer = (itemId: string, p: number) =>
    update((d) => ({ ...d, answers: { ...(d.answers ?? {}), [itemId]: p } }));
  const onPosition = (p: number) => update((d) => ({ ...d, position: p }));

  async function done() {
    if (pack === null || pack === undefined || data === null || instrument === undefined) return;
    const evaluated = evaluateDraft(pack, data, null, Date.now());
    if (!evaluated.ok) {
      setProblem(t('evaluationFailed'));
      return;
    }
    const next = nextInstrument(evaluated.value.outcome);
    if (next !== null) {
      update((d) => ({
        ...d,
        preScreens: [...(d.preScreens ?? []), { instrumentId: instrument.id, answers: d.answers ?? {} }],
        instrumentId: next,
        answers: {},
        position: 0,
      }));
      return;
    }
    await flush();
    navigate(`/screening/${draftId}/result`);
  }

  if (handedOver) {
    return (
      <ClientMode
        instrument={instrument}
        answers={answers}
        position={position}
        onAnswer={onAnswer}
        onPosition={onPosition}
        onExit={() => {
          setHandedOver(false);
          void moveToStored();
        }}
      />
    );
  }

  const unseen = (openSignals ?? []).filter((r) => !seen.has(r.id));
  const advice = unseen.length > 0 ? safetyAdvice(pack, asSignals(openSignals ?? [])) : null;
  if (advice !== null) {
    return (
      <section className="runner narrow">
        <PageHeading key="urgent">{instrument.name[language]}</PageHeading>
        <UrgentPanel pack={pack} advice={advice}>
          <p>{t('urgentStillOpen')}</p>
          <button
            type="button"
            className="button"
            onClick={() => setSeen(new Set((openSignals ?? []).map((r) => r.id)))}
          >
            {t('urgentContinue')}
          </button>
        </UrgentPanel>
      </section>
    );
  }

  const previous = data.preScreens?.at(-1);
  const previousName = previous ? findInstrument(pack, previous.instrumentId)?.name[language] : undefined;
  const fullText = instrument.presentation === 'full-text';
  return (
    <section className="runner narrow">
      <PageHeading key={instrument.id}>{instrument.name[language]}</PageHeading>
      {/* A draft restored before any answer of this list (e.g. straight after the Whooley questions)
          has nothing to report: "0 antwoorden teruggezet" would only alarm. */}
      {state.draft.restored && Object.keys(answers).length > 0 && (
        <p className="notice" role="status">
          {t('draftRestored', { n: Object.keys(answers).length })}
        </p>
      )}
      {previousName !== undefined && (
        <p className="notice" role="status">
          {t('nextInstrument', { previous: previousName, next: instrument.name[language] })}
        </p>
      )}
      <SaveStatusLine status={status} anonymous={state.draft.anonymous} />
      {!fullText && (
        <>
          {/* The item and its answers come first, within the first phone screen; the key warning and
              the licence (folded, issue 18) follow it. */}
          <ScoreEntryForm
            instrument={instrument}
            answers={answers}
            position={position}
            onAnswer={onAnswer}
            onPosition={onPosition}
            onDone={done}
          />
          {!isKeyVerified(instrument, confirmedKeys ?? []) && (
            <p className="warning-box" role="note">
              {t('keyNotVerified')}
            </p>
          )}
          <details className="about-fold">
            <summary>{t('aboutInstrument')}</summary>
            <p className="hint">{instrument.licence.note[language]}</p>
          </details>
        </>
      )}
      {fullText && (
        <>
          <fieldset className="mode-toggle">
            <legend className="visually-hidden">{t('modeLabel')}</legend>
            <button
              type="button"
              className={`button secondary${mode === 'one' ? ' pressed' : ''}`}
              aria-pressed={mode === 'one'}
              onClick={() => setMode('one')}
            >
              {t('modeOne')}
            </button>
            <button
              type="button"
              className={`button secondary${mode === 'all' ? ' pressed' : ''}`}
              aria-pressed={mode === 'all'}
              onClick={() => setMode('all')}
            >
              {t('modeAll')}
            </button>
          </fieldset>
          <FullTextForm
            instrument={instrument}
            answers={answers}
            position={position}
            mode={mode}
            onAnswer={onAnswer}
            onPosition={onPosition}
            onDone={done}
          />
          <section className="hand-over" aria-labelledby="hand-over-heading">
            <h2 id="hand-over-heading">{t('handOverHeading')}</h2>
            <p className="hint">{t('handOverHelp')}</p>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                update((d) => ({ ...d, handedToClient: true }));
                // An extra history entry: the back button then stays inside the app, where the blocker holds it.
                navigate(location.pathname, { state: { handedOver: true } });
                setHandedOver(true);
              }}
            >
              {t('handOverButton')}
            </button>
          </section>
        </>
      )}
      {problem !== null && (
        <p className="form-errors" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
