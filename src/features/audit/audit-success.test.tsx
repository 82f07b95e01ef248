import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditSettled, createClient } from '../../db';
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
