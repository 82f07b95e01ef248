// R42 on the screen: each tampering the chain check detects reads as "not intact" on the audit page,
// never as "compleet en niet gewijzigd".
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditSettled, createClient, createDatabase, lock, readAuditEvents, unlock, type VaultSession } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { TEST_PASSPHRASE, unlockedVault } from '../../runtime/testing/unlocked';

/** Event rows in chain order: their ids, oldest first (the rows are sealed; the session reads them). */
async function eventRowIds(session: VaultSession): Promise<string[]> {
  const rows = (await session.db.auditChain.toArray()).filter((r) => r.id !== 'anchor');
  const bySeq = new Map((await readAuditEvents(session)).map((e) => [e.id, e.seq]));
  // An event row's own id is random; match rows to events through the decrypted chain order.
  const { openEvent } = await import('../../db/audit/audit-store');
  const opened = await Promise.all(
    rows.map(async (r) => ({ id: r.id, seq: bySeq.get((await openEvent(session, r)).id) ?? -1 })),
  );
  return opened.sort((a, b) => a.seq - b.seq).map((r) => r.id);
}

async function withEvents(): Promise<VaultSession> {
  const session = await unlockedVault();
  for (let i = 0; i < 4; i++) await createClient(session, { alias: `c${i}` });
  await auditSettled(session.db);
  return session;
}

const cases: [string, (session: VaultSession) => Promise<void>][] = [
  [
    'anchor deleted, then the log truncated',
    async (s) => {
      const ids = await eventRowIds(s);
      await s.db.auditChain.delete('anchor');
      await s.db.auditChain.bulkDelete(ids.slice(-2));
    },
  ],
  ['log deleted', async (s) => s.db.auditChain.bulkDelete(await eventRowIds(s))],
  [
    'forged event appended',
    async (s) => {
      const [first] = await s.db.auditChain.toArray();
      if (first) await s.db.auditChain.add({ ...first, id: crypto.randomUUID(), ct: new Uint8Array(first.ct.length) });
    },
  ],
  [
    'locked-time events erased',
    async (s) => {
      const other = createDatabase({ name: s.db.name, liveQueryCache: 'disabled' }); // a second tab, locked
      await expect(unlock(other, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
      await auditSettled(other);
      await s.db.auditPending.clear();
    },
  ],
  [
    'truncated after hand-to-client mode',
    async (s) => {
      lock(await unlock(s.db, TEST_PASSPHRASE, { now: Date.now() + 3_600_000 })); // the client-mode exit check
      await createClient(s, { alias: 'na de cliëntmodus' });
      await auditSettled(s.db);
      await s.db.auditChain.delete((await eventRowIds(s)).at(-1) ?? '');
    },
  ],
];

describe('the audit page after tampering (R42)', () => {
  it('reads intact before any tampering', async () => {
    await withEvents();
    renderRoute('/settings/audit');
    expect(await screen.findByText(/Het logboek is compleet en niet gewijzigd/)).toBeInTheDocument();
  });

  it.each(cases)('%s: "gewijzigd of er ontbreken regels"', async (_name, tamper) => {
    const session = await withEvents();
    await tamper(session);
    renderRoute('/settings/audit');
    const message = await screen.findByText(/het logboek is gewijzigd of er ontbreken regels/);
    expect(message).toHaveClass('warning-box');
    expect(screen.queryByText(/compleet en niet gewijzigd/)).toBeNull();
  });
});
