// Build variants for the reliability tests (scripts/build-variants.mjs). The production config is used
// unchanged; these plugins exist only here, so nothing below can reach a production build.
//   STAPWIJZER_BUILD_LABEL=v2   → <html data-build-label="v2"> and every chunk renamed (…-v2-<hash>.js):
//                                 a real release where none of v1's hashed files exist any more.
//   STAPWIJZER_EXTRA_SCHEMA=1   → one more, index-only schema version appended to SCHEMA_VERSIONS.
//   STAPWIJZER_CRASH_HARNESS=1  → adds tests/reliability/harness/crash-harness.html, a page that saves
//                                 notes through the real vault + repositories (R1; no UI saves notes yet).
import { resolve } from 'node:path';
import { mergeConfig, type Plugin, type UserConfig } from 'vite';
import base from '../../../vite.config.ts';

const label = process.env.STAPWIJZER_BUILD_LABEL ?? '';
const extraSchema = process.env.STAPWIJZER_EXTRA_SCHEMA === '1';
const crashHarness = process.env.STAPWIJZER_CRASH_HARNESS === '1';

/** Marks the document with the build it came from, so a test can see which release a tab runs. */
function buildLabel(): Plugin {
  return {
    name: 'stapwijzer-test-build-label',
    transformIndexHtml: (html) => html.replace('<html lang="nl"', `<html lang="nl" data-build-label="${label}"`),
  };
}

/** Appends an additive, index-only schema version: what a real release with a new index looks like. */
function extraSchemaVersion(): Plugin {
  const marker = 'export const CURRENT_SCHEMA_VERSION';
  return {
    name: 'stapwijzer-test-extra-schema',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/db/schema-versions.ts')) return null;
      if (!code.includes(marker)) throw new Error('schema-versions.ts changed: update the test variant plugin');
      const next = `SCHEMA_VERSIONS.push({ version: SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version + 1, stores: { notes: 'id, clientId, updatedAt, createdAt' }, note: 'reliability test: index only' });\n`;
      return code.replace(marker, next + marker);
    },
  };
}

const plugins: Plugin[] = [];
if (label) plugins.push(buildLabel());
if (extraSchema) plugins.push(extraSchemaVersion());

const suffix = label ? `-${label}` : '';
const variant: UserConfig = {
  plugins,
  build: {
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve('index.html'),
        ...(crashHarness ? { crash: resolve('tests/reliability/harness/crash-harness.html') } : {}),
      },
      output: {
        entryFileNames: `assets/[name]${suffix}-[hash].js`,
        chunkFileNames: `assets/[name]${suffix}-[hash].js`,
        assetFileNames: `assets/[name]${suffix}-[hash][extname]`,
      },
    },
  },
};

export default mergeConfig(base, variant);
