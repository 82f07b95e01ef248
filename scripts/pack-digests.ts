/**
 * Computes the SHA-256 digest of every bundled content pack (canonical JSON, digest field left
 * out), writes it into the pack's `digest` field and generates src/content/packs/expected-digests.ts,
 * which the app build uses so that a pack cannot vouch for itself.
 *   node_modules/.bin/tsx scripts/pack-digests.ts          # update packs and expected-digests.ts
 *   node_modules/.bin/tsx scripts/pack-digests.ts --check  # exit 1 when anything is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packDigest } from '../src/content/digest';
import { renderExpectedDigests } from '../src/content/expected-digests-file';
import { BUNDLED_FILES } from '../src/content/packs/files';
import { SHIPPED_DIGESTS } from '../src/content/packs/shipped-digests';

const dir = fileURLToPath(new URL('../src/content/packs/', import.meta.url));
const check = process.argv.includes('--check');

async function main(): Promise<void> {
  const digests: Record<string, string> = {};
  let stale = false;
  for (const name of BUNDLED_FILES) {
    const path = `${dir}${name}.json`;
    const text = readFileSync(path, 'utf8');
    const json: unknown = JSON.parse(text);
    const digest = await packDigest(json);
    digests[name] = digest;
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      throw new Error(`${name}.json is not an object`);
    const updated = `${JSON.stringify({ ...json, digest }, null, 2)}\n`;
    if (updated !== text) {
      stale = true;
      if (!check) writeFileSync(path, updated);
    }
    console.log(`${name.padEnd(20)} ${digest}`);
  }
  const target = `${dir}expected-digests.ts`;
  const rendered = renderExpectedDigests(digests);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== rendered) {
    stale = true;
    if (!check) writeFileSync(target, rendered);
  }
  // The shipped-digest history is append-only (R41): a pathway pack version not yet in it is added.
  const missing: string[] = [];
  for (const name of BUNDLED_FILES) {
    if (name === 'roles') continue; // the roles file is never stored in IndexedDB
    const json = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as { id: string; contentVersion: string };
    const digest = digests[name] ?? '';
    if (
      SHIPPED_DIGESTS.some(
        (d) => d.packId === json.id && d.contentVersion === json.contentVersion && d.digest === digest,
      )
    )
      continue;
    missing.push(
      `  {\n    packId: '${json.id}',\n    contentVersion: '${json.contentVersion}',\n    digest: '${digest}',\n  },\n`,
    );
  }
  if (missing.length > 0) {
    stale = true;
    if (!check) {
      const historyPath = `${dir}shipped-digests.ts`;
      const history = readFileSync(historyPath, 'utf8');
      const end = history.indexOf('];\n\nexport function isShippedDigest');
      writeFileSync(historyPath, `${history.slice(0, end)}${missing.join('')}${history.slice(end)}`);
    }
  }
  if (check && stale) {
    console.error('pack digests are out of date: run node_modules/.bin/tsx scripts/pack-digests.ts');
    process.exit(1);
  }
}

await main();
