// Clients: the offline journey (create → note → timeline), the XSS corpus (R36), the iOS guard (R11),
// axe and keyboard use of every clients and plan screen.
import AxeBuilder from '@axe-core/playwright';
import { addNoteViaUi, createClientViaUi } from './support/clients';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard } from './support/onboard';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const XSS = [
  '<img src=x onerror=window.__xss=1>',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">klik</a>',
  'javascript:window.__xss=1',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<body onload=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<math><mtext><img src=x onerror=window.__xss=1></mtext></math>',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<link rel=stylesheet href="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<div style="background:url(javascript:window.__xss=1)">x</div>',
  '{{constructor.constructor("window.__xss=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, literal on purpose
  '${window.__xss=1}',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<isindex type=image src=1 onerror=window.__xss=1>',
];

test('journey: create a client, add a note and see it on the timeline, offline after the first visit', async ({
  page,
  server,
  context,
}) => {
  await test.step('Given I installed Stapwijzer online and set it up', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await onboard(page);
  });
  await test.step('When the network is off', async () => {
    await context.setOffline(true);
  });
  await test.step('And I create a client with only an alias', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await expect(page.getByText(/Een naam is niet nodig/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Bijnaam of code' }).fill('Moeder Offline');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Moeder Offline' })).toBeVisible();
  });
  await test.step('And I add a note', async () => {
    await addNoteViaUi(page, 'Belt volgende week terug.');
    await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
  });
  await test.step('Then the note is on the timeline, also after a reload offline', async () => {
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await expect(timeline.getByText('Belt volgende week terug.')).toBeVisible();
    await page.reload();
    await page.getByLabel('Wachtzin').fill('stapwijzer test wachtzin');
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(page.getByRole('region', { name: 'Tijdlijn' }).getByText('Belt volgende week terug.')).toBeVisible();
  });
});

test('R36: about 30 XSS payloads as aliases and as notes render as inert, literal text', async ({ page, server }) => {
  await page.goto(server.url);
  await onboard(page);
  test.setTimeout(120_000); // 60 saves through the UI on a shared 2-core machine
  await test.step('When I save every payload as a client alias', async () => {
    for (const payload of XSS) await createClientViaUi(page, payload);
  });
  await test.step('And every payload as a note of the last client', async () => {
    for (const payload of XSS) await addNoteViaUi(page, payload);
  });
  await test.step('Then the notes show literally and nothing ran', async () => {
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    for (const payload of XSS) await expect(timeline.getByText(payload, { exact: true })).toBeVisible();
    await expect(timeline.locator('img, svg, script, iframe, a[href^="javascript"], object, embed')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
  await test.step('And the client list shows every alias literally and nothing ran', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    const list = page.locator('.client-list');
    await expect(list.getByRole('link')).toHaveCount(XSS.length);
    for (const payload of XSS) await expect(list.getByText(payload, { exact: true })).toBeVisible();
    await expect(list.locator('img, svg, script, iframe, object, embed')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
  // The fixture guard fails the test on any CSP violation or page error.
});

test('R11: on an iPhone outside the installed app, creating clients is blocked with install instructions', async ({
  page,
  context,
  server,
}) => {
  const cdp = await context.newCDPSession(page);
  await test.step('Given Safari on an iPhone, not started from the home screen', async () => {
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      platform: 'iPhone',
    });
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'display-mode', value: 'browser' }] });
    await page.goto(server.url);
    expect(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches)).toBe(false);
    await onboard(page);
  });
  await test.step('When I open "Nieuwe cliënt"', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  });
  await test.step('Then I see how to install, and no form to create a client', async () => {
    await expect(page.getByRole('heading', { name: 'Installeer Stapwijzer eerst op je beginscherm' })).toBeVisible();
    await expect(page.getByText(/Zet op beginscherm/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Bijnaam of code' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
  });
});

test('axe finds no WCAG 2.2 A/AA violation on the client list, new client, client page and plan screens; keyboard works', async ({
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
  await test.step('With the keyboard only, I create a client', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Cliënten' })).toBeFocused();
    await check('client list (empty)');
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' })).toBeFocused();
    await check('new client');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Bijnaam of code' })).toBeFocused();
    await page.keyboard.type('Toetsenbord T');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Toetsenbord T' })).toBeFocused();
  });
  await test.step('I add a note with the keyboard', async () => {
    await page.getByRole('textbox', { name: 'Nieuwe notitie' }).focus();
    await page.keyboard.type('Eerste gesprek gehad.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Notitie opslaan' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Tijdlijn' }).getByText('Eerste gesprek gehad.')).toBeVisible();
    await check('client page');
  });
  await test.step('I build a plan with the keyboard', async () => {
    await page.getByRole('link', { name: /Signaleringsplan/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /Signaleringsplan/ })).toBeFocused();
    await page.getByRole('checkbox', { name: 'Slaap verandert' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: /Hoe merkt de cliënt dit/ })).toBeFocused();
    await page.keyboard.type('Wakker om 4 uur');
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
    await check('plan builder');
    await page.getByRole('link', { name: 'Afdrukversie' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
    await expect(page.getByText('Slaap verandert: Wakker om 4 uur')).toBeVisible();
    await check('plan print view');
  });
  await test.step('The client list with a client, and the search', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('searchbox', { name: 'Zoek op bijnaam of code' }).fill('toetsENBORD');
    await expect(page.getByRole('link', { name: 'Toetsenbord T' })).toBeVisible();
    await check('client list');
  });
});
