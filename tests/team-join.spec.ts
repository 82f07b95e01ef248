// Joining a team and removing a member (issue 20) in real Chromium, three fresh profiles against a
// pouchdb-server on 127.0.0.1: A makes the team, B and C join through the device code and the
// comparison code (text fallback), A removes B after the admin revoked B's account, and the key
// rotation reaches C but not B.
import AxeBuilder from '@axe-core/playwright';
import { removeMember } from '../deploy/couchdb/team-admin.mjs';
import { createClientViaUi } from './support/clients';
import { expect, test } from './support/fixtures';
import {
  ADMIN,
  adminGet,
  adminPut,
  createTeamViaUi,
  DATABASE,
  type Device,
  expectSynced,
  goToSettings,
  inviteViaUi,
  joinViaUi,
  MEMBERS,
  openClients,
  openDevice,
  startJoiningViaUi,
  startTeamServer,
  type TeamServer,
} from './support/team';

// Three onboardings with the production KDF and two joins: a long journey.
test.setTimeout(240_000);

let team: TeamServer;
test.beforeEach(async () => {
  team = await startTeamServer();
});
test.afterEach(async () => {
  await team.close();
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe on the page as it stands, scrolled to the end as tests/a11y.spec.ts does (sticky notices). */
async function expectNoViolations(page: Device['page'], label: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const before = window.scrollY;
        window.scrollTo(0, document.documentElement.scrollHeight);
        return before === window.scrollY;
      }),
    )
    .toBe(true);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

interface ServerDoc {
  _id: string;
  kid: string;
  payload: string;
}

/** Whether a team key opens an envelope: the envelope format (envelope.ts) redone here, independently. */
async function opensWith(rawKey: string, doc: ServerDoc): Promise<boolean> {
  const text = new TextEncoder();
  const master = await crypto.subtle.importKey('raw', Buffer.from(rawKey, 'base64'), 'HKDF', false, ['deriveKey']);
  const enc = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: text.encode('stapwijzer/sync/enc/1') },
    master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const all = Buffer.from(doc.payload, 'base64');
  const aad = text.encode(JSON.stringify(['stapwijzer/envelope/1', doc._id, doc.kid, 1]));
  try {
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: all.subarray(0, 12), additionalData: aad },
      enc,
      all.subarray(12),
    );
    return true;
  } catch {
    return false;
  }
}

async function expectClientListed(page: Device['page'], alias: string, timeout = 30_000) {
  await openClients(page);
  await expect(page.getByRole('link', { name: alias, exact: true })).toBeVisible({ timeout });
}

/** The team key this device holds, as the dev form shows it (its current generation). */
async function heldKey(page: Device['page']): Promise<{ key: string; kid: string }> {
  // The form reads the setting when Settings opens.
  await openClients(page);
  await goToSettings(page);
  await page.getByText('Team instellen (proefversie)').click();
  const key = await page.getByLabel('Teamsleutel').inputValue();
  const kid = await page.getByLabel('Sleutelversie').inputValue();
  await page.getByText('Team instellen (proefversie)').click();
  return { key, kid };
}

