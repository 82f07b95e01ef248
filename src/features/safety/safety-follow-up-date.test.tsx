// Finding S2 on screen (CONTENT.md §4): the follow-up date of a safety result accepted any date,
// past or far future. Now a date in the past is refused, and a date beyond the route's longest
// interval is saved only once the professional confirms she means it (with the reason it is later).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { listDecisions, listFollowUps } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { localDate } from '../screening/dates';
import { clientWithDraft, EPDS_DRAFT } from '../screening/screening-test-helpers';

afterEach(cleanup);

// Thoughts of self-harm (item 10 on "sometimes") with an otherwise low EPDS.
const SELF_HARM = {
  ...EPDS_DRAFT,
  answers: {
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`epds-${i + 1}`, [1, 2, 4].includes(i + 1) ? 0 : 3])),
    'epds-10': 2,
  },
};
const DAY = 86_400_000;

describe('S2: the follow-up date of a mother with thoughts of self-harm', () => {
  it('cannot be set in the past', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, SELF_HARM);
    const user = userEvent.setup();
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    await user.click(await screen.findByRole('radio', { name: 'Huisarts geïnformeerd' }));
    fireEvent.change(screen.getByLabelText('Vervolgafspraak'), { target: { value: localDate(Date.now() - DAY) } });
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findAllByText('De vervolgafspraak kan niet in het verleden liggen.')).not.toHaveLength(0);
    expect(router.state.location.pathname).toBe(`/screening/${draft.id}/result`);
  });

  it('beyond the longest interval of the route is saved only once she confirms it, with the reason', async () => {
    const session = await unlockedVault();
    const { client, draft } = await clientWithDraft(session, SELF_HARM);
    const user = userEvent.setup();
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    await user.click(await screen.findByRole('radio', { name: 'Huisarts geïnformeerd' }));
    const farAway = localDate(Date.now() + 120 * DAY);
    fireEvent.change(screen.getByLabelText('Vervolgafspraak'), { target: { value: farAway } });
    await user.type(screen.getByLabelText(/Waarom later dan morgen/), 'Opgenomen; de kliniek ziet haar dagelijks.');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findAllByText(/Bevestig dat je dit bedoelt/)).not.toHaveLength(0);
    expect(router.state.location.pathname).toBe(`/screening/${draft.id}/result`);

    await user.click(screen.getByRole('checkbox', { name: /bewust een datum na de langste termijn/ }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${client.id}`));
    expect((await listFollowUps(session, client.id)).records.map((f) => f.dueDate)).toEqual([farAway]);
    const [decision] = (await listDecisions(session, client.id)).records;
    expect(decision?.data.followUpReason).toBe('Opgenomen; de kliniek ziet haar dagelijks.');
  });
});
