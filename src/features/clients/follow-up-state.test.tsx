// Issue 13: a follow-up's state is derived from its append-only events wherever it is read. A
// follow-up completed by a screening (or on another device) is "gedaan" on her page and is no
// longer the handover's next follow-up; the one still open is.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { completeFollowUp, createClient, createFollowUp, type VaultSession } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { loadHandover } from '../handover/use-handover';

afterEach(cleanup);

const data = { step: 1 as const, instrumentId: 'epds', screeningId: 's1' };

async function motherWithTwoFollowUps(session: VaultSession) {
  const client = await createClient(session, { alias: 'Moeder D' });
  const first = await createFollowUp(
    session,
    { clientId: client.id, pathwayId: 'postpartum', dueDate: '2026-03-04' },
    data,
  );
  const second = await createFollowUp(
    session,
    { clientId: client.id, pathwayId: 'postpartum', dueDate: '2099-03-18' },
    { ...data, screeningId: 's2' },
  );
  await completeFollowUp(session, first, 's2');
  return { client, first, second };
}

describe('a mother whose first follow-up was completed and whose second is planned', () => {
  it('her page shows the first as "gedaan" and only the second can be started', async () => {
    const session = await unlockedVault();
    const { client, second } = await motherWithTwoFollowUps(session);
    renderRoute(`/clients/${client.id}`);
    const entries = await screen.findAllByRole('article', { name: /^Vervolgcontact/ });
    expect(entries).toHaveLength(2);
    const statuses = entries.map((e) => within(e).getByRole('definition').textContent);
    expect(statuses.sort()).toEqual(['gedaan', 'nog te doen']);
    const starts = screen.getAllByRole('link', { name: 'Vervolgscreening starten' });
    expect(starts.map((l) => l.getAttribute('href'))).toEqual([`/screening?followUp=${encodeURIComponent(second.id)}`]);
  });

  it('the handover names the second as the next follow-up, not the completed one', async () => {
    const session = await unlockedVault();
    const { client, second } = await motherWithTwoFollowUps(session);
    expect((await loadHandover(session, client.id))?.followUp?.id).toBe(second.id);
  });
});
