// The safety path on screen (CONTENT.md §4, §4a; findings S1, S3, S4, S5, W6), in clinical language.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { listDecisions, listOpenSignals, recordSafetySignal, signalIdFor } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, EPDS_DRAFT } from '../screening/screening-test-helpers';

afterEach(cleanup);

const NONE_EPDS = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`epds-${i + 1}`, [1, 2, 4].includes(i + 1) ? 0 : 3]),
);
const CAREGIVER_CRISIS = {
  pathwayId: 'caregivers' as const,
  instrumentId: 'ediz-plus',
  answers: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`ediz-${i + 1}`, 0])),
  context: { phase: 'none' as const },
  flags: { 'acute-crisis': true },
  position: 0,
};

describe('S4: the safety questions are never pre-answered', () => {
  it('"Zijn er tekenen van een postpartumpsychose?" starts with neither Ja nor Nee chosen', async () => {
    await unlockedVault();
    renderRoute('/screening?pathway=postpartum');
    const group = await screen.findByRole('group', { name: 'Zijn er tekenen van een postpartumpsychose?' });
    expect(within(group).getByRole('radio', { name: 'Ja' })).not.toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Nee' })).not.toBeChecked();
  });

  it('"Is er een acute crisis in de zorgsituatie?" starts with neither Ja nor Nee chosen, and a Ja opens the urgent panel at once', async () => {
    await unlockedVault();
    const user = userEvent.setup();
    renderRoute('/screening?pathway=caregivers');
    const group = await screen.findByRole('group', { name: 'Is er een acute crisis in de zorgsituatie?' });
    expect(within(group).getByRole('radio', { name: 'Nee' })).not.toBeChecked();
    expect(screen.queryByRole('region', { name: /Veiligheid eerst/ })).not.toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'Ja' }));
    const panel = await screen.findByRole('region', { name: /Veiligheid eerst/ });
    expect(within(panel).getByRole('link', { name: /^0800-2000/ })).toHaveAttribute('href', 'tel:08002000');
  });
});

describe('S1: a mother with thoughts of self-harm whose result is left without an action', () => {
  it('heads Vandaag as "actie nog niet vastgelegd"', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers: { ...NONE_EPDS, 'epds-10': 2 } });
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    await screen.findByRole('region', { name: /Veiligheid eerst/ });
    await waitFor(async () => expect((await listOpenSignals(session)).records).toHaveLength(1));
    await router.navigate('/');
    const today = await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    expect(within(today).getByText(/actie nog niet vastgelegd/)).toBeInTheDocument();
    expect(within(today).getByText('M-12')).toBeInTheDocument();
  });

  it('shows on her own page as an open signal, not as "Nog niets vastgelegd"', async () => {
    const session = await unlockedVault();
    const { client, draft } = await clientWithDraft(session, {
      ...EPDS_DRAFT,
      answers: { ...NONE_EPDS, 'epds-10': 2 },
    });
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    await screen.findByRole('region', { name: /Veiligheid eerst/ });
    await waitFor(async () => expect((await listOpenSignals(session)).records).toHaveLength(1));
    await router.navigate(`/clients/${client.id}`);
    const open = await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    expect(within(open).getByText(/actie nog niet vastgelegd/)).toBeInTheDocument();
  });
});

