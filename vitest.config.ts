import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so the PWA plugin (and its virtual modules) stay out of unit tests.
// Two projects: the pure layers (domain, content, db) run in Node — no DOM to build per file, and
// WebCrypto is Node's own — and everything that renders runs in jsdom.
const NODE_ONLY = ['src/domain/**/*.test.ts', 'src/content/**/*.test.ts', 'src/db/**/*.test.ts'];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      'virtual:pwa-register/react': fileURLToPath(new URL('./tests/stubs/pwa-register-react.ts', import.meta.url)),
    },
  },
  test: {
    setupFiles: ['./tests/setup.ts'],
    // Above vitest's 5 s on purpose: a guard against a hang, not a speed check (benchmarks measure speed).
    // The 1,000-record backup round trips and the 100,000-IV test take 2–4 s on a quiet 2-core machine
    // and passed 20 s when other work shared the cores; no test waits for time, so a generous guard only
    // decides how long a real hang takes to report.
    testTimeout: 60_000,
    // Vitest's default for a run is one worker fewer than the cores: on the 2-core CI machine that is one
    // worker, and the suite took 215 s of which half was per-file setup (jsdom, imports) a second worker
    // overlaps. The gate runs vitest alone (Playwright starts after it), so every core is free.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: NODE_ONLY } },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['./tests/setup-dom.ts'], // added to the root's setup.ts (configs merge arrays)
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...NODE_ONLY, 'tests/**', 'node_modules/**', 'dist/**'],
        },
      },
    ],
  },
});
