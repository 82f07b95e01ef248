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
  // at load 10 (measured 2026-12-01); one unlock can take seconds there. A test needing more says why.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'reports/test-results',
  use: { trace: 'off' },
});
