// Offline as a device is offline: every document of the context reads navigator.onLine === false.
import type { BrowserContext } from '@playwright/test';

/**
 * Applies the offline emulation again, for a document loaded after `context.setOffline(true)`.
 *
 * Debian bookworm's Chromium 150 driven by Playwright 1.65 applies the emulation to the documents open
 * when it is set, not to one loaded afterwards: after a reload offline (served by the service worker)
 * the new document read navigator.onLine === true, every time (2026-12-02; requests still failed, only
 * the flag was wrong). A real device's state reaches every document, so a test that checks what the app
 * does with navigator.onLine after a reload calls this first. Toggling fires 'online' then 'offline'
 * in the page, which the app follows (src/features/cards/use-online.ts); the server is closed by then in
 * the specs that use this, so the short online moment reaches nothing.
 */
export async function reapplyOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.setOffline(true);
}
