// Issue 18: the free-text note on an open safety signal's page is kept as an encrypted draft, like the
// client note: leaving the page or the auto-lock keeps it, recording the action clears it.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { findTextDraft, recordSafetySignal, signalIdFor, type VaultSession } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { TEST_PASSPHRASE, unlockedVault } from '../../runtime/testing/unlocked';
import { flushBeforeReload } from '../../runtime/update/update-guards';
import { clientWithDraft, EPDS_DRAFT } from '../screening/screening-test-helpers';

afterEach(cleanup);

const NOTE = 'Partner thuis, huisarts gebeld om 14:10';

async function openSignal(session: VaultSession): Promise<string> {
  const { client, draft } = await clientWithDraft(session, { ...EPDS_DRAFT, flags: { 'postpartum-psychosis': true } });
  const signalId = await signalIdFor(session, draft.id, 'postpartum-psychosis');
  await recordSafetySignal(
    session,
    { signalId, clientId: client.id },
    {
      kind: 'signal',
      draftId: draft.id,
      pathwayId: 'postpartum',
      handedToClient: false,
      signal: {
        id: 'postpartum-psychosis',
        kind: 'safety-question',
        level: 'emergency',
        label: { nl: 'Zijn er tekenen van een postpartumpsychose?', en: 'Signs of a postpartum psychosis?' },
      },
      at: '2026-12-01T09:00:00.000Z',
    },
  );
  return signalId;
}

const noteField = async () =>
  within(await screen.findByRole('region', { name: 'Spoed: direct handelen' })).getByRole('textbox');

describe('the note on a safety signal page', () => {
  it('typed, away to Vandaag and back: the note is in its field again, told so', async () => {
    const session = await unlockedVault();
    const signalId = await openSignal(session);
    const user = userEvent.setup();
    const { router } = renderRoute(`/safety/${signalId}`);
    await user.type(await noteField(), NOTE);
    await router.navigate('/');
    // Away means Vandaag is on screen: the router renders in a transition, and going back before it
    // committed would keep the signal page mounted with the typed text (no restore to check).
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    expect(screen.queryByRole('region', { name: 'Spoed: direct handelen' })).toBeNull();
    await waitFor(async () => expect((await findTextDraft(session, `signal:${signalId}`))?.data.texts.note).toBe(NOTE));
    await router.navigate(`/safety/${signalId}`);
    const field = await noteField();
    await waitFor(() => expect(field).toHaveValue(NOTE)); // the draft is read after the page shows
    expect(screen.getByText('Je nog niet vastgelegde toelichting is teruggezet.')).toBeInTheDocument();
  });

  it('typed, then the auto-lock (which flushes drafts first), then unlock: the note is back; recording the action clears the draft', async () => {
    const session = await unlockedVault();
    const signalId = await openSignal(session);
    const user = userEvent.setup();
    renderRoute(`/safety/${signalId}`);
    await user.type(await noteField(), NOTE);
    // What the auto-lock does (src/app/vault/use-auto-lock.ts): flush every guarded draft, then lock.
    await flushBeforeReload();
    testRuntime().lock();
    cleanup();
    const again = await testRuntime().unlock(TEST_PASSPHRASE);
    const { router } = renderRoute(`/safety/${signalId}`);
    const field = await noteField();
    await waitFor(() => expect(field).toHaveValue(NOTE));
    await user.click(screen.getByRole('radio', { name: /geen acuut gevaar/ }));
    await user.click(screen.getByRole('button', { name: 'Actie vastleggen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await findTextDraft(again, `signal:${signalId}`)).toBeUndefined();
  });
});
