import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/precompress.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './scripts/security-headers.ts';
import { syncProxyPlugin } from './scripts/sync-proxy.mjs';
import { canonicalBase } from './src/domain/fhir/canonical.ts';

// `npm run bench` only (STAPWIJZER_BENCH=1): adds the bench seeding page as a second entry and builds into
// .tmp/dist-bench. The production build (dist/) never contains it; the bench asserts that.
const BENCH = process.env.STAPWIJZER_BENCH === '1';
// Builds with a second HTML entry: the bench variant, and the crash harness of the reliability tests.
const SECOND_ENTRY = BENCH || process.env.STAPWIJZER_CRASH_HARNESS === '1';

// The FHIR canonical base is set by whoever deploys (VITE_FHIR_CANONICAL_BASE): a wrong one fails the
// build here rather than the first export in the field.
canonicalBase(process.env.VITE_FHIR_CANONICAL_BASE);

// Why these choices:
// - registerType 'prompt': an update never reloads on its own during clinical work; the user applies it.
// - injectRegister false: registration runs through useRegisterSW (workbox-window) in src/app/update.
// - globPatterns: the shell, every lazy route chunk and its CSS. The content packs are imported as
//   modules, so they ship inside JS chunks (tests/precache.spec.ts finds each by its digest); no JSON
//   file is emitted, so none is globbed. The icons come from `manifest` and `includeAssets`.
// - navigateFallback: deep links like /clients/abc open offline from the cached shell.
export default defineConfig({
  plugins: [
    react(),
    // `npm start` only (STAPWIJZER_SYNC_TARGET): the preview server proxies /sync/ to the team server.
    syncProxyPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon-32x32.png', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'Stapwijzer — signaleren en stepped care bij depressiepreventie',
        short_name: 'Stapwijzer',
        description:
          'Signaleringskaarten, tipkaarten en stepped-care-adviezen voor verloskundigen, kraamzorg, JGZ, POH-GGZ en mantelzorgondersteuners. Werkt zonder internet.',
        lang: 'nl',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        // A precache that fails to download one entry fails the install: a broken release never activates.
        cleanupOutdatedCaches: true,
      },
    }),
    // .br and .gz beside each text file, written after the service worker (scripts/precompress.ts).
    precompress(),
  ],
  build: {
    manifest: true, // .vite/manifest.json lets the precache test find every lazy route chunk
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0, // an imported image or font stays a file, never a data: URL (the CSP's font-src has no data:)
    // Every module the entry imports statically goes into the entry chunk: the first screen is then one
    // script (and one stylesheet) instead of sixteen small shared chunks, each a request on the critical
    // path (issue 23). Lazy screens import what they share with the shell from that chunk. Only with the
    // app as the one entry: a second page (the bench's seeding page, the crash harness) would load that
    // chunk and run the app's start-up with it.
    rolldownOptions: {
      ...(SECOND_ENTRY ? {} : { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } }),
      ...(BENCH ? { input: { index: 'index.html', bench: 'scripts/bench/seed/bench-seed.html' } } : {}),
    },
    ...(BENCH ? { outDir: '.tmp/dist-bench' } : {}),
  },
  server: { headers: SECURITY_HEADERS },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
