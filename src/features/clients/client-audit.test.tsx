import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSession } from '../../app/session-store';
import { renderRoute } from '../../app/testing/render-route';
import { unlockedVault } from '../../app/testing/unlocked';
import { appDb } from '../../app/vault/vault-runtime';
import { auditSettled, createClient } from '../../db';

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ language: 'nl', clientMode: false });
});

describe('client page and the audit log', () => {
  it('opening a client logs one "view" event naming only the record id, and links to the handover', async () => {
    const session = await unlockedVault();
    const client = await createClient(session, { alias: 'CANARY-7F3A' });
    renderRoute(`/clients/${client.id}`);
    const handover = await screen.findByRole('link', { name: /Overdracht/ });
    expect(handover).toHaveAttribute('href', `/clients/${client.id}/handover`);
    await waitFor(async () => {
      await auditSettled(appDb());
      const views = (await appDb().auditLog.toArray()).filter((e) => e.action === 'view');
      expect(views.map((e) => e.recordId)).toEqual([client.id]);
    });
    const log = JSON.stringify(await appDb().auditLog.toArray());
    expect(log).not.toContain('CANARY-7F3A');
  });
});
