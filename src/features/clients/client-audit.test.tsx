import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditSettled, createClient, readAuditEvents } from '../../db';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});

describe('client page and the audit log', () => {
  it('opening a client logs one "view" event naming only the record id, and links to the handover', async () => {
    const session = await unlockedVault();
    const client = await createClient(session, { alias: 'CANARY-7F3A' });
    renderRoute(`/clients/${client.id}`);
    const handover = await screen.findByRole('link', { name: /Overdracht/ });
    expect(handover).toHaveAttribute('href', `/clients/${client.id}/handover`);
    await waitFor(async () => {
      await auditSettled(testRuntime().db);
      const views = (await readAuditEvents(testRuntime().session())).filter((e) => e.action === 'view');
      expect(views.map((e) => e.recordId)).toEqual([client.id]);
    });
    const log = JSON.stringify(await testRuntime().db.auditChain.toArray(), (_k, v: unknown) =>
      v instanceof Uint8Array ? [...v] : v,
    );
    expect(log).not.toContain('CANARY-7F3A');
  });
});
