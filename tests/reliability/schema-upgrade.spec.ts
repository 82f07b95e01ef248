// R13: two tabs during a schema upgrade. Tab A runs v1 with a screening draft that has an answer not yet
// autosaved; tab B opens v3, whose database has one more schema version. A hands over (flushes the draft,
// closes its connection, shows the reload modal), B's upgrade is not held up, and after A reloads both
// run v3 with every record and the draft's answers intact.
import { expect, test } from '../support/fixtures';
import { unlock } from '../support/onboard';
import { enteredPosition, enterPositions, startScreening } from '../support/screening-page';
import { countRows, databaseOpens, installedSchemaVersion, recordDatabaseOpens } from './support/idb-probe';
import { releaseDir, runningRelease } from './support/releases';
import { installV1 } from './support/update-flow';

// The stale modal (src/app/storage-health/stale-modal.tsx) reloads with location.reload(), which the
// old build's service worker answers with the old build again. reloadIntoNewestBuild()
// (src/app/update/reload-into-newest-build.ts) fixes that; flip this once the modal calls it.
const STALE_MODAL_RELOADS_INTO_NEW_BUILD = true;

test('R13 a tab on the old build hands over to a tab that upgrades the schema; nothing is lost', async ({
  page,
  context,
  server,
}) => {
  let tabA = page;
  let before: Record<string, number> = {};
  let v1Schema = 0;
  let draftUrl = '';

  await test.step('Given tab A runs v1 with a screening draft (3 answers autosaved)', async () => {
    await installV1(tabA, server, { roles: [/verloskundige/i] });
    await startScreening(tabA, { client: { alias: 'R13-A' }, weeks: 3, instrument: /EPDS/ });
    draftUrl = tabA.url();
    await enterPositions(tabA, [1, 2, 0]);
    await expect(tabA.getByText('Opgeslagen')).toBeVisible();
    before = await countRows(tabA);
    v1Schema = await installedSchemaVersion(tabA);
    expect(before.drafts).toBe(1);
  });

  await test.step('And I answer question 4, and the autosave has not run yet', async () => {
    await tabA.getByRole('group', { name: /^4\. / }).getByRole('radio').nth(3).click();
  });

  const tabB = await context.newPage();
  await test.step('When tab B opens v3 (one schema version more) from the network', async () => {
    // B must load v3 itself, not v1 from the service worker A's build installed (a hard reload does that).
    const cdp = await context.newCDPSession(tabB);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await recordDatabaseOpens(tabB);
    server.setRoot(releaseDir('v3'));
    await tabB.goto(server.url);
    await expect(tabB.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
    expect(await runningRelease(tabB)).toBe('v3');
  });

  await test.step("Then B's upgrade is not blocked for more than 2 s and the schema is one version up", async () => {
    const opens = await databaseOpens(tabB);
    expect(opens.length).toBeGreaterThan(0);
    for (const o of opens) {
      expect(o.doneAt, 'every open of the database completed').not.toBeNull();
      if (o.blockedAt !== null) expect((o.doneAt ?? Infinity) - o.blockedAt).toBeLessThan(2_000);
    }
    expect(await installedSchemaVersion(tabB)).toBe(v1Schema + 1);
  });

  await test.step('And tab A shows the reload modal, its answer saved', async () => {
    const modal = tabA.getByRole('dialog', { name: 'Stapwijzer is bijgewerkt' });
    await expect(modal).toBeVisible();
    await expect(modal).toContainText('Wat je aan het doen was, is opgeslagen.');
  });

  await test.step('When B unlocks, it works on v3', async () => {
    await unlock(tabB);
    await expect(tabB.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  });

  await test.step('And when A reloads from the modal, it runs v3 with the draft restored', async () => {
    await tabA.getByRole('dialog').getByRole('button', { name: 'Herladen' }).click();
    if (STALE_MODAL_RELOADS_INTO_NEW_BUILD) {
      await unlock(tabA);
    } else {
      // Known defect (see the constant): the plain reload gets v1 again from the service worker and v1
      // fences itself off again. Pin that behaviour, then take the way that works today: close the tab
      await expect(tabA.getByRole('dialog', { name: 'Stapwijzer is bijgewerkt' })).toBeVisible();
      expect(await runningRelease(tabA)).toBe('v1');
      // (the v3 worker is not even installed: B's register() of an existing registration checks nothing),
      // then let the update check find v3 (with no v1 tab left it activates at once) and open the app again.
      await tabA.close();
      const state = await tabB.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration) return 'no registration';
        await registration.update();
        const worker = registration.installing ?? registration.waiting;
        if (!worker) return 'activated'; // already took over (A's last navigation had found v3)
        await new Promise<void>((resolve) => {
          const settle = () => {
            if (worker.state === 'activated' || worker.state === 'redundant') resolve();
          };
          worker.addEventListener('statechange', settle);
          settle();
        });
        return worker.state;
      });
      expect(state, 'the v3 worker took over').toBe('activated');
      tabA = await context.newPage();
      await tabA.goto(draftUrl);
      await unlock(tabA);
    }
    expect(await runningRelease(tabA)).toBe('v3');
    await expect(tabA).toHaveURL(draftUrl);
    await expect(tabA.getByText(/Concept hersteld: 4 antwoorden/)).toBeVisible();
    for (const [i, p] of [1, 2, 0, 3].entries()) expect(await enteredPosition(tabA, i + 1)).toBe(p);
  });

  await test.step('Then the record count is unchanged', async () => {
    expect(await countRows(tabA)).toEqual(before);
  });
});
