import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, listPlans, type VaultSession } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { packOf } from '../clients/testing/seed';
import { revisePlan } from './plan-model';

describe('Relapse-prevention plan', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });

  it('offers exactly the warning-sign categories of the pack’s plan template', async () => {
    const pack = await packOf('relapse-prevention');
    const client = await createClient(session, { alias: 'P' });
    renderRoute(`/clients/${client.id}/plan`);
    const group = await screen.findByRole('group', { name: 'Mijn vroege signalen' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual(
      pack.planTemplate?.warningSignCategories.map((c) => c.label.nl),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(9);
  });

  it('saves a dated version and keeps the earlier one in history on revision', async () => {
    const client = await createClient(session, { alias: 'P' });
    const user = userEvent.setup();
    renderRoute(`/clients/${client.id}/plan`);
    await user.click(await screen.findByRole('checkbox', { name: 'Slaap verandert' }));
    await user.type(screen.getByRole('textbox', { name: /Hoe merkt de cliënt dit/ }), 'wakker om 4 uur');
    await user.type(screen.getByRole('textbox', { name: 'Wat het kan uitlokken' }), 'drukte op werk{Enter}ruzie');
    await user.click(screen.getByRole('button', { name: 'Persoon toevoegen' }));
    await user.type(screen.getByRole('textbox', { name: 'Naam' }), 'Zus');
    await user.click(screen.getByRole('button', { name: 'Nieuwe versie opslaan' }));
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
    expect(await screen.findByText(/versie van/)).toBeInTheDocument();

    const [first] = (await listPlans(session, client.id)).records;
    expect(first?.data).toMatchObject({
      warningSigns: [{ category: 'sleep', text: 'wakker om 4 uur' }],
      triggers: ['drukte op werk', 'ruzie'],
      whomToCall: [{ name: 'Zus' }],
    });
    expect(first?.data.history).toBeUndefined();

    await user.click(screen.getByRole('checkbox', { name: 'Prikkelbaar' }));
    await user.click(screen.getByRole('button', { name: 'Nieuwe versie opslaan' }));
    expect(await screen.findByRole('heading', { name: 'Eerdere versies' })).toBeInTheDocument();
    const [second] = (await listPlans(session, client.id)).records;
    expect(second?.data.warningSigns.map((s) => s.category)).toEqual(['sleep', 'irritability']);
    expect(second?.data.history).toHaveLength(1);
    expect(second?.data.history?.[0]?.snapshot.warningSigns).toEqual([{ category: 'sleep', text: 'wakker om 4 uur' }]);
  });

  it('a revision moves the current version, without its own history, to the end of history', () => {
    const v1 = revisePlan(
      null,
      { warningSigns: [], triggers: ['a'], whatIDo: [], whatOthersDo: [], whomToCall: [] },
      '2026-01-01T00:00:00Z',
    );
    const v2 = revisePlan(v1, { ...v1, triggers: ['b'] }, '2026-02-01T00:00:00Z');
    const v3 = revisePlan(v2, { ...v1, triggers: ['c'] }, '2026-03-01T00:00:00Z');
    expect(v3.revisedAt).toBe('2026-03-01T00:00:00Z');
    expect(v3.history?.map((h) => [h.revisedAt, h.snapshot.triggers])).toEqual([
      ['2026-01-01T00:00:00Z', ['a']],
      ['2026-02-01T00:00:00Z', ['b']],
    ]);
    expect(v3.history?.[1]?.snapshot).not.toHaveProperty('history');
  });

  it('the print view shows the plan with a print button', async () => {
    const client = await createClient(session, { alias: 'P' });
    const { createPlan } = await import('../../db');
    await createPlan(
      session,
      { clientId: client.id, pathwayId: 'relapse-prevention' },
      revisePlan(
        null,
        {
          warningSigns: [{ category: 'fatigue', text: 'moe bij het opstaan' }],
          triggers: [],
          whatIDo: ['wandelen'],
          whatOthersDo: [],
          whomToCall: [{ name: 'POH-GGZ', phone: '010-1234567' }],
        },
        '2026-01-01T10:00:00Z',
      ),
    );
    renderRoute(`/clients/${client.id}/plan/print`);
    expect(await screen.findByRole('button', { name: 'Afdrukken' })).toBeInTheDocument();
    expect(screen.getByText('Moe: moe bij het opstaan')).toBeInTheDocument();
    expect(screen.getByText('POH-GGZ — 010-1234567')).toBeInTheDocument();
    expect(screen.getByText(/versie van 1 januari 2026/)).toBeInTheDocument();
  });
});
