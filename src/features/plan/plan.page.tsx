// The relapse-prevention plan builder (signaleringsplan). Warning-sign categories and section labels
// come from the relapse-prevention pack's plan template. Every save is a new dated version; earlier
// versions stay in `history`.

import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createPlan, type PlanRecord, updatePlan } from '../../db';
import type { PlanTemplate } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useTextDraft } from '../../runtime/drafts/use-text-draft';
import { useVault } from '../../runtime/vault/runtime-context';
import { CharCount } from '../../ui/char-count';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { formatDate } from '../clients/dates';
import { SaveStatus, useSaveState } from '../clients/save-status';
import { useClient } from '../clients/use-clients';
import '../clients/clients.css';
import './plan.css';
import { ConflictChooser } from '../team';
import { messages } from './messages';
import { type PlanContent, revisePlan, toLines } from './plan-model';
import { PlanView } from './plan-view';
import { PLAN_PATHWAY, useCurrentPlan, usePlanTemplate } from './use-plan';

export function PlanPage() {
  const { clientId = '' } = useParams();
  const t = useMessages(messages);
  const language = useLanguage();
  const client = useClient(clientId);
  const plan = useCurrentPlan(clientId);
  const template = usePlanTemplate();
  const pack = useActivePack(PLAN_PATHWAY);

  if (client === undefined || plan === undefined || template === undefined) {
    return <p className="screen-loading">{t('loading')}</p>;
  }
  if (client === null) {
    return (
      <section>
        <PageHeading>{t('clientNotFound')}</PageHeading>
        <Link to="/clients">{t('back')}</Link>
      </section>
    );
  }
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <section className="plan-page">
      <PageHeading>{template?.title[language] ?? t('title')}</PageHeading>
      {plan && <ConflictChooser table="plans" id={plan.id} />}
      <p className="lead">
        {t('forClient', { alias: client.data.alias })} ·{' '}
        {plan ? t('version', { date: formatDate(plan.data.revisedAt, language) }) : t('noVersion')}
      </p>
      <p className="button-row">
        <Link className="button secondary" to={base}>
          {t('back')}
        </Link>
        {plan && (
          <Link className="button secondary" to={`${base}/plan/print`}>
            {t('print')}
          </Link>
        )}
      </p>
      {template === null ? (
        <p className="warning-box">{t('noTemplate')}</p>
      ) : (
        <>
          <PlanEditor clientId={clientId} plan={plan} template={template} />
          {pack && <p className="hint">{t('source', { pack: pack.title[language], version: pack.contentVersion })}</p>}
          {plan?.data.history && plan.data.history.length > 0 && (
            <section aria-labelledby="plan-history">
              <h2 id="plan-history">{t('history')}</h2>
              {[...plan.data.history].reverse().map((v) => (
                <details key={v.revisedAt} className="plan-version">
                  <summary>{t('historyItem', { date: formatDate(v.revisedAt, language) })}</summary>
                  <PlanView plan={v.snapshot} template={template} level={3} />
                </details>
              ))}
            </section>
          )}
        </>
      )}
    </section>
  );
}

interface CallRow {
  key: string;
  name: string;
  phone: string;
}

