// Page model for the screening flow (start → runner → result), shared by the screening and journey specs.
import { expect, type Page } from '@playwright/test';

export async function startScreening(
  page: Page,
  options: {
    pathway?: RegExp;
    client: { alias: string } | { existing: string } | 'anonymous';
    instrument?: RegExp;
    weeks?: number;
    followUp?: boolean;
    /** Relapse prevention: answer the intake (none of it is pre-answered); fully recovered, all else no. */
    intake?: { episodes: 1 | 2 | 3 };
    /** The pathway's safety questions start unanswered and must be answered (default: "Nee"). */
    safety?: 'Ja' | 'Nee';
  },
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Screening', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
  if (options.pathway) await page.getByRole('radio', { name: options.pathway }).check();
  const client = options.client;
  if (client === 'anonymous') await page.getByRole('radio', { name: /Snelle anonieme screening/ }).check();
  else if ('alias' in client) {
    await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
    await page.getByLabel('Code of bijnaam van de cliënt').fill(client.alias);
  } else await page.getByRole('radio', { name: client.existing, exact: true }).check();
  if (options.followUp) await page.getByRole('radio', { name: /Ja, de vervolgafspraak/ }).check();
  if (options.instrument) await page.getByRole('radio', { name: options.instrument }).check();
  if (options.weeks !== undefined) {
    await page.getByRole('radio', { name: 'Na de bevalling', exact: true }).check();
    await page.getByLabel('Weken na de bevalling').fill(String(options.weeks));
  }
  if (options.intake) {
    const intake = page.getByRole('region', { name: 'Intake terugvalpreventie' });
    const episodes = intake.getByRole('group', { name: 'Aantal eerdere depressieve episodes' });
    await episodes
      .getByRole('radio')
      .nth(options.intake.episodes - 1)
      .check();
    for (const [question, answer] of [
      ['Volledig hersteld?', 'Ja'],
      ['Gebruikt een antidepressivum?', 'Nee'],
      ['Wil het antidepressivum afbouwen?', 'Nee'],
      ['Zijn er restklachten?', 'Nee'],
      ['Zijn er waarschuwingssignalen terug?', 'Nee'],
    ] as const) {
      await intake.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
    }
  }
  await answerSafetyQuestions(page, options.safety ?? 'Nee');
  await page.getByRole('button', { name: 'Screening starten' }).click();
  await expect(page).toHaveURL(/\/screening\/[^/]+$/);
}

/** Answers every safety question of the start screen (they are never pre-answered). */
export async function answerSafetyQuestions(page: Page, answer: 'Ja' | 'Nee'): Promise<void> {
  // The start form renders the chosen pathway's questions at once; relapse prevention has none.
  await expect(page.getByRole('button', { name: 'Screening starten' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Eerst: veiligheid' });
  for (const group of await section.getByRole('group').all()) {
    await group.getByRole('radio', { name: answer, exact: true }).check();
  }
}

/**
 * Score entry, one item per screen: tap the printed position (0-based) of each item in turn; every tap
 * goes on to the next item by itself (a tap, not `check`: the radio is gone once the next item shows).
 * After the last item the check list shows, unless an answer raised a safety signal.
 */
export async function enterPositions(page: Page, positions: readonly number[]): Promise<void> {
  for (const [i, p] of positions.entries())
    await page
      .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
      .getByRole('radio')
      .nth(p)
      .click();
}

/**
 * Score entry from the keyboard: the printed positions (0-based) of the items typed in a row, as the
 * digits 1–n; the items left to tap (the red-flag item: EPDS item 10) are then tapped one by one.
 */
export async function typePositions(
  page: Page,
  typed: readonly number[],
  tapped: readonly number[] = [],
): Promise<void> {
  await page.getByLabel(/^Snel invoeren/).fill(typed.map((p) => p + 1).join(''));
  for (const [i, p] of tapped.entries())
    await page
      .getByRole('group', { name: new RegExp(`^${typed.length + i + 1}\\. `) })
      .getByRole('radio')
      .nth(p)
      .click();
}

/** Score entry: open item `n` from the numbered strip and tap its printed position `p` (0-based). */
export async function tapItem(page: Page, n: number, p: number): Promise<void> {
  await jumpToItem(page, n);
  await page
    .getByRole('group', { name: new RegExp(`^${n}\\. `) })
    .getByRole('radio')
    .nth(p)
    .click();
}

/** Score entry: open item `n` from the numbered strip. */
export async function jumpToItem(page: Page, n: number): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Naar vraag' })
    .getByRole('button', { name: `Vraag ${n}`, exact: true })
    .click();
  await expect(page.getByRole('group', { name: new RegExp(`^${n}\\. `) })).toBeVisible();
}

/**
 * Score entry where the last item raises a safety signal: the urgent panel replaces the form at once,
 * the item stays where it was (so "Verder met de screening" shows what was entered).
 */
export async function enterPositionsRaisingSignal(page: Page, positions: readonly number[]): Promise<void> {
  await enterPositions(page, positions);
}

/**
 * Score entry done: check the listed items against the paper form, then go to the result. After the
 * last item the check list comes by itself; `fromItem` when an item is still on screen (after the
 * urgent panel, or a correction), which "Controleren" leaves.
 */
export async function checkAndShowResult(page: Page, options: { fromItem?: boolean } = {}): Promise<void> {
  if (options.fromItem) await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer met het papieren formulier' })).toBeVisible();
  await page.getByRole('button', { name: 'Klopt, naar de uitslag' }).click();
}

/**
 * Full text, one question per screen: choose the option at each position; a tap goes on to the next
 * question by itself, and the last one ends with "Klaar".
 */
export async function answerOneByOne(page: Page, positions: readonly number[]): Promise<void> {
  const form = page.locator('form.questionnaire');
  for (const [i, p] of positions.entries()) {
    await expect(form.locator('.progress')).toHaveText(new RegExp(`^Vraag ${i + 1} van `));
    await form.locator('fieldset.question').getByRole('radio').nth(p).click();
  }
  await form.getByRole('button', { name: 'Klaar' }).click();
}

export async function saveResult(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/clients\/[^/]+$/);
}

/** Score entry: the printed position (0-based) entered at item `n`, read by opening it; -1 when open. */
export async function enteredPosition(page: Page, n: number): Promise<number> {
  await jumpToItem(page, n);
  const radios = await page
    .getByRole('group', { name: new RegExp(`^${n}\\. `) })
    .getByRole('radio')
    .all();
  for (const [p, radio] of radios.entries()) if (await radio.isChecked()) return p;
  return -1;
}
