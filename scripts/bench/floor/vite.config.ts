// The FLOOR app of `npm run bench`: the smallest app on Stapwijzer's stack (React, react-dom, react-router
// data router, zustand, Dexie, vite-plugin-pwa registered through useRegisterSW like the app) with one route
// that reads one Dexie table. Its first-screen JS+CSS is the yardstick for the app's (goal ≤ 1.3×).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: 'warn',
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Floor',
        short_name: 'Floor',
        start_url: '/',
        display: 'standalone',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,json}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../../.tmp/floor-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
