// Team-sync test support: a pouchdb-server on 127.0.0.1 (random free port, data in a temporary folder
// so it can be killed and restarted), the app's static server proxying /sync/ to it, and devices
// (fresh Chromium profiles) set up for the team through the Settings dev action.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { addMember, configureAdmin, createTeam } from '../../deploy/couchdb/team-admin.mjs';
import { type PouchServer, startPouchServer } from '../../scripts/sync-proxy.mjs';
import { freshProfileDir, launchProfile } from './chromium';
import { DIST, type Guard, watch } from './fixtures';
import { onboard } from './onboard';
import { type StaticServer, startStaticServer } from './static-server';

export const ADMIN = { name: 'admin', password: 'admin-secret' };
export const DATABASE = 'team';
export const MEMBERS = {
  a: { name: 'lid-a', password: 'pw-a-1234' },
  b: { name: 'lid-b', password: 'pw-b-1234' },
  c: { name: 'lid-c', password: 'pw-c-1234' },
};

export interface TeamServer {
  couch: PouchServer;
  app: StaticServer;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(): Promise<TeamServer> {
  const dir = mkdtempSync(join(tmpdir(), 'stapwijzer-team-'));
  let couch = await startPouchServer({ dir });
  await configureAdmin(couch.url, ADMIN);
  await createTeam(couch.url, ADMIN, DATABASE);
  for (const m of Object.values(MEMBERS)) await addMember(couch.url, ADMIN, DATABASE, m.name, m.password);
  const app = await startStaticServer(DIST, 0, { syncTarget: () => couch.url });
  const server: TeamServer = {
    get couch() {
      return couch;
    },
    app,
    kill: () => couch.kill(),
    restart: async () => {
      couch = await startPouchServer({ dir, port: couch.port });
    },
    close: async () => {
      await app.close();
      await couch.stop();
    },
  };
  return server;
}

/** Reads a path of the team database as the admin, straight from the server (not through the app). */
export async function adminGet(team: TeamServer, path: string): Promise<unknown> {
  const auth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
  const res = await fetch(`${team.couch.url}/${DATABASE}${path}`, { headers: { Authorization: auth } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** Writes a document of the team database as the admin (a test playing a server that tampers). */
export async function adminPut(team: TeamServer, path: string, body: unknown): Promise<void> {
  const auth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
  const res = await fetch(`${team.couch.url}/${DATABASE}${path}`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
}

export interface Device {
  context: BrowserContext;
  page: Page;
}

export async function openDevice(
  team: TeamServer,
  guard: Guard,
  initials: string,
  options: { args?: string[] } = {},
): Promise<Device> {
  const context = await launchProfile(freshProfileDir(), options);
  await watch(context, guard);
  const page = context.pages()[0] ?? (await context.newPage());
  // Bounded actions: a missing element fails the step that looked for it, not the whole test's budget.
  page.setDefaultTimeout(30_000);
  await page.goto(team.app.url);
  await onboard(page, { initials, roles: [/verloskundige/i] });
  return { context, page };
}

export async function goToSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Werken als team' })).toBeVisible();
}

/**
 * Opens Settings at `/settings?team`, the address that shows the team section on a device without a
 * team (Settings shows it otherwise only once a team exists). Client-side: a page load would lock.
 */
export async function goToTeamSetup(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.evaluate(() => {
    history.pushState(null, '', '/settings?team');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Werken als team' })).toBeVisible();
}

/** Sets the team up through the Settings dev action; without `key` a new team key is made. Returns the key. */
export async function joinTeam(
  page: Page,
  account: { name: string; password: string },
  key?: { key: string; kid: string },
): Promise<{ key: string; kid: string }> {
  await goToTeamSetup(page);
  await page.getByText('Team instellen (proefversie)').click();
  if (key) {
    await page.getByLabel('Teamsleutel').fill(key.key);
    await page.getByLabel('Sleutelversie').fill(key.kid);
  } else await page.getByRole('button', { name: 'Nieuwe teamsleutel maken' }).click();
  await page.getByLabel('Teamdatabase op de server').fill(DATABASE);
  await page.getByLabel('Inlognaam teamserver').fill(account.name);
  await page.getByLabel('Toegangscode teamserver').fill(account.password);
  const chosen = {
    key: await page.getByLabel('Teamsleutel').inputValue(),
    kid: await page.getByLabel('Sleutelversie').inputValue(),
  };
  await page.getByRole('button', { name: 'Team opslaan en synchroniseren' }).click();
  await expect(page.getByText('Team opgeslagen. Synchroniseren begint.')).toBeVisible();
  return chosen;
}

/** Fills the server account of the join/create form (issue 20's flow, not the dev action). */
async function fillAccount(page: Page, account: { name: string; password: string }): Promise<void> {
  await goToTeamSetup(page);
  await page.getByLabel('Database van het team').fill(DATABASE);
  await page.getByLabel('Je inlognaam op de teamserver').fill(account.name);
  await page.getByLabel('Je toegangscode voor de teamserver').fill(account.password);
}

/** "Team maken" through the UI: generation 1 of a new team key on this device. */
export async function createTeamViaUi(page: Page, account: { name: string; password: string }): Promise<void> {
  await fillAccount(page, account);
  await page.getByRole('button', { name: 'Team maken' }).click();
  await expect(page.getByTestId('team-flash')).toHaveText(/Team gemaakt/);
}

/** The newcomer opens "Lid worden" and reads its device code off the screen. */
export async function startJoiningViaUi(page: Page, account: { name: string; password: string }): Promise<string> {
  await fillAccount(page, account);
  await page.getByRole('button', { name: 'Lid worden van een team' }).click();
  await expect(page.getByRole('img', { name: 'Je apparaatcode als QR-code' })).toBeVisible();
  const code = (await page.getByTestId('device-public-key').textContent()) ?? '';
  expect(code.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{104}$/);
  return code;
}

/** The inviter types the newcomer's device code and gets the comparison code shown. */
export async function inviteViaUi(page: Page, deviceCode: string): Promise<string> {
  await goToSettings(page);
  await page.getByLabel('Apparaatcode van je collega').fill(deviceCode);
  await page.getByRole('button', { name: 'Verder' }).click();
  const code = (await page.getByTestId('comparison-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{3} \d{3}$/);
  return code;
}

/** The whole join through the UI: both screens show the same code and both people confirm it. */
export async function joinViaUi(
  inviter: Page,
  newcomer: Page,
  account: { name: string; password: string },
): Promise<void> {
  const deviceCode = await startJoiningViaUi(newcomer, account);
  const code = await inviteViaUi(inviter, deviceCode);
  await expect(newcomer.getByTestId('comparison-code')).toHaveText(code);
  await newcomer.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
  await expect(newcomer.getByText('Wachten tot je collega de code ook heeft bevestigd…')).toBeVisible();
  await inviter.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
  await expect(inviter.getByTestId('team-add-message')).toHaveText(/Teamsleutel verstuurd/);
  await expect(newcomer.getByTestId('team-flash')).toHaveText(/Je bent lid van het team/);
}

/** Waits until the device says it is caught up with the server and has nothing waiting. */
export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-phase', 'idle', { timeout });
  await expect(page.getByTestId('sync-indicator')).toHaveText('Team: bijgewerkt', { timeout });
}

export async function openClients(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
}
