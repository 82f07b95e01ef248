import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditSettled, createClient, teamRecordId } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

describe('the audit log check', () => {
  it('says "Het logboek is compleet" as a success, not as an error', async () => {
    await unlockedVault();
    renderRoute('/settings/audit');
    const message = await screen.findByText(/Het logboek is compleet/);
    expect(message).toHaveClass('form-message', 'ok');
  });
});

describe('the audit log rows', () => {
  it('name the client by code, never by the internal id', async () => {
    const session = await unlockedVault();
    const client = await createClient(session, { alias: 'Moeder A', code: 'K-12' });
    await auditSettled(session.db);
    renderRoute('/settings/audit');
    expect(await screen.findByRole('cell', { name: 'K-12' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(client.id.slice(0, 8));
  });
});

describe('team membership rows (issue 20)', () => {
  it('say who joined or rotated the key, and which generation (and device) it was', async () => {
    const session = await unlockedVault();
    await appendAudit(session.db, [
      { action: 'team-join', recordId: teamRecordId('g1-s-abc123') },
      { action: 'team-key-rotate', recordId: teamRecordId('g2-s-def456', 'BXQZWAAA') },
    ]);
    await auditSettled(session.db);
    renderRoute('/settings/audit');
    expect(await screen.findByRole('cell', { name: 'Lid geworden van het team' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'teamsleutel 1' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Lid verwijderd, nieuwe teamsleutel gemaakt' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'apparaat BXQZWAAA, teamsleutel 2' })).toBeInTheDocument();
  });
});
