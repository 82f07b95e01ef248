// Deleting a client (issue 20) in real Chromium: "Archiveren" is reversible and keeps the client under
// "Gearchiveerd"; "Definitief vernietigen" needs a reason and the typed alias, removes the client and
// says what it cannot reach. Then two team devices: a destroy on A removes the client on B after sync.
import type { Page } from '@playwright/test';
import { openEnvelope, teamKeys } from '../src/runtime/sync/envelope';
import { createClientViaUi } from './support/clients';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import {
  adminGet,
  expectSynced,
  joinTeam,
  MEMBERS,
  openClients,
  openDevice,
  startTeamServer,
  type TeamServer,
} from './support/team';

/** The ids of the documents the server holds (deleted ones are not listed). */
async function serverDocIds(team: TeamServer): Promise<string[]> {
  const all = (await adminGet(team, '/_all_docs')) as { rows: { id: string }[] };
  return all.rows.map((r) => r.id).filter((id) => !id.startsWith('_'));
}

async function openClient(page: Page, alias: string) {
  await openClients(page);
  await page.getByRole('link', { name: alias, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
}

async function showArchived(page: Page, archived: boolean) {
  await page.getByRole('radio', { name: archived ? 'Gearchiveerd' : 'Actief' }).check();
}

async function destroyViaUi(page: Page, alias: string) {
  await page.getByText('Definitief vernietigen…').click();
  const form = page.getByRole('form', { name: 'Cliënt definitief vernietigen' });
  await expect(form.getByText(/Een apparaat dat nooit meer synchroniseert, houdt zijn kopie/)).toBeVisible();
  await expect(form.getByText(/Oudere back-ups bevatten deze cliënt nog/)).toBeVisible();
  // Without a reason and the typed alias nothing happens.
  await form.getByRole('button', { name: 'Definitief vernietigen' }).click();
  await expect(form.getByText('Kies een reden.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
  await form.getByRole('radio', { name: /De cliënt heeft gevraagd/ }).check();
  await form.getByLabel(`Typ “${alias}” om te bevestigen`).fill(`${alias}x`);
  await form.getByRole('button', { name: 'Definitief vernietigen' }).click();
  await expect(form.getByText(`Typ precies “${alias}”.`)).toBeVisible();
  await form.getByLabel(`Typ “${alias}” om te bevestigen`).fill(alias);
  await form.getByRole('button', { name: 'Definitief vernietigen' }).click();
  await expect(page.getByText('De cliënt is definitief vernietigd op dit apparaat.')).toBeVisible();
}

test('archive is reversible and destroy needs a reason and the typed alias, then the client is gone', async ({
  page,
  server,
}) => {
  await test.step('Given a client', async () => {
    await page.goto(server.url);
    await onboard(page);
    await createClientViaUi(page, 'Archief-Anna');
  });
  await test.step('When I archive her, she leaves the list and shows under Gearchiveerd', async () => {
    await page.getByRole('button', { name: 'Archiveren' }).click();
    await expect(page.getByText(/^Deze cliënt is gearchiveerd/)).toBeVisible();
    await openClients(page);
    await expect(page.getByText('Nog geen cliënten.', { exact: false })).toBeVisible();
    await showArchived(page, true);
    await expect(page.getByRole('link', { name: /Archief-Anna/ })).toBeVisible();
  });
  await test.step('And bringing her back puts her in the list again', async () => {
    await page.getByRole('link', { name: /Archief-Anna/ }).click();
    await page.getByRole('button', { name: 'Terugzetten uit archief' }).click();
    await expect(page.getByText(/^Deze cliënt is gearchiveerd/)).toHaveCount(0);
    await openClients(page);
    await expect(page.getByRole('link', { name: 'Archief-Anna', exact: true })).toBeVisible();
  });
  await test.step('Then destroying her asks for a reason and her alias, and removes her from every list', async () => {
    await openClient(page, 'Archief-Anna');
    await destroyViaUi(page, 'Archief-Anna');
    await expect(page.getByRole('link', { name: /Archief-Anna/ })).toHaveCount(0);
    await showArchived(page, true);
    await expect(page.getByText('Er zijn geen gearchiveerde cliënten.')).toBeVisible();
  });
});

test('a client destroyed on A is removed from B when B syncs', async ({ guard }) => {
  test.setTimeout(180_000);
  const team = await startTeamServer();
  try {
    const a = await openDevice(team, guard, 'AVN');
    const key = await joinTeam(a.page, MEMBERS.a);
    await expectSynced(a.page);
    await createClientViaUi(a.page, 'Gedeeld-Greet');
    await createClientViaUi(a.page, 'Blijft-Bart');
    await expectSynced(a.page);

    const b = await openDevice(team, guard, 'BVN');
    await joinTeam(b.page, MEMBERS.b, key);
    await expectSynced(b.page);
    await openClients(b.page);
    await expect(b.page.getByRole('link', { name: 'Gedeeld-Greet', exact: true })).toBeVisible({ timeout: 30_000 });
    // "Mijn cliënten" on B: A's clients are A's (A created them), so B's own list is empty.
    await b.page.getByRole('radio', { name: 'Mijn cliënten (BVN)' }).check();
    await expect(b.page.getByText('Nog geen cliënten.', { exact: false })).toBeVisible();
    await b.page.getByRole('radio', { name: 'Het hele team' }).check();
    await expect(b.page.getByRole('link', { name: 'Gedeeld-Greet', exact: true })).toBeVisible();

    const before = await serverDocIds(team);
    await openClient(a.page, 'Gedeeld-Greet');
    await destroyViaUi(a.page, 'Gedeeld-Greet');
    await expectSynced(a.page);
    // On the server: the client's envelope is deleted and the client-shredded event is added. (Other new
    // documents may appear meanwhile, e.g. a device's audit day: each added one is opened with the team key
    // to say what it holds.)
    const keys = await teamKeys(key.key, key.kid);
    await expect
      .poll(async () => {
        const after = await serverDocIds(team);
        const added = after.filter((id) => !before.includes(id));
        const tables: string[] = [];
        for (const id of added) {
          const opened = await openEnvelope(
            keys,
            (await adminGet(team, `/${encodeURIComponent(id)}`)) as { _id: string },
          );
          tables.push(opened.ok ? opened.table : 'unreadable');
        }
        return {
          removed: before.filter((id) => !after.includes(id)).length,
          shredEvents: tables.filter((t) => t === 'shreddedClients').length,
          records: tables.filter((t) => t === 'clients' || t === 'screenings' || t === 'unreadable').length,
        };
      })
      .toEqual({ removed: 1, shredEvents: 1, records: 0 });

    // B's list is live: it drops the client when the client-shredded event arrives, and keeps the other.
    await openClients(b.page);
    await expect(b.page.getByRole('link', { name: 'Blijft-Bart', exact: true })).toBeVisible();
    await expect(b.page.getByRole('link', { name: 'Gedeeld-Greet', exact: true })).toHaveCount(0, { timeout: 30_000 });
    await expectSynced(b.page);
    await showArchived(b.page, true);
    await expect(b.page.getByRole('link', { name: /Gedeeld-Greet/ })).toHaveCount(0);
  } finally {
    await team.close();
  }
});
