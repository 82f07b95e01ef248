import { defineConfig } from '@playwright/test';

// Browser tests need a built app (npm test builds it first). Each test starts its own static server
// and its own Chromium profile (tests/support/fixtures.ts), so there is no shared webServer here.
// globalSetup builds the release variants the reliability specs serve (v2, v3, crash harness) into .tmp/.
export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/reliability/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Above Playwright's defaults (30 s a test, 5 s an expect) on purpose: every test is a journey with
  // its own Chromium, real onboarding and unlocks with the production KDF (600,000 PBKDF2 rounds), and
  // the gate runs two workers on 2 cores, possibly beside other load. The longest journeys took 15–40 s
  // at load 10 (measured 2026-12-01); one unlock can take seconds there, and CI on 7582562 once waited
  // over 10 s for a screening to start (cause unseen; a failure now prints what the user saw). These
  // are caps, not waits: a passing expect returns once the page shows what it waits for.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'reports/test-results',
  use: { trace: 'off' },
});
