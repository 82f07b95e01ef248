// Issue 20's camera path: the inviter scans the newcomer's device code instead of typing it. Chromium's
// fake camera plays a Y4M file drawn from the code as B's screen shows it (tests/support/fake-camera.ts);
// the file is written after A's browser starts, which is fine: Chromium opens it when a page opens the
// camera. The static server sends the app's own headers (Permissions-Policy camera=(self), the CSP),
// and the guard fails the test on any CSP violation from the <video> or the canvas.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { fakeCameraArgs, fakeCameraPath, writeQrVideo } from './support/fake-camera';
import { DIST, expect, test } from './support/fixtures';
import {
  createTeamViaUi,
  type Device,
  goToSettings,
  MEMBERS,
  openDevice,
  startJoiningViaUi,
  startTeamServer,
  type TeamServer,
} from './support/team';

test('the QR decoder is in the camera chunk only: neither the entry chunk nor what it imports statically holds it', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[] }
  >;
  /** The files a chunk loads with it: itself and its static imports, transitively. */
  const closure = (keys: string[]) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
    };
    for (const key of keys) visit(key);
    return [...files];
  };
  // A string of jsQR's own (its options), kept by the minifier.
  const holdsDecoder = (file: string) => readFileSync(join(DIST, file), 'utf8').includes('attemptBoth');
  const camera = 'src/features/team/camera-scan.tsx';
  expect(manifest[camera]?.isDynamicEntry).toBe(true);
  expect(closure([camera]).filter(holdsDecoder)).toHaveLength(1);
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  expect(entries.length).toBeGreaterThan(0);
  expect(closure(entries).filter(holdsDecoder)).toEqual([]);
});

let team: TeamServer;

/** Counts the camera streams the page opens and how many of their tracks still run. */
async function watchCamera(page: Device['page']): Promise<void> {
  await page.evaluate(() => {
    const streams: MediaStream[] = [];
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
    Object.assign(window, {
      cameraState: () => ({
        opened: streams.length,
        live: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
      }),
    });
  });
}

function cameraState(page: Device['page']): Promise<{ opened: number; live: number }> {
  return page.evaluate(() =>
    (window as unknown as { cameraState: () => { opened: number; live: number } }).cameraState(),
  );
}

test.describe('scanning with the camera', () => {
  // Two onboardings with the production KDF and a join.
  test.setTimeout(180_000);
  test.beforeEach(async () => {
    team = await startTeamServer();
  });
  test.afterEach(async () => {
    await team.close();
  });

  test('A scans B’s device code with the camera: the field fills, the camera stops, both see the same comparison code and B joins (axe passes on the camera view)', async ({
    guard,
  }) => {
    const video = fakeCameraPath();
    const a = await openDevice(team, guard, 'AXQZW', { args: fakeCameraArgs(video) });
    await createTeamViaUi(a.page, MEMBERS.a);
    const b = await openDevice(team, guard, 'BXQZW');
    const shown = await startJoiningViaUi(b.page, MEMBERS.b);
    const deviceCode = shown.replace(/\s/g, '');
    const field = a.page.getByLabel('Apparaatcode van je collega');
    const scan = a.page.getByRole('button', { name: 'Code scannen met de camera' });
    const view = a.page.getByRole('group', { name: 'Camera: de QR-code van je collega scannen' });

    await test.step('Given the camera shows a QR code that is not a device code, A is told so and can stop', async () => {
      writeQrVideo(video, 'https://example.org/geen-apparaatcode', 'Byte');
      await goToSettings(a.page);
      await watchCamera(a.page);
      await scan.click();
      await expect(view.getByTestId('camera-scan-status')).toHaveText(/Dit is geen apparaatcode van Stapwijzer/);
      await expect(field).toHaveValue('');
      // The typed field stays usable beside the camera view, and the view passes axe (WCAG 2.2 AA).
      await expect(field).toBeEditable();
      const axe = await new AxeBuilder({ page: a.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await view.getByRole('button', { name: 'Stoppen met scannen' }).click();
      await expect(view).toHaveCount(0);
      await expect(scan).toBeFocused();
      expect(await cameraState(a.page)).toEqual({ opened: 1, live: 0 });
    });

    await test.step('When the camera shows B’s code, the typed-code field holds it and the camera is off', async () => {
      writeQrVideo(video, deviceCode);
      await scan.click();
      await expect(field).toHaveValue(deviceCode);
      await expect(view).toHaveCount(0);
      await expect(a.page.getByTestId('team-add-message')).toHaveText(/Code gelezen/);
      await expect(a.page.getByRole('button', { name: 'Verder' })).toBeFocused();
      expect(await cameraState(a.page)).toEqual({ opened: 2, live: 0 });
    });

    await test.step('Then "Verder" runs the usual step: both screens show the same code, both confirm, B joins', async () => {
      await a.page.getByRole('button', { name: 'Verder' }).click();
      const code = (await a.page.getByTestId('comparison-code').textContent()) ?? '';
      expect(code).toMatch(/^\d{3} \d{3}$/);
      await expect(b.page.getByTestId('comparison-code')).toHaveText(code);
      await b.page.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
      await a.page.getByRole('button', { name: 'Ja, de codes zijn gelijk' }).click();
      await expect(a.page.getByTestId('team-add-message')).toHaveText(/Teamsleutel verstuurd/);
      await expect(b.page.getByTestId('team-flash')).toHaveText(/Je bent lid van het team/);
    });

    await a.context.close();
    await b.context.close();
  });
});
