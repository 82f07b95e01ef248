import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
