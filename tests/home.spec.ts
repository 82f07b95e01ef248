// Home ("Vandaag") and the client timeline, seeded through the real screening flow: a due follow-up,
// an unfinished screening, three completed screenings with a trend chart. axe on both; screenshots
// at 390×844 for review, written to reports/screenshots/ (ignored: a test run never changes tracked files).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import { answerSafetyQuestions, checkAndShowResult } from './support/screening-page';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Starts a caregiver (EDIZ-plus) screening through the screening screens and scores `points`. */
async function startCaregiverScreening(page: Page, client: { new: string } | { existing: string }, points: number) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Screening' }).click();
  await page.getByRole('radio', { name: 'Mantelzorgers' }).check();
  if ('new' in client) {
    await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
    await page.getByRole('textbox', { name: 'Code of bijnaam van de cliënt' }).fill(client.new);
  } else {
    await page.getByRole('radio', { name: client.existing }).check();
  }
  await answerSafetyQuestions(page, 'Nee');
  await page.getByRole('button', { name: 'Screening starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /EDIZ-plus/ })).toBeVisible();
  // One item per screen (15 EDIZ-plus items); each tap goes on to the next.
  for (let i = 0; i < 15; i++)
    await page
      .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
      .getByRole('radio', { name: i < points ? 'Ja' : 'Nee', exact: true })
      .click();
}

async function completeCaregiverScreening(
  page: Page,
  client: { new: string } | { existing: string },
  points: number,
  followUp?: string,
) {
  await startCaregiverScreening(page, client, points);
  await checkAndShowResult(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitslag' })).toBeVisible();
  if (followUp) await page.getByRole('textbox', { name: 'Vervolgafspraak' }).fill(followUp);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('region', { name: 'Tijdlijn' })).toBeVisible();
}

test('home lists a due follow-up and an unfinished screening; the client page shows a trend and a timeline', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const check = async (label: string) => {
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
  };
  await page.goto(server.url);
  await onboard(page);

  await test.step('Given three completed screenings of one caregiver, the last with a follow-up today', async () => {
    await completeCaregiverScreening(page, { new: 'Mantelzorger M' }, 10);
    await completeCaregiverScreening(page, { existing: 'Mantelzorger M' }, 6);
    await completeCaregiverScreening(page, { existing: 'Mantelzorger M' }, 3, today());
  });
  await test.step('And an unfinished screening of another caregiver', async () => {
    await startCaregiverScreening(page, { new: 'Mantelzorger D' }, 2);
  });
  await test.step('Then "Vandaag" lists the follow-up and the unfinished screening', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vandaag' }).click();
    const due = page.getByRole('region', { name: 'Vervolgcontacten' });
    await expect(due.getByRole('link', { name: /Mantelzorger M/ })).toHaveAttribute('href', /\/screening\?followUp=/);
    await expect(due.getByRole('link', { name: /Mantelzorger M/ })).toContainText('vandaag');
    const drafts = page.getByRole('region', { name: 'Onafgemaakte screenings' });
    await expect(drafts.getByRole('link', { name: /Mantelzorger D/ })).toHaveAttribute('href', /\/screening\/[\w-]+$/);
    await check('home');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'reports/screenshots/home.png' });
  });
  await test.step('And the client page shows one trend chart and three screenings on the timeline', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    // Wait for the client list: Vandaag also has a "Mantelzorger M" link (the follow-up).
    await expect(page.getByRole('heading', { level: 1, name: 'Cliënten' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Mantelzorger M' }).click();
    const trend = page.getByRole('region', { name: 'Verloop van de scores' });
    await expect(trend.getByRole('img')).toHaveAttribute('aria-label', /EDIZ-plus.*3 metingen/);
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await expect(timeline.getByRole('article', { name: /EDIZ-plus/ })).toHaveCount(3);
    // Every completed screening schedules a follow-up; the last one is due today.
    await expect(timeline.getByRole('article', { name: /Vervolgcontact/ })).toHaveCount(3);
    await check('client page with timeline and chart');
    await trend.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('timeline-title')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'reports/screenshots/timeline.png' });
  });
  await test.step('And the follow-up exports as an .ics without client details', async () => {
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    const download = page.waitForEvent('download');
    const dutchToday = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(),
    );
    await timeline
      .getByRole('article', { name: `Vervolgcontact gepland op ${dutchToday}` })
      .getByRole('button', { name: 'Zet in agenda (.ics)' })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`stapwijzer-vervolgcontact-${today()}.ics`);
    const text = await (await file.createReadStream()).toArray();
    const ics = Buffer.concat(text).toString('utf8');
    expect(ics).toContain('SUMMARY:Stapwijzer: vervolgcontact\r\n');
    expect(ics).not.toContain('Mantelzorger');
    expect(ics).not.toContain('caregivers');
  });
});
