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

export interface Device {
  context: BrowserContext;
  page: Page;
}

export async function openDevice(team: TeamServer, guard: Guard, initials: string): Promise<Device> {
  const context = await launchProfile(freshProfileDir());
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

/** Waits until the device says it is caught up with the server and has nothing waiting. */
export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-phase', 'idle', { timeout });
  await expect(page.getByTestId('sync-indicator')).toHaveText('Team: bijgewerkt', { timeout });
}

export async function openClients(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
}
