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
    // Above vitest's 5 s on purpose: the 1,000-record backup round trips (src/db/backup) and route
    // renders behind a real vault take seconds when the 2-core machine runs other suites beside them.
    testTimeout: 20_000,
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
