// Team sync (issue 19, R50) in real Chromium: profiles A and B hold the team key, C does not; a
// pouchdb-server on 127.0.0.1 (random port, started here) stands in for CouchDB behind /sync/.
import type { Page } from '@playwright/test';
import { createClientViaUi } from './support/clients';
import { expect, test } from './support/fixtures';
import { checkAndShowResult, enterPositions, saveResult, startScreening } from './support/screening-page';
import {
  adminGet,
  type Device,
  expectSynced,
  goToSettings,
  joinTeam,
  MEMBERS,
  openClients,
  openDevice,
  startTeamServer,
  type TeamServer,
} from './support/team';

// Three onboardings with the production KDF, two offline rounds and a conflict: a long journey.
test.setTimeout(240_000);

const ENVELOPE_FIELDS = new Set(['_id', '_rev', 'kid', 'v', 'payload', '_revisions', '_deleted', '_conflicts']);

let team: TeamServer;
test.beforeEach(async () => {
  team = await startTeamServer();
});
test.afterEach(async () => {
  await team.close();
});

async function openPlan(page: Page, alias: string) {
  await openClients(page);
  await page.getByRole('link', { name: alias, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
  await page.getByRole('link', { name: /^Signaleringsplan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Signaleringsplan/ })).toBeVisible();
}

async function savePlanTriggers(page: Page, text: string) {
  await page.getByLabel('Wat het kan uitlokken').fill(text);
  await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
  await expect(page.getByText(/versie van/)).toBeVisible();
}

async function expectClientListed(page: Page, alias: string, timeout = 30_000) {
  await openClients(page);
  await expect(page.getByRole('link', { name: alias, exact: true })).toBeVisible({ timeout });
}

/** Every document and every revision on the server, as raw JSON text and parsed. */
async function serverContents(): Promise<{ text: string; docs: Record<string, unknown>[] }> {
  const all = (await adminGet(team, '/_all_docs')) as { rows: { id: string }[] };
  const docs: Record<string, unknown>[] = [];
  for (const row of all.rows) {
    const revs = (await adminGet(team, `/${encodeURIComponent(row.id)}?open_revs=all&revs=true`)) as {
      ok?: Record<string, unknown>;
    }[];
    for (const r of revs) if (r.ok) docs.push(r.ok);
  }
  const changes = await adminGet(team, '/_changes?style=all_docs&include_docs=true&conflicts=true');
  return { text: JSON.stringify(docs) + JSON.stringify(changes), docs };
}

test('A and B work offline, reconnect and converge; the plan conflict is chosen; the server holds only envelopes; C decrypts none', async ({
  guard,
}) => {
  const canaries = ['Kanarie-Alfa-7731', 'Kanarie-Beta-5519', 'Kanarie-Gamma-2284', 'TRIGGER-A-8812', 'TRIGGER-B-6645'];
  let a!: Device;
  let b!: Device;
  let key!: { key: string; kid: string };

  await test.step('Given A makes the team and a client with a plan, and B joins with the same key', async () => {
    a = await openDevice(team, guard, 'AXQZW');
    key = await joinTeam(a.page, MEMBERS.a);
    await expectSynced(a.page);
    await createClientViaUi(a.page, 'Kanarie-Alfa-7731');
    await openPlan(a.page, 'Kanarie-Alfa-7731');
    await savePlanTriggers(a.page, 'Drukte op het werk');
    await expectSynced(a.page);

    b = await openDevice(team, guard, 'BXQZW');
    await joinTeam(b.page, MEMBERS.b, key);
    await expectSynced(b.page);
    await expectClientListed(b.page, 'Kanarie-Alfa-7731');
  });

  await test.step('When both go offline: each adds a client, B a screening, and both edit the one plan', async () => {
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await createClientViaUi(a.page, 'Kanarie-Beta-5519');
    await openPlan(a.page, 'Kanarie-Alfa-7731');
    await savePlanTriggers(a.page, 'TRIGGER-A-8812');

    await startScreening(b.page, { client: { alias: 'Kanarie-Gamma-2284' }, weeks: 6, instrument: /EPDS/ });
    await enterPositions(b.page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
    await checkAndShowResult(b.page);
    await saveResult(b.page);
    await openPlan(b.page, 'Kanarie-Alfa-7731');
    await savePlanTriggers(b.page, 'TRIGGER-B-6645');
    await expect(b.page.getByTestId('sync-indicator')).toHaveText(/Team: offline, \d+ wijzigingen? wacht/);
  });

  await test.step('Then, back online, both hold all three clients and the screening', async () => {
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await expectSynced(a.page);
    await expectSynced(b.page);
    for (const device of [a, b]) {
      for (const alias of ['Kanarie-Alfa-7731', 'Kanarie-Beta-5519', 'Kanarie-Gamma-2284']) {
        await expectClientListed(device.page, alias);
      }
    }
    await b.page.getByRole('link', { name: 'Kanarie-Gamma-2284', exact: true }).click();
    await expect(b.page.getByText(/EPDS/).first()).toBeVisible();
    await expectClientListed(a.page, 'Kanarie-Gamma-2284');
    await a.page.getByRole('link', { name: 'Kanarie-Gamma-2284', exact: true }).click();
    await expect(a.page.getByText(/EPDS/).first()).toBeVisible();
  });

  await test.step('And the plan edited on both shows both versions until A chooses B’s; then both show B’s', async () => {
    await openPlan(a.page, 'Kanarie-Alfa-7731');
    const chooser = a.page.getByTestId('conflict-chooser');
    await expect(chooser).toBeVisible({ timeout: 30_000 });
    await expect(chooser.getByText('TRIGGER-A-8812')).toBeVisible();
    await expect(chooser.getByText('TRIGGER-B-6645')).toBeVisible();
    await chooser
      .locator('li', { hasText: 'TRIGGER-B-6645' })
      .getByRole('button', { name: 'Deze versie houden' })
      .click();
    await expect(a.page.getByText('Gekozen. Alle apparaten krijgen deze versie.')).toBeVisible();
    await expect(a.page.getByLabel('Wat het kan uitlokken')).toHaveValue('TRIGGER-B-6645');
    await expectSynced(a.page);
    await openPlan(b.page, 'Kanarie-Alfa-7731');
    await expect(b.page.getByLabel('Wat het kan uitlokken')).toHaveValue('TRIGGER-B-6645', { timeout: 30_000 });
    await expect(b.page.getByTestId('conflict-chooser')).toHaveCount(0);
  });

  await test.step('And every document and revision on the server is an envelope holding no canary', async () => {
    const { text, docs } = await serverContents();
    expect(docs.length).toBeGreaterThan(5);
    for (const doc of docs) {
      const extra = Object.keys(doc).filter((k) => !ENVELOPE_FIELDS.has(k));
      expect(extra, `fields outside the envelope in ${String(doc._id)}`).toEqual([]);
      if (!doc._deleted)
        expect(Object.keys(doc).sort()).toEqual(expect.arrayContaining(['_id', '_rev', 'kid', 'payload', 'v']));
    }
    // Short markers are searched quoted (a JSON string value) or with a '-' (not in base64), so random
    // ciphertext cannot match them by chance.
    const markers = ['"EPDS"', '"epds"', 'Kanarie', 'relapse-prevention', 'postpartum', '"AXQZW"', '"BXQZW"', '2026-'];
    for (const canary of [...canaries, ...markers]) {
      expect(text.includes(canary), `server holds "${canary}"`).toBe(false);
    }
  });

  await test.step('And C, with A’s server account but not the team key, replicates and decrypts none', async () => {
    const c = await openDevice(team, guard, 'CC');
    await joinTeam(c.page, MEMBERS.a);
    await goToSettings(c.page);
    await expect(c.page.getByTestId('team-error')).toHaveAttribute('data-error', 'key-rotated', { timeout: 30_000 });
    await expect(c.page.getByTestId('team-error')).toContainText('de teamsleutel is gewijzigd');
    await openClients(c.page);
    await expect(c.page.getByRole('link', { name: /Kanarie/ })).toHaveCount(0);
    await c.context.close();
  });

  await a.context.close();
  await b.context.close();
});

test('the server killed right after a save and restarted: both devices converge, no acknowledged record lost', async ({
  guard,
}) => {
  const a = await openDevice(team, guard, 'AXQZW');
  const key = await joinTeam(a.page, MEMBERS.a);
  await expectSynced(a.page);
  const b = await openDevice(team, guard, 'BXQZW');
  await joinTeam(b.page, MEMBERS.b, key);
  await expectSynced(b.page);

  await test.step('When A saves a client and the server dies at once, and A saves two more while it is down', async () => {
    await createClientViaUi(a.page, 'Na-1');
    await team.kill();
    await createClientViaUi(a.page, 'Na-2');
    await createClientViaUi(a.page, 'Na-3');
    await goToSettings(a.page);
    await expect(a.page.getByTestId('team-error')).toHaveAttribute('data-error', 'unreachable', { timeout: 30_000 });
    await expect(a.page.getByTestId('team-error')).toContainText('De teamserver is niet bereikbaar');
  });

  await test.step('Then, after the restart, B holds all three and A has nothing waiting', async () => {
    await team.restart();
    await expectSynced(a.page, 60_000);
    await expect(a.page.getByTestId('team-pending')).toHaveText('0');
    for (const alias of ['Na-1', 'Na-2', 'Na-3']) await expectClientListed(b.page, alias, 60_000);
  });

  await a.context.close();
  await b.context.close();
});

test('a client renamed on both devices offline: its page shows both names, one is chosen, both devices converge; the log shows who did what, and from which device', async ({
  guard,
}) => {
  // Two onboardings, one offline round: shorter than the journeys above.
  test.setTimeout(150_000);
  const openClientNamed = async (page: Page, name: RegExp) => {
    await openClients(page);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  };
  const rename = async (page: Page, alias: string) => {
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await page.getByRole('textbox', { name: 'Bijnaam of code' }).fill(alias);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
  };
  let a!: Device;
  let b!: Device;

  await test.step('Given A, whose Settings show nothing of teams until it makes one, and B in the team', async () => {
    a = await openDevice(team, guard, 'AXQZW');
    await a.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await expect(a.page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
    await expect(a.page.getByRole('heading', { name: 'Werken als team' })).toHaveCount(0);
    const key = await joinTeam(a.page, MEMBERS.a);
    await createClientViaUi(a.page, 'Botsing-Start');
    await expectSynced(a.page);
    b = await openDevice(team, guard, 'BXQZW');
    await joinTeam(b.page, MEMBERS.b, key);
    await expectSynced(b.page);
    await expectClientListed(b.page, 'Botsing-Start');
  });

  await test.step('When both rename the client offline, differently, and come back online', async () => {
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await openClientNamed(a.page, /^Botsing-Start$/);
    await rename(a.page, 'Botsing-Van-A');
    await openClientNamed(b.page, /^Botsing-Start$/);
    await rename(b.page, 'Botsing-Van-B');
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await expectSynced(a.page);
    await expectSynced(b.page);
  });

  await test.step('Then A’s client page shows both names; A keeps B’s, and both devices show only that one', async () => {
    await openClientNamed(a.page, /^Botsing-Van-[AB]$/);
    const chooser = a.page.getByTestId('conflict-chooser');
    await expect(chooser).toBeVisible({ timeout: 30_000 });
    await expect(chooser.getByText('Botsing-Van-A')).toBeVisible();
    await expect(chooser.getByText('Botsing-Van-B')).toBeVisible();
    await chooser
      .locator('li', { hasText: 'Botsing-Van-B' })
      .getByRole('button', { name: 'Deze versie houden' })
      .click();
    await expect(a.page.getByText('Gekozen. Alle apparaten krijgen deze versie.')).toBeVisible();
    await expect(a.page.getByRole('heading', { level: 1, name: 'Botsing-Van-B', exact: true })).toBeVisible();
    await expectSynced(a.page);
    await expectClientListed(b.page, 'Botsing-Van-B');
    await expect(b.page.getByRole('link', { name: 'Botsing-Van-A', exact: true })).toHaveCount(0, { timeout: 30_000 });
    await openClientNamed(b.page, /^Botsing-Van-B$/);
    await expect(b.page.getByTestId('conflict-chooser')).toHaveCount(0, { timeout: 30_000 });
  });

  await test.step('And B’s log of this client names A’s acts as from another device, and none as B’s own', async () => {
    await b.page.getByText('Wie deed wat (logboek)').click();
    const log = b.page.getByTestId('client-log');
    const fromA = log.locator('li[data-device="other"]', { hasText: 'AXQZW' });
    await expect(fromA.filter({ hasText: 'Gemaakt' })).toHaveCount(1, { timeout: 30_000 });
    await expect(fromA.filter({ hasText: 'Gewijzigd' }).first()).toContainText('ander apparaat', { timeout: 30_000 });
    // B made nothing: the client it received is not logged as B's creation.
    await expect(log.locator('li[data-device="this"]', { hasText: 'Gemaakt' })).toHaveCount(0);
    await expect(log.locator('li[data-device="this"]', { hasText: 'BXQZW' }).first()).toBeVisible();
  });

  await a.context.close();
  await b.context.close();
});