test('A makes a team, B and C join by comparison code; A removes B: C reads what follows, B’s key opens none of it', async ({
  guard,
}) => {
  let a!: Device;
  let b!: Device;
  let c!: Device;

  await test.step('Given A makes the team and a client', async () => {
    a = await openDevice(team, guard, 'AXQZW');
    await createTeamViaUi(a.page, MEMBERS.a);
    await expectSynced(a.page);
    await createClientViaUi(a.page, 'Voor-Rotatie-1');
    await expectSynced(a.page);
  });

  await test.step('When B joins: both screens show the same code, both confirm, and B receives A’s client', async () => {
    b = await openDevice(team, guard, 'BXQZW');
    await joinViaUi(a.page, b.page, MEMBERS.b);
    await expectSynced(b.page);
    await expectClientListed(b.page, 'Voor-Rotatie-1');
    // The join document is gone once imported.
    const joins = (await adminGet(team, '/_all_docs?startkey="j-"&endkey="j-\ufff0"')) as { rows: unknown[] };
    expect(joins.rows).toEqual([]);
  });

  await test.step('And C joins the same way', async () => {
    c = await openDevice(team, guard, 'CXQZW');
    await joinViaUi(a.page, c.page, MEMBERS.c);
    await expectSynced(c.page);
    await expectClientListed(c.page, 'Voor-Rotatie-1');
  });

  const oldKey = await heldKey(b.page);

  await test.step('When the admin revokes B’s account and A removes B in the app', async () => {
    await removeMember(team.couch.url, ADMIN, DATABASE, MEMBERS.b.name);
    await openClients(a.page);
    await goToSettings(a.page);
    const members = a.page.getByTestId('team-members');
    await expect(members.locator('li')).toHaveCount(3);
    await members.locator('li', { hasText: 'BXQZW' }).getByRole('button', { name: 'Verwijderen uit het team' }).click();
    await expect(a.page.getByTestId('team-remove-keeps')).toHaveText(/Een verwijderd lid houdt wat het al had/);
    await a.page.getByLabel('Het serveraccount van dit lid is ingetrokken').check();
    await a.page.getByRole('button', { name: 'Verwijderen en nieuwe teamsleutel maken' }).click();
    await expect(a.page.getByTestId('team-removed')).toContainText('Wat BXQZW al had, blijft op dat apparaat');
    await expect(members.locator('li')).toHaveCount(2);
  });

  let rotated!: { key: string; kid: string };
  await test.step('Then what A writes next is under a new generation, which C reads', async () => {
    rotated = await heldKey(a.page);
    expect(rotated.kid).toMatch(/^g2-/);
    await createClientViaUi(a.page, 'Na-Rotatie-2');
    await expectSynced(a.page);
    await expectClientListed(c.page, 'Na-Rotatie-2', 60_000);
    expect((await heldKey(c.page)).kid).toBe(rotated.kid);
  });

  await test.step('And B’s old key opens none of the envelopes written under it', async () => {
    const all = (await adminGet(team, '/_all_docs?include_docs=true')) as { rows: { doc: ServerDoc }[] };
    const newer = all.rows.map((r) => r.doc).filter((d) => d._id.startsWith('r') && d.kid === rotated.kid);
    expect(newer.length).toBeGreaterThan(0);
    for (const doc of newer) {
      expect(await opensWith(rotated.key, doc), 'the new key opens it').toBe(true);
      expect(await opensWith(oldKey.key, doc), 'B’s key opens it').toBe(false);
    }
    // What B already had, it still has (the UI says so): the client from before.
    await expectClientListed(b.page, 'Voor-Rotatie-1');
    await goToSettings(b.page);
    await expect(b.page.getByTestId('team-error')).toBeVisible({ timeout: 30_000 });
    await openClients(b.page);
    await expect(b.page.getByRole('link', { name: 'Na-Rotatie-2', exact: true })).toHaveCount(0);
  });

  await a.context.close();
  await b.context.close();
  await c.context.close();
});

test('a join document tampered on the server is refused: the newcomer imports nothing and says so (axe passes on both join screens)', async ({
  guard,
}) => {
  const a = await openDevice(team, guard, 'AXQZW');
  await createTeamViaUi(a.page, MEMBERS.a);
  const b = await openDevice(team, guard, 'BXQZW');
  const deviceCode = await startJoiningViaUi(b.page, MEMBERS.b);
  const code = await inviteViaUi(a.page, deviceCode);
  await expect(b.page.getByTestId('comparison-code')).toHaveText(code);
  await expectNoViolations(b.page, 'newcomer: device code, QR and comparison code');
  await expectNoViolations(a.page, 'inviter: comparison code and members');

  await test.step('When A confirms and the server flips one byte of the wrapped key before B confirms', async () => {
    await a.page.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
    await expect(a.page.getByTestId('team-add-message')).toHaveText(/Teamsleutel verstuurd/);
    const all = (await adminGet(team, '/_all_docs?include_docs=true&startkey="j-"&endkey="j-\ufff0"')) as {
      rows: { doc: { _id: string; _rev: string; kid: string; v: number; payload: string } }[];
    };
    const doc = all.rows[0]?.doc;
    if (!doc) throw new Error('no join document');
    const body = JSON.parse(Buffer.from(doc.payload, 'base64').toString()) as {
      bundle: { keys: { wrapped: string }[] };
    };
    const first = body.bundle.keys[0];
    if (!first) throw new Error('no wrapped key');
    const raw = Buffer.from(first.wrapped, 'base64');
    raw[3] = (raw[3] ?? 0) ^ 1;
    first.wrapped = raw.toString('base64');
    await adminPut(team, `/${doc._id}`, { ...doc, payload: Buffer.from(JSON.stringify(body)).toString('base64') });
  });

  await test.step('Then B, confirming the code, is told the invitation was changed and has no team', async () => {
    await b.page.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
    await expect(b.page.getByTestId('join-error')).toHaveAttribute('data-error', 'refused');
    await expect(b.page.getByTestId('join-error')).toContainText('Er is niets overgenomen');
    await expect(b.page.getByTestId('team-phase')).toHaveText(
      'Dit apparaat hoort niet bij een team. Alles blijft alleen op dit apparaat.',
    );
  });

  await a.context.close();
  await b.context.close();
});
