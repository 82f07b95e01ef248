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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'reports/test-results',
  use: { trace: 'off' },
});
