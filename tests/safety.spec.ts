// The safety path in the browser at phone size (CONTENT.md §4, R46): a "Ja" or a red-flag item opens
// the urgent panel at once, a signal is stored the moment it is detected and heads Vandaag until an
// action is recorded — after leaving by the tab bar, a reload, a closed tab and an auto-lock.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { freshProfileDir, launchProfile } from './support/chromium';
import { expect, openAndWaitForServiceWorker, test, watch } from './support/fixtures';
import { onboard, openUnlocked, PASSPHRASE, unlock } from './support/onboard';
import {
  answerOneByOne,
  answerSafetyQuestions,
  checkAndShowResult,
  enterPositionsRaisingSignal,
  startScreening,
  tapItem,
} from './support/screening-page';

const PHONE = { width: 390, height: 844 };
// EPDS positions with item 10 on its 3rd printed option ("hardly ever": score 1), all else 0: total 1.
const SELF_HARM = [0, 0, 3, 0, 3, 3, 3, 3, 3, 2];

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
async function axe(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

const urgentPanel = (page: Page) => page.getByRole('region', { name: /Veiligheid eerst|Spoed: direct handelen/ });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });

async function openStart(page: Page) {
  await nav(page, 'Screening').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
}

/** An EPDS with thoughts of self-harm for a new client, up to its result page. */
async function selfHarmResult(page: Page, alias: string) {
  await startScreening(page, { client: { alias }, weeks: 4, instrument: /EPDS/ });
  await enterPositionsRaisingSignal(page, SELF_HARM);
  await expect(urgentPanel(page)).toBeVisible();
  await page.getByRole('button', { name: 'Verder met de screening' }).click();
  await checkAndShowResult(page, { fromItem: true });
  await expect(page).toHaveURL(/\/result$/);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);
}

async function expectOpenSignalOnToday(page: Page, who: string | RegExp) {
  const section = page.getByRole('region', { name: 'Veiligheidssignalen' });
  await expect(section).toBeVisible();
  const item = section.getByRole('link', { name: new RegExp(typeof who === 'string' ? who : who.source) });
  await expect(item).toContainText('actie nog niet vastgelegd');
  await expect(item).toContainText(/zelfbeschadiging/);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PHONE);
});

test('a "Ja" to signs of a postpartum psychosis opens the urgent panel before the next question', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await openStart(page);
  await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
  await page.getByLabel('Code of bijnaam van de cliënt').fill('P-1');
  const question = page.getByRole('group', { name: 'Zijn er tekenen van een postpartumpsychose?' });

  await test.step('The question starts unanswered, and starting without an answer is refused', async () => {
    await expect(question.getByRole('radio', { name: 'Nee', exact: true })).not.toBeChecked();
    await expect(question.getByRole('radio', { name: 'Ja', exact: true })).not.toBeChecked();
    await page.getByRole('radio', { name: 'Na de bevalling', exact: true }).check();
    await page.getByLabel('Weken na de bevalling').fill('2');
    await page.getByRole('button', { name: 'Screening starten' }).click();
    await expect(page.getByText(/Beantwoord eerst de veiligheidsvraag/)).toBeVisible();
    await expect(page).toHaveURL(/\/screening$/);
  });

  await test.step('When I answer "Ja", the emergency panel opens at once, its own card first', async () => {
    await question.getByRole('radio', { name: 'Ja', exact: true }).check();
    const panel = page.getByRole('region', { name: 'Spoed: direct handelen' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText(/postpartumpsychose/);
    await expect(panel.getByRole('link', { name: /^113 / })).toHaveAttribute('href', 'tel:113');
    await expect(panel.getByRole('link', { name: /^0800-0113/ })).toHaveAttribute('href', 'tel:08000113');
    await expect(panel.getByRole('link', { name: /^112/ })).toHaveAttribute('href', 'tel:112');
    await expect(panel.getByText(/nummer huisartsenpost nog niet ingesteld/)).toBeVisible();
    await expect(panel.getByRole('link', { name: /zie 113\.nl/ })).toBeVisible();
    await expect(panel.getByText('020-311 38888')).toHaveCount(0);
    // Before the next question: the panel stands above the further questions and the start button.
    const panelBox = await panel.boundingBox();
    const nextBox = await page.getByText('Vragen voor de stap').boundingBox();
    expect(panelBox && nextBox && panelBox.y + panelBox.height <= nextBox.y).toBe(true);
    await axe(page, 'start with urgent panel');
  });

  await test.step('And the screening can go on', async () => {
    await page.getByRole('radio', { name: /EPDS/ }).check();
    await page.getByRole('button', { name: 'Screening starten' }).click();
    await expect(page).toHaveURL(/\/screening\/[^/]+$/);
    await expect(page.getByRole('region', { name: 'Spoed: direct handelen' })).toBeVisible();
    await page.getByRole('button', { name: 'Verder met de screening' }).click();
    await expect(page.getByRole('group', { name: /^1\. / })).toBeVisible();
  });
});

test('a "Ja" to signs of a postpartum psychosis given before the client is chosen is hers once she is created', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await openStart(page);
  const question = page.getByRole('group', { name: 'Zijn er tekenen van een postpartumpsychose?' });
  await test.step('When I answer "Ja" before saying who the screening is for', async () => {
    await question.getByRole('radio', { name: 'Ja', exact: true }).check();
    await expect(page.getByRole('region', { name: 'Spoed: direct handelen' })).toBeVisible();
  });
  await test.step('And then create the new client and start', async () => {
    await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
    await page.getByLabel('Code of bijnaam van de cliënt').fill('P-8');
    await page.getByRole('radio', { name: 'Na de bevalling', exact: true }).check();
    await page.getByLabel('Weken na de bevalling').fill('1');
    await page.getByRole('radio', { name: /EPDS/ }).check();
    await page.getByRole('button', { name: 'Screening starten' }).click();
    await expect(page).toHaveURL(/\/screening\/[^/]+$/);
  });
  await test.step('Then Vandaag names her with the open signal, not an anonymous screening', async () => {
    await nav(page, 'Vandaag').click();
    const section = page.getByRole('region', { name: 'Veiligheidssignalen' });
    const item = section.getByRole('link', { name: /P-8/ });
    await expect(item).toContainText('actie nog niet vastgelegd');
    await expect(item).toContainText(/postpartumpsychose/i);
    await expect(section.getByText('Anonieme screening')).toHaveCount(0);
  });
});