function PlanEditor({
  clientId,
  plan,
  template,
}: {
  clientId: string;
  plan: PlanRecord | null;
  template: PlanTemplate;
}) {
  const vault = useVault();
  const t = useMessages(messages);
  const language = useLanguage();
  const id = useId();
  const save = useSaveState();
  const initial = plan?.data;
  const [signs, setSigns] = useState(() => formOf(initial, template).signs);
  const [triggers, setTriggers] = useState(() => formOf(initial, template).triggers);
  const [whatIDo, setWhatIDo] = useState(() => formOf(initial, template).whatIDo);
  const [whatOthersDo, setWhatOthersDo] = useState(() => formOf(initial, template).whatOthersDo);
  const [calls, setCalls] = useState<CallRow[]>(() => withKeys(formOf(initial, template).calls));
  const section = (sid: string) => template.sections.find((s) => s.id === sid);
  const show = (form: PlanForm) => {
    setSigns(form.signs);
    setTriggers(form.triggers);
    setWhatIDo(form.whatIDo);
    setWhatOthersDo(form.whatOthersDo);
    setCalls(withKeys(form.calls));
  };

  // Unsaved edits are kept as an encrypted draft (issue 18): leaving the page, the auto-lock or a crash
  // cannot lose them. Only a form that differs from the saved plan leaves a draft, so the baseline
  // follows the saved plan: this editor's own save and a version that arrived from the team both move
  // it. (A fixed baseline once stored a version pulled from the team as "unsaved edits", and restored it
  // over the version chosen after a conflict.)
  const draft = useTextDraft(`plan:${clientId}`, clientId);
  const snapshot = snapshotOf({ signs, triggers, whatIDo, whatOthersDo, calls });
  const [baseline, setBaseline] = useState(snapshot);
  const planKey = plan ? `${plan.id}:${plan.rev}` : null;
  const known = useRef(planKey);
  const applied = useRef(false);
  const [restored, setRestored] = useState(false);
  /** A version saved elsewhere while this form held unsaved edits: shown on request, never over them. */
  const [newer, setNewer] = useState<PlanForm | null>(null);
  /** True while this editor saves: the live query can hand back its own new version before the save returns. */
  const saving = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once, when the draft has loaded
  useEffect(() => {
    if (draft.restored === undefined || applied.current) return;
    applied.current = true;
    const form = parsePlanForm(draft.restored?.form);
    if (form === null) return;
    show(form);
    setRestored(true);
    // Typed on an earlier version than the one saved now: say so, and offer the saved one.
    const base = draft.restored?.base;
    if (plan && base !== undefined && base !== planKey) setNewer(formOf(plan.data, template));
  }, [draft.restored]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshot stands for the form's state
  useEffect(() => {
    if (applied.current) draft.set(snapshot === baseline ? {} : { form: snapshot, base: known.current ?? '' });
  }, [snapshot, baseline]);
  // The plan changed elsewhere (another team device, or a version chosen after a conflict). A form
  // without edits shows that version, so a save here never writes a stale form over it; a form with
  // edits keeps them and offers the new version. This editor's own saves are known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: planKey stands for the saved plan
  useEffect(() => {
    if (!plan || planKey === known.current) return;
    known.current = planKey;
    // This editor's own save, seen before the save's own continuation ran: submit moves the baseline.
    // (Taken for a version from elsewhere, it said "intussen ergens anders opgeslagen" after one's own save.)
    if (saving.current) return;
    const form = formOf(plan.data, template);
    setBaseline(snapshotOf(form));
    if (snapshot === baseline) {
      show(form);
      setNewer(null);
    } else setNewer(form);
  }, [planKey, template]);

  const content = (): PlanContent => ({
    warningSigns: [
      ...template.warningSignCategories
        .filter((c) => signs[c.id]?.checked)
        .map((c) => ({ category: c.id, text: signs[c.id]?.text.trim() ?? '' })),
      // Signs of an earlier version whose category the current template no longer has are kept.
      ...(initial?.warningSigns ?? []).filter(
        (s) => s.category === null || !template.warningSignCategories.some((c) => c.id === s.category),
      ),
    ],
    triggers: toLines(triggers),
    whatIDo: toLines(whatIDo),
    whatOthersDo: toLines(whatOthersDo),
    whomToCall: calls
      .filter((c) => c.name.trim() !== '')
      .map((c) => (c.phone.trim() ? { name: c.name.trim(), phone: c.phone.trim() } : { name: c.name.trim() })),
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const now = new Date().toISOString();
    saving.current = true;
    const ok = await save
      .run(async () => {
        const session = vault.session();
        const saved = plan
          ? await updatePlan(session, plan, revisePlan(plan.data, content(), now))
          : await createPlan(session, { clientId, pathwayId: PLAN_PATHWAY }, revisePlan(null, content(), now));
        known.current = `${saved.id}:${saved.rev}`;
      }, language)
      .finally(() => {
        saving.current = false;
      });
    if (ok) {
      setBaseline(snapshot);
      setRestored(false);
      setNewer(null);
      await draft.clear();
    }
  };

  const lines = (sid: string, value: string, set: (v: string) => void) => {
    const s = section(sid);
    return (
      <div className="text-field">
        <label htmlFor={`${id}-${sid}`}>{s?.label[language] ?? sid}</label>
        <p className="hint" id={`${id}-${sid}-hint`}>
          {s?.hint[language]} {t('linesHint')}
        </p>
        <textarea
          maxLength={TEXT_LIMITS.note}
          id={`${id}-${sid}`}
          rows={4}
          autoComplete="off"
          aria-describedby={`${id}-${sid}-hint`}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
        <CharCount id={`${id}-${sid}-count`} value={value} kind="note" />
      </div>
    );
  };

  const signsSection = section('warning-signs');
  const callSection = section('whom-to-call');
  return (
    <form onSubmit={submit} noValidate className="plan-form">
      {restored && (
        <p className="notice" role="status">
          {t('draftRestored')}
        </p>
      )}
      {newer && (
        <div className="notice" role="status">
          <p>{t('newerVersion')}</p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              show(newer);
              setBaseline(snapshotOf(newer));
              setNewer(null);
              setRestored(false);
            }}
          >
            {t('showNewer')}
          </button>
        </div>
      )}
      <fieldset className="field">
        <legend>{signsSection?.label[language]}</legend>
        <p className="hint">{signsSection?.hint[language]}</p>
        <div className="choice-column">
          {template.warningSignCategories.map((c) => {
            const value = signs[c.id] ?? { checked: false, text: '' };
            const set = (patch: Partial<typeof value>) =>
              setSigns((all) => ({ ...all, [c.id]: { ...value, ...patch } }));
            return (
              <div key={c.id} className="plan-sign">
                <label className="choice">
                  <input type="checkbox" checked={value.checked} onChange={(e) => set({ checked: e.target.checked })} />
                  {c.label[language]}
                </label>
                {value.checked && (
                  <div className="text-field plan-sign-text">
                    <label htmlFor={`${id}-sign-${c.id}`}>
                      {t('signText')} <span className="visually-hidden">({c.label[language]})</span>
                    </label>
                    <input
                      maxLength={TEXT_LIMITS.planLine}
                      aria-describedby={`${id}-sign-${c.id}-count`}
                      id={`${id}-sign-${c.id}`}
                      autoComplete="off"
                      value={value.text}
                      onChange={(e) => set({ text: e.target.value })}
                    />
                    <CharCount id={`${id}-sign-${c.id}-count`} value={value.text} kind="planLine" />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {lines('triggers', triggers, setTriggers)}
      {lines('what-i-do', whatIDo, setWhatIDo)}
      {lines('what-others-do', whatOthersDo, setWhatOthersDo)}
      <fieldset className="field">
        <legend>{callSection?.label[language]}</legend>
        <p className="hint">{callSection?.hint[language]}</p>
        {calls.map((row, i) => {
          const update = (patch: Partial<CallRow>) =>
            setCalls((all) => all.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
          return (
            <fieldset key={row.key} className="plan-call">
              <legend className="visually-hidden">{t('callPerson', { n: i + 1 })}</legend>
              <div className="text-field">
                <label htmlFor={`${id}-${row.key}-name`}>{t('callName')}</label>
                <input
                  maxLength={TEXT_LIMITS.name}
                  aria-describedby={`${id}-${row.key}-name-count`}
                  id={`${id}-${row.key}-name`}
                  autoComplete="off"
                  value={row.name}
                  onChange={(e) => update({ name: e.target.value })}
                />
                <CharCount id={`${id}-${row.key}-name-count`} value={row.name} kind="name" />
              </div>
              <div className="text-field">
                <label htmlFor={`${id}-${row.key}-phone`}>{t('callPhone')}</label>
                <input
                  maxLength={TEXT_LIMITS.phone}
                  aria-describedby={`${id}-${row.key}-phone-count`}
                  id={`${id}-${row.key}-phone`}
                  type="tel"
                  autoComplete="off"
                  value={row.phone}
                  onChange={(e) => update({ phone: e.target.value })}
                />
                <CharCount id={`${id}-${row.key}-phone-count`} value={row.phone} kind="phone" />
              </div>
              <button
                type="button"
                className="button secondary small"
                onClick={() => setCalls((all) => all.filter((r) => r.key !== row.key))}
              >
                {t('removeCall', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button secondary"
          onClick={() => setCalls((all) => [...all, { key: crypto.randomUUID(), name: '', phone: '' }])}
        >
          {t('addCall')}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={save.busy}>
        {t('save')}
      </button>
      <SaveStatus state={save} />
    </form>
  );
}

interface PlanForm {
  signs: Record<string, { checked: boolean; text: string }>;
  triggers: string;
  whatIDo: string;
  whatOthersDo: string;
  calls: { name: string; phone: string }[];
}

/** The form showing a saved plan (or an empty one). */
function formOf(data: PlanContent | undefined, template: PlanTemplate): PlanForm {
  return {
    signs: Object.fromEntries(
      template.warningSignCategories.map((c) => {
        const found = data?.warningSigns.find((s) => s.category === c.id);
        return [c.id, { checked: found !== undefined, text: found?.text ?? '' }];
      }),
    ),
    triggers: (data?.triggers ?? []).join('\n'),
    whatIDo: (data?.whatIDo ?? []).join('\n'),
    whatOthersDo: (data?.whatOthersDo ?? []).join('\n'),
    calls: (data?.whomToCall ?? []).map((c) => ({ name: c.name, phone: c.phone ?? '' })),
  };
}

/** What the draft stores and the baseline compares: the form without the rows' React keys. */
function snapshotOf(form: Omit<PlanForm, 'calls'> & { calls: readonly { name: string; phone: string }[] }): string {
  const { signs, triggers, whatIDo, whatOthersDo } = form;
  return JSON.stringify({
    signs,
    triggers,
    whatIDo,
    whatOthersDo,
    calls: form.calls.map(({ name, phone }) => ({ name, phone })),
  });
}

const withKeys = (calls: readonly { name: string; phone: string }[]): CallRow[] =>
  calls.map((c) => ({ key: crypto.randomUUID(), ...c }));

const isText = (x: unknown): x is string => typeof x === 'string';
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The plan form as its draft stored it; null when there is none or it does not read as one. */
function parsePlanForm(json: string | undefined): PlanForm | null {
  if (json === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(raw) || !isText(raw.triggers) || !isText(raw.whatIDo) || !isText(raw.whatOthersDo)) return null;
  if (!isRecord(raw.signs) || !Array.isArray(raw.calls)) return null;
  const signs: PlanForm['signs'] = {};
  for (const [k, v] of Object.entries(raw.signs))
    if (isRecord(v) && typeof v.checked === 'boolean' && isText(v.text))
      signs[k] = { checked: v.checked, text: v.text };
  const calls = raw.calls.flatMap((c: unknown) =>
    isRecord(c) && isText(c.name) && isText(c.phone) ? [{ name: c.name, phone: c.phone }] : [],
  );
  return { signs, triggers: raw.triggers, whatIDo: raw.whatIDo, whatOthersDo: raw.whatOthersDo, calls };
}
