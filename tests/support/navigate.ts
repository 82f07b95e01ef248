// Client-side navigation, as a click on a link does: the router reads the new URL on popstate, so
// the vault stays unlocked (a page load would lock it and cost a passphrase unlock per screen).
import type { Page } from '@playwright/test';

export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