test('EPDS item 10 entered at 1 or more opens the urgent panel at once, before any other item', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await startScreening(page, { client: { alias: 'I-10' }, weeks: 6, instrument: /EPDS/ });
  await test.step('When I tap the first printed option of item 10 (score 3) first', async () => {
    // From the numbered strip; a tap, not `check`: the form is replaced by the panel at once.
    await tapItem(page, 10, 0);
  });
  await test.step('Then the urgent panel shows instead of the form, with the self-harm card', async () => {
    const panel = page.getByRole('region', { name: 'Veiligheid eerst: beoordeling vandaag' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText(/zelfbeschadiging/);
    await expect(page.getByRole('group', { name: /^1\. / })).toHaveCount(0);
  });
  await test.step('And after "Verder met de screening" the form is back with item 10 kept', async () => {
    await page.getByRole('button', { name: 'Verder met de screening' }).click();
    await expect(
      page
        .getByRole('group', { name: /^10\. / })
        .getByRole('radio')
        .nth(0),
    ).toBeChecked();
  });
});

test('a safety result left by the tab bar heads Vandaag, also after a reload and a closed tab, until an action is recorded', async ({
  page,
  context,
  server,
  guard,
  profileDir,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await selfHarmResult(page, 'T-3');

  await test.step('When I leave the result through the tab bar, Vandaag shows the open signal', async () => {
    await nav(page, 'Vandaag').click();
    await expectOpenSignalOnToday(page, 'T-3');
  });
  await test.step('And after a reload', async () => {
    await page.reload();
    await unlock(page);
    await expectOpenSignalOnToday(page, 'T-3');
  });
  const reopened = await test.step('And after closing the browser and opening it again', async () => {
    await context.close();
    const again = await launchProfile(profileDir, { viewport: PHONE });
    await watch(again, guard);
    const fresh = again.pages()[0] ?? (await again.newPage());
    await openUnlocked(fresh, server.url);
    await expectOpenSignalOnToday(fresh, 'T-3');
    return { again, fresh };
  });
  await test.step('Then recording "Huisarts geïnformeerd" from Vandaag closes it', async () => {
    const { fresh } = reopened;
    await fresh.getByRole('region', { name: 'Veiligheidssignalen' }).getByRole('link').first().click();
    await expect(fresh.getByRole('heading', { level: 1, name: 'Veiligheidssignaal' })).toBeVisible();
    await axe(fresh, 'open signal page');
    await fresh.getByRole('radio', { name: 'Huisarts geïnformeerd' }).check();
    await fresh.getByRole('button', { name: 'Actie vastleggen' }).click();
    await expect(fresh.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
    await expect(fresh.getByRole('region', { name: 'Veiligheidssignalen' })).toHaveCount(0);
    await reopened.again.close();
  });
});

test('an anonymous safety result survives the auto-lock and cannot be discarded without naming what is lost', async ({
  page,
  server,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await startScreening(page, { client: 'anonymous', weeks: 4, instrument: /EPDS/ });
  await enterPositionsRaisingSignal(page, SELF_HARM);
  await page.getByRole('button', { name: 'Verder met de screening' }).click();
  await checkAndShowResult(page, { fromItem: true });
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);

  await test.step('When the app locks after 5 minutes (e.g. while I phone the huisarts)', async () => {
    await page.clock.fastForward('05:01');
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
  });
  await test.step('Then after unlocking the result is still there, with the offer to create a client', async () => {
    await unlock(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);
    await expect(page.getByText('totaal 1 van 30')).toBeVisible();
    await expect(page.getByRole('button', { name: /cliënt aanmaken/i })).toBeVisible();
  });
  await test.step('And "Afronden zonder bewaren" first names what is lost', async () => {
    await page.getByRole('button', { name: 'Afronden zonder bewaren' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'wist deze screening' });
    await expect(warning).toContainText('totaalscore 1 ');
    await expect(warning).toContainText(/veiligheidssignaal \(.*zelfbeschadiging/);
    await expect(page).toHaveURL(/\/result$/);
  });
});

test('a safety follow-up stays the next day whatever step is chosen; a later day needs a reason', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await selfHarmResult(page, 'F-5');
  const date = page.getByLabel('Vervolgafspraak');
  const tomorrow = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(date).toHaveValue(tomorrow);
  for (const step of [/stap 0 /, /stap 1 /, /stap 2 /, /stap 3 /]) {
    await test.step(`When I choose ${step.source.trim()} as the step, the follow-up stays tomorrow`, async () => {
      await page.getByRole('radio', { name: 'Een andere stap kiezen' }).check();
      await page.getByRole('radio', { name: step }).check();
      await expect(date).toHaveValue(tomorrow);
    });
  }
  await test.step('And a later date is refused until a reason is written', async () => {
    const later = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 4);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await date.fill(later);
    await page.getByRole('radio', { name: 'Huisarts geïnformeerd' }).check();
    await page.getByLabel('Reden voor de andere stap').fill('Huisarts neemt het over.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText(/Schrijf op waarom het later wordt/)).toBeVisible();
    await page.getByLabel(/Waarom later dan morgen/).fill('Huisarts ziet haar vandaag; wij bellen over vier dagen.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
  });
});

test('"invoer gecorrigeerd" is refused while the flag stands, and allowed with a note once the answers no longer raise it', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await selfHarmResult(page, 'C-6');
  const resultUrl = page.url();
  await test.step('When I choose "invoer gecorrigeerd" while item 10 still says "hardly ever"', async () => {
    await page.getByRole('radio', { name: /Invoer gecorrigeerd/ }).check();
    await page.getByLabel('Toelichting (verplicht)').fill('Per ongeluk aangetikt');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText(/kan alleen als de verbeterde antwoorden het signaal niet meer geven/)).toBeVisible();
    await expect(page).toHaveURL(resultUrl);
  });
  await test.step('Then after correcting item 10 to "never" the correction is accepted with its note', async () => {
    await page.goto(resultUrl.replace(/\/result$/, ''));
    await unlock(page);
    await page.getByRole('button', { name: 'Verder met de screening' }).click();
    // The check list, where it was left: its row opens item 10; "never" raises nothing and goes back to it.
    await page.getByRole('button', { name: /^10\. / }).click();
    await page
      .getByRole('group', { name: /^10\. / })
      .getByRole('radio')
      .nth(3)
      .click();
    await checkAndShowResult(page);
    await expect(page.getByText(/geven het nu niet meer/)).toBeVisible();
    await page.getByRole('radio', { name: /Invoer gecorrigeerd/ }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Bij deze actie is een toelichting verplicht.')).toBeVisible();
    await page.getByLabel('Toelichting (verplicht)').fill('Item 10 was verkeerd aangetikt; moeder bevestigt "nooit".');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
    await nav(page, 'Vandaag').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Veiligheidssignalen' })).toHaveCount(0);
  });
});

test('every card link on a safety result opens its card', async ({ page, server }) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await selfHarmResult(page, 'K-7');
  const links = page.locator('a[href^="/cards/"]');
  const count = await links.count();
  expect(count).toBeGreaterThan(1);
  const hrefs: string[] = [];
  for (let i = 0; i < count; i++) hrefs.push((await links.nth(i).getAttribute('href')) ?? '');
  for (const href of hrefs) {
    await test.step(`${href} opens its card`, async () => {
      await page.locator(`a[href="${href}"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Kaart niet gevonden');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goBack();
      await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);
    });
  }
});

test('the urgent panel works offline, with the regional number the practice set', async ({ page, context, server }) => {
  await openAndWaitForServiceWorker(page, server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await test.step('Given the practice entered its huisartsenpost number (audited)', async () => {
    await nav(page, 'Instellingen').click();
    const section = page.getByRole('region', { name: 'Regionale nummers' });
    await section.getByLabel('Huisartsenpost').fill('088-1234567');
    await section.getByRole('button', { name: 'Nummers opslaan' }).click();
    await expect(section.getByText('Bevestig eerst dat je de nummers hebt gecontroleerd.')).toBeVisible();
    await section.getByRole('checkbox', { name: /gecontroleerd/ }).check();
    await section.getByRole('button', { name: 'Nummers opslaan' }).click();
    await expect(section.getByText('Opgeslagen.')).toBeVisible();
    await expect(section.getByText(/Vastgelegd door TV/)).toBeVisible();
  });
  await test.step('When the device is offline and a psychosis is suspected', async () => {
    await server.close();
    await context.setOffline(true);
    await openStart(page);
    await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
    await answerSafetyQuestions(page, 'Ja');
  });
  await test.step('Then the panel shows the emergency card, tap-to-call 113, 112 and the regional number', async () => {
    const panel = page.getByRole('region', { name: 'Spoed: direct handelen' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText(/postpartumpsychose/);
    await expect(panel.getByRole('link', { name: /^113 / })).toHaveAttribute('href', 'tel:113');
    await expect(panel.getByRole('link', { name: /^112/ })).toHaveAttribute('href', 'tel:112');
    await expect(panel.getByRole('link', { name: /^088-1234567/ })).toHaveAttribute('href', 'tel:0881234567');
  });
});

test('in hand-to-client mode the client is not shown the urgent panel; the professional sees it first when the device comes back', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/POH-GGZ/i] });
  await startScreening(page, { pathway: /Terugvalpreventie/i, client: { alias: 'H-9' }, intake: { episodes: 1 } });
  await page.getByRole('button', { name: 'Apparaat aan de cliënt geven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst' })).toBeVisible();

  await test.step('When the client marks item 9 (thoughts of death) as "several days"', async () => {
    await answerOneByOne(page, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    await expect(page.getByText('Dank u wel, u bent klaar.')).toBeVisible();
  });
  await test.step('Then the client sees no urgent panel', async () => {
    await expect(urgentPanel(page)).toHaveCount(0);
  });
  await test.step('And when the professional takes the device back, the urgent panel comes first', async () => {
    await page.getByRole('button', { name: 'Voor de zorgverlener: terug' }).click();
    await page.getByLabel('Wachtzin van de zorgverlener').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Terug naar Stapwijzer' }).click();
    const panel = urgentPanel(page);
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText(/zelfbeschadiging/);
  });
});

test('W10: at 00:30 in Amsterdam (23:30 UTC) the next-day safety follow-up is tomorrow in Amsterdam, not "today"', async ({
  server,
  guard,
}) => {
  const context = await launchProfile(freshProfileDir(), { viewport: PHONE, timezoneId: 'Europe/Amsterdam' });
  await watch(context, guard);
  const page = context.pages()[0] ?? (await context.newPage());
  // 00:30 on Tuesday 3 March 2026 in Amsterdam (winter time) is 23:30 UTC on 2 March.
  await page.clock.install({ time: new Date('2026-03-02T23:30:00Z') });
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await selfHarmResult(page, 'Z-10');
  await expect(page.getByLabel('Vervolgafspraak')).toHaveValue('2026-03-04');
  await expect(page.getByLabel('Vervolgafspraak')).toHaveAttribute('min', '2026-03-03');
  await context.close();
});
