// Signed envelopes (issue 20: "an event with a bad signature is refused and shown") in real Chromium:
// A makes a team and B joins through the comparison code, both against a pouchdb-server on 127.0.0.1.
// While B is offline A makes a client; the test then plays a server (or anyone with write access to
// the database) that rewrites that client's envelope with a signature that does not verify, keeping
// the ciphertext, which still opens under the team key. B comes back: the envelope is refused, B's
// data is unchanged, and Settings says so. And (issue 20) a joining device's own clients move into the
// team as an audited step, and the join itself is in both members' logs.
import { createClientViaUi } from './support/clients';
import { expect, test } from './support/fixtures';
import {
  adminGet,
  adminPut,
  createTeamViaUi,
  type Device,
  expectSynced,
  goToSettings,
  joinViaUi,
  MEMBERS,
  openClients,
  openDevice,
  startTeamServer,
  type TeamServer,
} from './support/team';

// Two onboardings with the production KDF and a join: a long journey.
test.setTimeout(240_000);

let team: TeamServer;
test.beforeEach(async () => {
  team = await startTeamServer();
});
test.afterEach(async () => {
  await team.close();
});

interface ServerDoc {
  _id: string;
  _rev: string;
  by?: string;
  sig?: string;
}

/** Envelope ids (records and audit days start with `r`) on the server, straight from CouchDB. */
async function envelopeIds(): Promise<Set<string>> {
  const all = (await adminGet(team, '/_all_docs')) as { rows: { id: string }[] };
  return new Set(all.rows.map((r) => r.id).filter((id) => id.startsWith('r')));
}

/** The signature with one byte flipped: still well-formed, no longer valid. */
async function openClient(page: Device['page'], alias: string): Promise<void> {
  await openClients(page);
  await page.getByRole('link', { name: alias, exact: true }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
}

function flipped(sig: string): string {
  const bytes = Buffer.from(sig, 'base64');
  bytes[10] = (bytes[10] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

test('an envelope whose signature does not verify is refused on B and shown; B’s data is unchanged', async ({
  guard,
}) => {
  let a!: Device;
  let b!: Device;

  await test.step('Given A makes the team and a client, and B joins and receives it', async () => {
    a = await openDevice(team, guard, 'AXQZW');
    await createTeamViaUi(a.page, MEMBERS.a);
    await expectSynced(a.page);
    await createClientViaUi(a.page, 'Getekend-Alfa-1');
    await expectSynced(a.page);
    b = await openDevice(team, guard, 'BXQZW');
    await joinViaUi(a.page, b.page, MEMBERS.b);
    await expectSynced(b.page);
    await openClients(b.page);
    await expect(b.page.getByRole('link', { name: 'Getekend-Alfa-1', exact: true })).toBeVisible({ timeout: 30_000 });
  });

  const before = await envelopeIds();

  await test.step('When, while B is offline, A makes a client and its envelope is re-signed badly on the server', async () => {
    await b.context.setOffline(true);
    await createClientViaUi(a.page, 'Vervalst-Delta-4410');
    await expectSynced(a.page);
    const fresh = [...(await envelopeIds())].filter((id) => !before.has(id));
    expect(fresh.length).toBeGreaterThan(0);
    for (const id of fresh) {
      const doc = (await adminGet(team, `/${encodeURIComponent(id)}`)) as ServerDoc;
      // Every envelope a joined device pushes is signed, by its device id.
      expect(doc.by).toMatch(/^[A-Z2-7]{8}$/);
      expect(typeof doc.sig).toBe('string');
      await adminPut(team, `/${encodeURIComponent(id)}`, { ...doc, sig: flipped(doc.sig ?? '') });
    }
    await b.context.setOffline(false);
  });

  await test.step('Then B refuses it: Settings names the record and its claimed author, and the client is not there', async () => {
    await goToSettings(b.page);
    const refused = b.page.getByTestId('team-refused');
    await expect(refused).toContainText('Geweigerd: ongeldige handtekening', { timeout: 30_000 });
    const line = refused.getByTestId('team-refusal').filter({ hasText: 'cliënt' });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText('AXQZW');
    await expect(line).toContainText('de handtekening klopt niet');
    await openClients(b.page);
    await expect(b.page.getByRole('link', { name: 'Getekend-Alfa-1', exact: true })).toBeVisible();
    await expect(b.page.getByRole('link', { name: 'Vervalst-Delta-4410', exact: true })).toHaveCount(0);
  });
});

test('B’s own clients move into the team when it joins: A receives them signed, and both logs show the join and the move', async ({
  guard,
}) => {
  let a!: Device;
  let b!: Device;

  await test.step('Given A makes the team, and B has a client of its own before joining', async () => {
    a = await openDevice(team, guard, 'AXQZW');
    await createTeamViaUi(a.page, MEMBERS.a);
    await expectSynced(a.page);
    b = await openDevice(team, guard, 'BXQZW');
    await createClientViaUi(b.page, 'Eigen-Beta-2');
  });

  await test.step('When B joins', async () => {
    await joinViaUi(a.page, b.page, MEMBERS.b);
    await expect(b.page.getByTestId('team-flash')).toContainText('je eigen cliënten gaan mee naar het team');
    await expectSynced(b.page);
  });

  await test.step('Then A has B’s client, and its log there says B brought it into the team', async () => {
    await expectSynced(a.page);
    await openClient(a.page, 'Eigen-Beta-2');
    await a.page.getByText('Wie deed wat (logboek)').click();
    const log = a.page.getByTestId('client-log');
    await expect(
      log.locator('li[data-device="other"]', { hasText: 'Meegenomen naar het team (bij lid worden)' }),
    ).toContainText('BXQZW', { timeout: 30_000 });
    // Nothing B pushed was refused: every envelope verified against B's member document.
    await goToSettings(a.page);
    await expect(a.page.getByTestId('team-refused')).toHaveCount(0);
  });

  await test.step('And A’s log shows that B joined and that A added B’s device, with the key generation', async () => {
    await a.page.getByRole('link', { name: 'Logboek', exact: true }).click();
    const joined = a.page.locator('tr[data-device="other"]', { hasText: 'Lid geworden van het team' });
    await expect(joined).toContainText('BXQZW', { timeout: 30_000 });
    await expect(joined).toContainText('teamsleutel 1');
    await expect(
      a.page.locator('tr[data-device="this"]', { hasText: 'Collega aan het team toegevoegd' }),
    ).toContainText('teamsleutel 1');
  });
});
