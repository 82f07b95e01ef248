// The start screen asks routing questions fresh, and at a follow-up carries forward what are facts about
// the client (CONTENT.md §3a, §3b): persistent answers pre-filled and marked, the rest unanswered.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getActivePack } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { evaluateDraft } from './evaluate-draft';
import { saveScreening } from './save-screening';
import { clientWithDraft, EPDS_DRAFT, EPDS_ELEVEN } from './screening-test-helpers';

const DAY = 86_400_000;
beforeEach(() => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});
afterEach(cleanup);

const group = (name: RegExp) => screen.getByRole('group', { name });

describe('routing questions at the start of a screening', () => {
  it('no routing question is pre-answered: "diagnosed depression?" starts with neither yes nor no', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=postpartum');
    const question = await screen.findByRole('group', { name: /vastgestelde matige of ernstige depressie/ });
    for (const radio of within(question).getAllByRole('radio')) expect(radio).not.toBeChecked();
  });

  it('W4: relapse prevention asks "warning signs back?" once, in the intake', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=relapse-prevention');
    const warningSigns = await screen.findByRole('group', { name: 'Zijn er waarschuwingssignalen terug?' });
    expect(screen.getAllByRole('group', { name: /waarschuwingssignalen/i })).toHaveLength(1);
    // It routes (yes → step 2), so like every routing question it starts unanswered.
    for (const radio of within(warningSigns).getAllByRole('radio')) expect(radio).not.toBeChecked();
  });

  it('pregnancy is asked as weeks of gestation, and the trimester shown is derived from it', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=postpartum');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Zwanger' }));
    await user.type(screen.getByLabelText(/Zwangerschapsduur in weken/), '20');
    expect(screen.getByText('Trimester 2')).toBeInTheDocument();
  });
});

describe('at a follow-up', () => {
  it('a persistent answer (severe psychiatric history) is pre-filled and marked, a transient one (medication question) starts unanswered, and the weeks of gestation have moved on', async () => {
    const session = await unlockedVault();
    const row = await getActivePack(session.db, 'postpartum');
    if (!row) throw new Error('postpartum pack missing');
    const fourWeeksAgo = Date.now() - 28 * DAY;
    const data = {
      ...EPDS_DRAFT,
      answers: EPDS_ELEVEN,
      context: { phase: 'pregnant' as const, gestationWeeks: 12 },
      flags: { 'psychiatric-history-severe': true, 'medication-question': true },
    };
    const { client } = await clientWithDraft(session, EPDS_DRAFT);
    const first = evaluateDraft(row.pack, data, null, fourWeeksAgo);
    if (!first.ok) throw new Error(first.error.message);
    const saved = await saveScreening(session, {
      pack: row.pack,
      clientId: client.id,
      draftId: null,
      data,
      evaluation: first.value,
      decision: {
        chosen: 3,
        overrideReason: null,
        safety: null,
        note: '',
        dueDate: '2026-01-15',
        followUpReason: '',
        now: fourWeeksAgo,
      },
      answeredFollowUp: null,
      openSignalIds: [],
    });
    renderRoute(`/screening?followUp=${saved.followUp?.id ?? ''}`);
    const history = await screen.findByRole('group', { name: /ernstige psychiatrische voorgeschiedenis/ });
    await waitFor(() => expect(within(history).getByRole('radio', { name: 'Ja' })).toBeChecked());
    expect(within(history).getByText(/Antwoord van de vorige screening/)).toBeInTheDocument();
    const medication = group(/vragen over psychofarmaca/);
    for (const radio of within(medication).getAllByRole('radio')) expect(radio).not.toBeChecked();
    expect(screen.getByLabelText(/Zwangerschapsduur in weken/)).toHaveValue(16);
    // Recomputed from the earlier date, and said so: the professional confirms instead of typing it again.
    expect(
      screen.getByText(/^Vorige screening \(.+\): 12 weken zwanger\. Vandaag is dat 16 weken zwanger\./),
    ).toBeInTheDocument();
  });
});
