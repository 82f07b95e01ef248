import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, createPlan, findTextDraft, listPlans, updatePlan, type VaultSession } from '../../db';
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

  describe('a version saved elsewhere (another team device, or chosen after a conflict)', () => {
    const content = (triggers: string[]) => ({
      warningSigns: [],
      triggers,
      whatIDo: [],
      whatOthersDo: [],
      whomToCall: [],
    });
    async function planWith(triggers: string[]) {
      const client = await createClient(session, { alias: 'P' });
      await createPlan(
        session,
        { clientId: client.id, pathwayId: 'relapse-prevention' },
        revisePlan(null, content(triggers), '2026-01-01T10:00:00Z'),
      );
      return client.id;
    }
    async function saveElsewhere(clientId: string, triggers: string[], at: string) {
      const [current] = (await listPlans(session, clientId)).records;
      if (!current) throw new Error('no plan');
      await updatePlan(session, current, revisePlan(current.data, content(triggers), at));
    }

    it('replaces a form without edits and leaves no draft, so a later visit shows the newest version', async () => {
      const clientId = await planWith(['eerste']);
      const view = renderRoute(`/clients/${clientId}/plan`);
      const triggers = await screen.findByRole('textbox', { name: 'Wat het kan uitlokken' });
      expect(triggers).toHaveValue('eerste');

      await saveElsewhere(clientId, ['van het team'], '2026-01-02T10:00:00Z');
      await vi.waitFor(() => expect(triggers).toHaveValue('van het team'));
      // What the auto-lock does before it locks: every draft saver writes what it holds.
      await session.db.lifecycle.flushAll(5_000);
      expect(await findTextDraft(session, `plan:${clientId}`)).toBeUndefined();
      view.unmount();

      await saveElsewhere(clientId, ['gekozen versie'], '2026-01-03T10:00:00Z');
      renderRoute(`/clients/${clientId}/plan`);
      expect(await screen.findByRole('textbox', { name: 'Wat het kan uitlokken' })).toHaveValue('gekozen versie');
      expect(screen.queryByText(/zijn teruggezet/)).not.toBeInTheDocument();
    });

    it('keeps the edits of a form being typed in and offers the new version instead of replacing them', async () => {
      const clientId = await planWith(['eerste']);
      const user = userEvent.setup();
      renderRoute(`/clients/${clientId}/plan`);
      const triggers = await screen.findByRole('textbox', { name: 'Wat het kan uitlokken' });
      await user.clear(triggers);
      await user.type(triggers, 'mijn tekst');

      await saveElsewhere(clientId, ['van het team'], '2026-01-02T10:00:00Z');
      expect(await screen.findByText(/intussen ergens anders opgeslagen/)).toBeInTheDocument();
      expect(triggers).toHaveValue('mijn tekst');

      await user.click(screen.getByRole('button', { name: /Toon de nieuwe versie/ }));
      expect(triggers).toHaveValue('van het team');
      expect(screen.queryByText(/intussen ergens anders opgeslagen/)).not.toBeInTheDocument();
    });
  });
});
