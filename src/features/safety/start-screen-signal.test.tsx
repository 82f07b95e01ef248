// Issue 13, finding: a "Ja" to a safety question on the start screen, given before the professional
// has said who the screening is for, was stored without a client and stayed anonymous for good: her
// page did not show it and Vandaag called it "Anonieme screening". Now it is linked once she is chosen
// or created (an append-only 'linked' event), and a signal nobody was linked to still heads Vandaag.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, getDraft, listOpenSignals, listSafetyEvents, saveDraft } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});
afterEach(cleanup);

const CRISIS = 'Is er een acute crisis in de zorgsituatie?';

/** The supporter answers "Ja" to the acute-crisis question before choosing the client. */
async function crisisYesBeforeClient(user: ReturnType<typeof userEvent.setup>) {
  const group = await screen.findByRole('group', { name: CRISIS });
  await user.click(within(group).getByRole('radio', { name: 'Ja' }));
  await screen.findByRole('region', { name: /Veiligheid eerst/ });
}

describe('a caregiver in an acute care crisis, answered "Ja" before the client is chosen', () => {
  it('the signal is stored at once, before anyone is named, and heads Vandaag as an anonymous screening until acted on', async () => {
    const session = await unlockedVault();
    const user = userEvent.setup();
    const { router } = renderRoute('/screening?pathway=caregivers');
    await crisisYesBeforeClient(user);
    await waitFor(async () => expect((await listOpenSignals(session)).records).toHaveLength(1));
    expect((await listOpenSignals(session)).records[0]?.clientId).toBeNull();

    // She is called away before choosing the client: the signal is not lost, and says whose it is not.
    await router.navigate('/');
    const today = await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    expect(within(today).getByText('Anonieme screening')).toBeInTheDocument();
    expect(within(today).getByText(/actie nog niet vastgelegd/)).toBeInTheDocument();
  });

  it('is linked to the new client created in the same session: Vandaag and her page name her', async () => {
    const session = await unlockedVault();
    const user = userEvent.setup();
    const { router } = renderRoute('/screening?pathway=caregivers');
    await crisisYesBeforeClient(user);
    await waitFor(async () => expect((await listOpenSignals(session)).records).toHaveLength(1));

    await user.click(screen.getByRole('radio', { name: 'Nieuwe cliënt' }));
    await user.type(screen.getByLabelText('Code of bijnaam van de cliënt'), 'MZ-31');
    await user.click(screen.getByRole('button', { name: 'Screening starten' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/screening\/[^/]+$/));

    const [signal] = (await listOpenSignals(session)).records;
    expect(signal?.clientId).toEqual(expect.any(String));
    // Append-only: the signal as first stored is untouched; a 'linked' event names her.
    const kinds = (await listSafetyEvents(session)).records.map((e) => [e.data.kind, e.clientId]);
    expect(kinds).toEqual([
      ['signal', null],
      ['linked', signal?.clientId],
    ]);

    await router.navigate('/');
    const today = await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    expect(await within(today).findByText('MZ-31')).toBeInTheDocument();
    expect(within(today).queryByText('Anonieme screening')).not.toBeInTheDocument();
    await router.navigate(`/clients/${signal?.clientId}`);
    await screen.findByRole('heading', { level: 1, name: 'MZ-31' });
    const hers = await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    expect(within(hers).getByText(/actie nog niet vastgelegd/)).toBeInTheDocument();
  });

  it('is linked to an existing client chosen after the "Ja"', async () => {
    const session = await unlockedVault();
    const client = await createClient(session, { alias: 'MZ-08' });
    const user = userEvent.setup();
    const { router } = renderRoute('/screening?pathway=caregivers');
    await crisisYesBeforeClient(user);
    await waitFor(async () => expect((await listOpenSignals(session)).records).toHaveLength(1));

    await user.click(screen.getByRole('radio', { name: 'MZ-08' }));
    await user.click(screen.getByRole('button', { name: 'Screening starten' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/screening\/[^/]+$/));
    expect((await listOpenSignals(session)).records.map((r) => r.clientId)).toEqual([client.id]);
  });
});

describe('an anonymous screening of a caregiver in an acute care crisis, saved at the result for a new client', () => {
  it('her signal, raised on the start screen, is hers: the action and the link both name her', async () => {
    const session = await unlockedVault();
    const user = userEvent.setup();
    const { router } = renderRoute('/screening?pathway=caregivers&quick=1');
    await crisisYesBeforeClient(user);
    await user.click(screen.getByRole('button', { name: 'Screening starten' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/screening\/[^/]+$/));
    const draftId = router.state.location.pathname.split('/')[2] ?? '';
    // Straight to the result with every item answered "nee" (the crisis is what matters here).
    const answers = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`ediz-${i + 1}`, 0]));
    const [stored] = (await listOpenSignals(session)).records;
    expect(stored?.clientId).toBeNull();
    await router.navigate('/');
    await screen.findByRole('region', { name: 'Veiligheidssignalen' });
    const previous = await getDraft(session, draftId);
    if (!previous) throw new Error('the anonymous screening with a signal was not kept');
    await saveDraft(session, {
      previous,
      clientId: null,
      data: {
        pathwayId: 'caregivers',
        instrumentId: 'ediz-plus',
        answers,
        context: { phase: 'none' },
        flags: { 'acute-crisis': true },
        position: 0,
      },
    });
    await router.navigate(`/screening/${draftId}/result`);
    const panel = await screen.findByRole('region', { name: /Veiligheid eerst/ });
    await user.click(within(panel).getByRole('radio', { name: /Veilig Thuis gebeld/ }));
    await user.type(screen.getByLabelText('Code of bijnaam van de cliënt'), 'MZ-44');
    await user.click(screen.getByRole('button', { name: 'Cliënt aanmaken en opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/clients\/[^/]+$/));
    const clientId = router.state.location.pathname.split('/')[2];
    // The link and the action are written in the same millisecond at times: compare them unordered.
    const events = (await listSafetyEvents(session)).records.map((e) => `${e.data.kind}:${e.clientId}`);
    expect(events.sort()).toEqual([`action:${clientId}`, `linked:${clientId}`, 'signal:null']);
    expect((await listOpenSignals(session)).records).toEqual([]);
  });
});
