// The FHIR export offline, in a real Chromium: an EPDS entered from the paper form, saved on the safety
// path, then downloaded from the client page as a .json Bundle that is read back from disk and checked
// against the official R4 schema and the export invariants; the journal line is copied; both are
// audit events; and the alias reaches neither the file, its name nor the journal line.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { ContentPackSchema } from '../src/content/schema';
import {
  buildCodeSystem,
  buildQuestionnaire,
  DEFAULT_CANONICAL_BASE,
  questionnaireCanonical,
} from '../src/domain/fhir';
import { PATHWAY_IDS } from '../src/domain/types';
import { exportProblems, type Known } from './fhir/export-invariants';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard } from './support/onboard';
import { checkAndShowResult, enterPositionsRaisingSignal, startScreening } from './support/screening-page';

const ALIAS = 'CANARY-FHIR-9B2';

function shipped(): Known {
  const base = DEFAULT_CANONICAL_BASE; // the build under test sets no VITE_FHIR_CANONICAL_BASE
  // Read from disk: Playwright's loader cannot import JSON without an import attribute.
  const packs = PATHWAY_IDS.map((id) =>
    v.parse(ContentPackSchema, JSON.parse(readFileSync(`src/content/packs/${id}.json`, 'utf8'))),
  );
  return {
    codeSystems: new Map(
      packs.map((p) => {
        const cs = buildCodeSystem(p, base, 'nl');
        return [`${cs.url}|${cs.version}`, cs];
      }),
    ),
    questionnaires: new Map(
      packs.flatMap((p) =>
        p.instruments.map((i) => [questionnaireCanonical(base, i, p), buildQuestionnaire(i, p, base, 'nl')] as const),
      ),
    ),
  };
}

test('an EPDS exported offline as FHIR R4 reads back valid, and its journal line carries no alias', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given I set up Stapwijzer as a midwife and the network is off', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await onboard(page, { roles: [/verloskundige/i] });
    await context.setOffline(true);
  });
  await test.step('When I save an EPDS with item 10 positive and record the safety action', async () => {
    await startScreening(page, { client: { alias: ALIAS }, weeks: 4, instrument: /EPDS/ });
    // Item 10 at its third printed answer scores 1: the urgent panel replaces the form as it is entered.
    await enterPositionsRaisingSignal(page, [0, 0, 3, 0, 3, 3, 3, 3, 3, 2]);
    await page.getByRole('button', { name: 'Verder met de screening' }).click();
    await checkAndShowResult(page, { fromItem: true });
    await page.getByRole('radio', { name: 'Huisarts geïnformeerd' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
  });

  const section = page.getByRole('region', { name: 'Naar het dossier' });
  await test.step('Then the client page offers the export, with the secure-channel and EPDS-key notices', async () => {
    await expect(section.getByText('Deel alleen via een beveiligd kanaal (bijv. ZorgMail, Siilo).')).toBeVisible();
    await expect(section.getByTestId('epds-key-not-confirmed')).toBeVisible();
  });

  await test.step('And the downloaded .json file validates against R4 and holds no alias', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download .json' }).click(),
    ]);
    await expect(section.getByText(/Bestand stapwijzer-epds-.*\.json gemaakt/)).toBeVisible();
    const name = download.suggestedFilename();
    expect(name).toMatch(/^stapwijzer-epds-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).not.toContain(ALIAS);
    const bundle = JSON.parse(text);
    expect(exportProblems(bundle, shipped())).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(text).toContain('Scoringssleutel niet bevestigd door de praktijk');
  });

  await test.step('And "Kopieer als journaalregel" copies the line without the alias', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await section.getByRole('button', { name: 'Kopieer als journaalregel' }).click();
    await expect(section.getByText('Journaalregel gekopieerd.')).toBeVisible();
    const line = await page.evaluate(() => navigator.clipboard.readText());
    expect(line).toMatch(
      /^\d{4}-\d{2}-\d{2} EPDS totaal \d+ \(.+\); veiligheidspad; veiligheidsactie: Huisarts geïnformeerd; /,
    );
    expect(line).not.toContain(ALIAS);
  });

  await test.step('And the audit log names both exports', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('link', { name: /Logboek/ }).click();
    await expect(page.getByText('FHIR-bestand gemaakt')).toBeVisible();
    await expect(page.getByText('Gekopieerd')).toBeVisible();
  });
});