describe('S3 and S5: a caregiver in an acute care crisis', () => {
  it('is offered the pack\'s care-crisis actions only, and the one chosen ("Veilig Thuis gebeld") is what is saved', async () => {
    const session = await unlockedVault();
    const { client, draft } = await clientWithDraft(session, CAREGIVER_CRISIS);
    const user = userEvent.setup();
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    const panel = await screen.findByRole('region', { name: /Veiligheid eerst/ });
    expect(within(panel).queryByText(/3–6 maanden/)).not.toBeInTheDocument();
    expect(within(panel).getByRole('radio', { name: /spoedrespijtzorg/ })).toBeInTheDocument();
    await user.click(within(panel).getByRole('radio', { name: /Veilig Thuis gebeld/ }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${client.id}`));
    const [decision] = (await listDecisions(session, client.id)).records;
    expect(decision?.data.safetyAction?.action).toBe('veilig-thuis-called');
    expect(decision?.data.safetyAction?.label?.nl).toMatch(/Veilig Thuis/);
    expect((await listOpenSignals(session)).records).toHaveLength(0);
  });
});

describe('S3: a suspected postpartum psychosis with a low EPDS', () => {
  it('shows the psychosis emergency card first, and "normaliseren" only after the safety assessment', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, {
      ...EPDS_DRAFT,
      answers: NONE_EPDS,
      flags: { 'postpartum-psychosis': true },
    });
    renderRoute(`/screening/${draft.id}/result`);
    const panel = await screen.findByRole('region', { name: 'Spoed: direct handelen' });
    expect(within(panel).getAllByRole('heading', { level: 3 })[0]).toHaveTextContent(/postpartumpsychose/);
    expect(within(panel).queryByText(/Normaliseren/)).not.toBeInTheDocument();
    expect(within(panel).queryByText(/volgende vaste contactmoment/)).not.toBeInTheDocument();
    const after = screen.getByRole('region', { name: 'Na de veiligheidsbeoordeling' });
    expect(within(after).getByText(/Normaliseren/)).toBeInTheDocument();
    const recommendation = screen.getByRole('region', { name: 'Voorgestelde stap' });
    expect(within(recommendation).queryByText(/Normaliseren/)).not.toBeInTheDocument();
  });
});

describe('W6: card links on a result', () => {
  it('name the pack and the card, and open the card', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers: NONE_EPDS });
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}/result`);
    const cards = await screen.findByRole('region', { name: 'Kaarten om te laten zien of mee te geven' });
    const links = within(cards).getAllByRole('link');
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^\/cards\/postpartum%3A/);
    const first = links[0];
    if (!first) throw new Error('no card link');
    const title = first.textContent ?? '';
    await user.click(first);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.queryByText('Kaart niet gevonden')).not.toBeInTheDocument();
  });
});

describe('an open signal recorded from Vandaag', () => {
  const psychosis = {
    kind: 'signal' as const,
    pathwayId: 'postpartum' as const,
    signal: {
      id: 'postpartum-psychosis',
      kind: 'safety-question' as const,
      level: 'emergency' as const,
      label: { nl: 'Zijn er tekenen van een postpartumpsychose?', en: 'Signs of a postpartum psychosis?' },
    },
    at: '2026-12-01T09:00:00.000Z',
  };

  it('refuses "invoer gecorrigeerd" while the screening still says yes to the psychosis question', async () => {
    const session = await unlockedVault();
    const { client, draft } = await clientWithDraft(session, {
      ...EPDS_DRAFT,
      flags: { 'postpartum-psychosis': true },
    });
    const signalId = await signalIdFor(session, draft.id, 'postpartum-psychosis');
    await recordSafetySignal(session, { signalId, clientId: client.id }, { ...psychosis, draftId: draft.id });
    const user = userEvent.setup();
    renderRoute(`/safety/${signalId}`);
    const panel = await screen.findByRole('region', { name: 'Spoed: direct handelen' });
    await user.click(within(panel).getByRole('radio', { name: /Invoer gecorrigeerd/ }));
    await user.type(within(panel).getByLabelText('Toelichting (verplicht)'), 'Verkeerd aangetikt');
    await user.click(within(panel).getByRole('button', { name: 'Actie vastleggen' }));
    expect(await screen.findByText(/Het signaal staat nog/)).toBeInTheDocument();
    expect((await listOpenSignals(session)).records).toHaveLength(1);
  });

  it('accepts "invoer gecorrigeerd" with a note when the yes was given on a start screen that was never started', async () => {
    const session = await unlockedVault();
    const signalId = await signalIdFor(session, 'never-started', 'postpartum-psychosis');
    await recordSafetySignal(session, { signalId, clientId: null }, { ...psychosis, draftId: 'never-started' });
    const user = userEvent.setup();
    const { router } = renderRoute(`/safety/${signalId}`);
    const panel = await screen.findByRole('region', { name: 'Spoed: direct handelen' });
    await user.click(within(panel).getByRole('radio', { name: /Invoer gecorrigeerd/ }));
    await user.type(
      within(panel).getByLabelText('Toelichting (verplicht)'),
      'Per ongeluk "Ja" aangetikt; geen signalen.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Actie vastleggen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect((await listOpenSignals(session)).records).toHaveLength(0);
  });
});
