import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANARY, makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

function has(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the handover summary prints on A4 with screening, context, step by name, plan, follow-up and note; share only securely', async ({
  page,
  server,
}, testInfo) => {
  const fixture = await makeBackupFixture();
  await page.goto(server.url);
  await onboard(page);
  await restoreThroughUi(page, server.url, fixture);

  await test.step('When I open the handover summary of the client', async () => {
    await openUnlocked(page, `${server.url}/clients/${fixture.clientId}/handover`);
    await expect(page.getByRole('heading', { level: 1, name: `Overdracht: ${CANARY}` })).toBeVisible();
  });

  await test.step('Then it shows the latest screening, the step with its reasons, the plan, follow-up and note', async () => {
    await expect(page.getByText('Score EPDS: 11')).toBeVisible();
    await expect(page.getByText('Uitkomst: Verhoogd')).toBeVisible();
    await expect(page.getByText('Situatie: 6 weken na de bevalling')).toBeVisible();
    await expect(page.getByText(/^Datum: \d{1,2} [a-z]+ \d{4}$/)).toBeVisible();
    await expect(page.getByText('Stap 1 Lichte ondersteuning', { exact: true })).toBeVisible();
    await expect(page.getByText(/Deel alleen via een beveiligd kanaal/)).toBeVisible();
    await expect(page.getByText('EPDS-score 11: verhoogd')).toBeVisible();
    await expect(page.getByText('Partner neemt de nachtvoeding')).toBeVisible();
    await expect(page.getByText('Vervolg op 15 juni 2025')).toBeVisible();
    await expect(page.getByText(/rustig gesprek/)).toBeVisible();
  });

  await test.step('And copying as text logs an export', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: 'Kopiëren als tekst' }).click();
    await expect(page.getByText('De samenvatting is gekopieerd.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Stap: Stap 1 Lichte ondersteuning');
    expect(copied).toContain('Deel alleen via een beveiligd kanaal');
    expect(copied).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await openUnlocked(page, `${server.url}/settings/audit`);
    await expect(page.getByText('Gekopieerd')).toBeVisible();
    await expect(page.getByText(/Het logboek is compleet en niet gewijzigd/)).toBeVisible();
  });

  await test.step('And the print view renders to an A4 PDF that reads in black and white', async () => {
    await openUnlocked(page, `${server.url}/clients/${fixture.clientId}/handover`);
    await expect(page.getByText('Score EPDS: 11')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const pdfPath = testInfo.outputPath('handover.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true }));
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (has('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
      expect(text).toContain(`Overdracht: ${CANARY}`);
      expect(text).toContain('Score EPDS: 11');
      expect(text).not.toContain('Afdrukken'); // the buttons are not printed
      expect(text).toContain('6 weken na de bevalling');
      const info = execFileSync('pdfinfo', [pdfPath]).toString();
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
      expect(info).toMatch(/Page size:.*\(A4\)/);
    } else {
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    }
    if (has('pdftoppm')) {
      const prefix = testInfo.outputPath('handover-page');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
      const png = `${prefix}.png`;
      expect(existsSync(png)).toBe(true);
      if (process.env.UPDATE_REFERENCE === '1') copyFileSync(png, join('tests', 'reference', 'handover-page1.png'));
    }
  });
});
