import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getActivePack, listDecisions, listFollowUps, listScreenings, saveDraft, type VaultSession } from '../../db';
import { toPrevious } from '../../domain';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { confirmEpdsKey } from '../settings/epds-key';
import { evaluateDraft } from './evaluate-draft';
import { recommended, saveScreening } from './save-screening';
import { clientWithDraft, EPDS_DRAFT, EPDS_ELEVEN } from './screening-test-helpers';

afterEach(cleanup);

const EPDS_SELF_HARM = { ...EPDS_ELEVEN, 'epds-10': 2 };

async function resultFor(session: VaultSession, answers: Record<string, number>) {
  const { client, draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers });
  return { client, draft, ...renderRoute(`/screening/${draft.id}/result`) };
}

describe('screening result', () => {
  it('shows the safety path first and saves only after an action is recorded; "no acute danger" needs a note', async () => {
    const session = await unlockedVault();
    const { client, router } = await resultFor(session, EPDS_SELF_HARM);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings[0]).toHaveTextContent('Veiligheid eerst');
    expect(screen.getByRole('link', { name: /^113/ })).toHaveAttribute('href', 'tel:113');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByText('Leg eerst vast wat je hebt gedaan voor de veiligheid.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /geen acuut gevaar/ }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByText(/een toelichting verplicht/)).toBeInTheDocument();
    expect((await listScreenings(session, client.id)).records).toHaveLength(0);
    await user.type(screen.getByLabelText('Toelichting (verplicht)'), 'Besproken, geen plannen, partner thuis.');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${client.id}`));
    const [decision] = (await listDecisions(session, client.id)).records;
    expect(decision?.data.safetyAction?.action).toBe('assessed-no-acute-danger');
    expect(decision?.data.chosen).toBe('safety');
    const [followUp] = (await listFollowUps(session, client.id)).records;
    expect(followUp?.dueDate).toBeDefined();
  });

  it('W11: once the practice confirmed the EPDS key in settings, the "key not yet confirmed" warning is gone', async () => {
    const session = await unlockedVault();
    const warning = /Sleutel nog niet bevestigd/;
    const first = await resultFor(session, EPDS_ELEVEN);
    expect(await screen.findByText(warning)).toBeInTheDocument();
    first.unmount();
    await confirmEpdsKey(session, 'TV', new Date().toISOString());
    await resultFor(session, EPDS_ELEVEN);
    expect(await screen.findByText('totaal 11 van 30')).toBeInTheDocument();
    expect(screen.queryByText(warning)).not.toBeInTheDocument();
  });

  it('W9: following the proposal at a follow-up on the safety path records the proposal as the advice, not an override', async () => {
    const session = await unlockedVault();
    const row = await getActivePack(session.db, 'postpartum');
    if (!row) throw new Error('postpartum pack missing');
    const twoWeeksAgo = Date.now() - 15 * 86_400_000;
    const first = evaluateDraft(row.pack, { ...EPDS_DRAFT, answers: EPDS_ELEVEN }, null, twoWeeksAgo);
    if (!first.ok) throw new Error(first.error.message);
    const previous = { ...first.value.outcome, evaluatedAt: new Date(twoWeeksAgo).toISOString() };
    const prev = toPrevious(previous, 1);
    if (prev === null) throw new Error('no step');
    const later = evaluateDraft(row.pack, { ...EPDS_DRAFT, answers: EPDS_SELF_HARM }, prev, Date.now());
    if (!later.ok) throw new Error(later.error.message);
    // The new score on its own is step 1 with a red flag; the follow-up rule proposes step 2 under it.
    expect(later.value.outcome.recommendation).toMatchObject({ kind: 'safety', underlyingStep: 1 });
    expect(recommended(later.value)).toEqual({ kind: 'safety', level: 'urgent', underlyingStep: 2 });
  });

  it('an override of the proposed step needs a reason', async () => {
    const session = await unlockedVault();
    const { client, router } = await resultFor(session, EPDS_ELEVEN);
    const user = userEvent.setup();
    expect(await screen.findByText('totaal 11 van 30')).toBeInTheDocument();
    expect(screen.getByText(/regionale afspraken kunnen afwijken/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Een andere stap kiezen' }));
    await user.click(screen.getByRole('radio', { name: /stap 2 Zorg/ }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByText('Geef een reden voor de andere stap.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Reden voor de andere stap/), 'Eerdere depressie, wil snel hulp.');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${client.id}`));
    const [decision] = (await listDecisions(session, client.id)).records;
    expect(decision?.data).toMatchObject({
      chosen: 2,
      overrideReason: 'Eerdere depressie, wil snel hulp.',
      recommended: { kind: 'step', step: 1 },
    });
  });

  it("at a follow-up two weeks later that did not improve, proposes one step up with step 2's actions and marks the old follow-up done", async () => {
    const session = await unlockedVault();
    const row = await getActivePack(session.db, 'postpartum');
    if (!row) throw new Error('postpartum pack missing');
    const { client } = await clientWithDraft(session, EPDS_DRAFT);
    const twoWeeksAgo = Date.now() - 15 * 86_400_000;
    const first = evaluateDraft(row.pack, { ...EPDS_DRAFT, answers: EPDS_ELEVEN }, null, twoWeeksAgo);
    if (!first.ok) throw new Error(first.error.message);
    const saved = await saveScreening(session, {
      pack: row.pack,
      clientId: client.id,
      draftId: null,
      data: { ...EPDS_DRAFT, answers: EPDS_ELEVEN },
      evaluation: first.value,
      decision: {
        chosen: 1,
        overrideReason: null,
        safety: null,
        note: '',
        dueDate: '2026-01-15',
        followUpReason: '',
        now: Date.now(),
      },
      answeredFollowUp: null,
      openSignalIds: [],
    });
    const followUp = saved.followUp;
    if (!followUp) throw new Error('no follow-up');
    const draft = await saveDraft(session, {
      clientId: client.id,
      data: {
        ...EPDS_DRAFT,
        answers: { ...EPDS_ELEVEN, 'epds-1': 2 },
        followUpId: followUp.id,
        previousScreeningId: saved.screening.id,
      },
    });
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    const recommendation = await screen.findByRole('region', { name: 'Voorgestelde stap' });
    expect(within(recommendation).getByText(/Vorige keer 11, nu 12/)).toBeInTheDocument();
    expect(within(recommendation).getByText(/^Niet verbeterd:/, { selector: 'strong' })).toBeInTheDocument();
    expect(within(recommendation).getByText(/een stap omhoog: stap 2 Zorg/)).toBeInTheDocument();
    // W2: the actions listed are step 2's, not the step-1 actions of the row the score matched.
    expect(within(recommendation).getByText(/Beoordeling door huisarts of POH-GGZ/)).toBeInTheDocument();
    expect(within(recommendation).queryByText(/mamacafé/)).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${client.id}`));
    const followUps = (await listFollowUps(session, client.id)).records;
    expect(followUps.find((f) => f.id === followUp.id)?.state).toBe('done');
    expect(followUps.filter((f) => f.state === 'open')).toHaveLength(1);
  });
});
