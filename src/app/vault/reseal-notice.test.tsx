import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { useResealStatus } from '../../runtime/vault/reseal-runner';

beforeEach(async () => {
  useSession.setState({ clientMode: false });
  setLanguage('nl');
  useResealStatus.setState({ phase: 'idle', done: 0, total: 0 });
  await unlockedVault();
});

describe('the re-sealing progress in the shell (R40 migration)', () => {
  it('says how far it is while it runs, and goes away when it is done', async () => {
    renderRoute('/cards');
    act(() => useResealStatus.setState({ phase: 'running', done: 200, total: 601 }));
    const notice = await screen.findByText('Gegevens worden beveiligd… 200 van 601');
    expect(notice).toHaveAttribute('role', 'status');
    act(() => useResealStatus.setState({ phase: 'done', done: 601, total: 601 }));
    expect(screen.queryByText(/Gegevens worden beveiligd/)).not.toBeInTheDocument();
  });
});
