// One open safety signal, from Vandaag: the urgent panel for it, and recording what was done (which
// closes it). When its screening draft still exists, the screening can be continued from here.

import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getDraft, recordSafetyOutcome } from '../../db';
import { checkSafetyAction, safetyAdvice } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useFirstOwner } from '../../runtime/drafts/use-first-owner';
import { useTextDraft } from '../../runtime/drafts/use-text-draft';
import { useVault } from '../../runtime/vault/runtime-context';
import { FormErrors } from '../../ui/form-errors';
import { PageHeading } from '../../ui/page-heading';
import { formatDate } from '../clients/dates';
import { draftSignals } from '../screening/evaluate-draft';
import { safetyMessages } from './messages';
import { SafetyActionFields, type SafetyChoice } from './safety-action-fields';
import { UrgentPanel } from './urgent-panel';
import { useOpenSignals } from './use-safety-signals';

export function SafetySignalPage() {
  const vault = useVault();
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const navigate = useNavigate();
  const { signalId = '' } = useParams();
  const open = useOpenSignals();
  const record = open?.items.find((i) => i.record.id === signalId)?.record;
  const pack = useActivePack(record?.data.pathwayId);
  const draftId = record?.data.draftId ?? null;
  // The draft's current answers (null when it no longer exists): they decide whether a correction is allowed.
  const draft = useLiveQuery(
    async () => (draftId === null ? null : ((await getDraft(vault.session(), draftId).catch(() => undefined)) ?? null)),
    [draftId],
  );
  const draftExists = draft !== null && draft !== undefined;
  const [choice, setChoice] = useState<SafetyChoice>({ action: null, note: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The note is kept as an encrypted draft, like every free-text field (issue 18): leaving the page,
  // the auto-lock or a crash cannot lose what was typed about what was done.
  const owner = useFirstOwner(record ? { key: `signal:${record.id}`, clientId: record.clientId } : null);
  const noteDraft = useTextDraft(owner?.key ?? null, owner?.clientId ?? null);
  const noteApplied = useRef(false);
  const [noteRestored, setNoteRestored] = useState(false);
  useEffect(() => {
    if (noteDraft.restored === undefined || noteApplied.current || record === undefined) return;
    noteApplied.current = true;
    const kept = noteDraft.restored?.note;
    if (kept) {
      setChoice((c) => (c.note === '' ? { ...c, note: kept } : c));
      setNoteRestored(true);
    }
  }, [noteDraft.restored, record]);
  const choose = (next: SafetyChoice) => {
    setChoice(next);
    if (next.note !== choice.note) noteDraft.set({ note: next.note });
  };

  if (open === undefined || (record !== undefined && !pack)) {
    return <PageHeading>{t('signalPageTitle')}</PageHeading>;
  }
  if (record === undefined || pack === null || pack === undefined) {
    return (
      <section className="narrow">
        <PageHeading>{t('signalPageTitle')}</PageHeading>
        <p>{t('signalMissing')}</p>
      </section>
    );
  }
  const signals = [record.data.signal];
  const advice = safetyAdvice(pack, signals);
  if (advice === null) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || record === undefined || pack === null || pack === undefined) return;
    // "Invoer gecorrigeerd" only when the draft's answers no longer raise it (or no answers remain).
    const stillRaised = draft ? draftSignals(pack, draft.data) : [];
    const problem = checkSafetyAction({
      pack,
      open: signals,
      stillRaised,
      actionId: choice.action,
      note: choice.note,
    });
    if (problem !== null) {
      setErrors([t(`problem.${problem}`)]);
      return;
    }
    setBusy(true);
    try {
      await recordSafetyOutcome(vault.session(), [{ signalId: record.id }], record.clientId, {
        kind: 'action',
        action: choice.action ?? '',
        ...(choice.note.trim() ? { note: choice.note.trim() } : {}),
        at: new Date().toISOString(),
      });
      await noteDraft.clear();
      navigate('/');
    } catch {
      setErrors([t('signalSaveFailed')]);
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <PageHeading>{t('signalPageTitle')}</PageHeading>
      <p className="hint">
        {t('signalDetected', { date: formatDate(record.createdAt, language) })}
        {record.data.handedToClient ? ` · ${t('signalInClientMode')}` : ''}
      </p>
      <UrgentPanel pack={pack} advice={advice}>
        {draftExists && draftId !== null && (
          <p>
            <Link className="button secondary" to={`/screening/${encodeURIComponent(draftId)}`}>
              {t('continueScreening')}
            </Link>
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <SafetyActionFields actions={advice.actions} value={choice} onChange={choose} />
          {noteRestored && (
            <p className="hint" role="status">
              {t('noteDraftRestored')}
            </p>
          )}
          <FormErrors errors={errors} />
          <button type="submit" className="button" disabled={busy}>
            {t('signalRecord')}
          </button>
        </form>
      </UrgentPanel>
    </section>
  );
}
