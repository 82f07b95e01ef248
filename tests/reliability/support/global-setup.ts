// Builds the release variants the reliability specs serve (scripts/build-variants.mjs) once per run,
// and only when the run includes them: `npx playwright test tests/other.spec.ts` stays as fast as before.
import { execFileSync } from 'node:child_process';

function runIncludesReliabilitySpecs(argv: readonly string[]): boolean {
  const i = argv.indexOf('test');
  const filters = (i < 0 ? [] : argv.slice(i + 1)).filter((a) => !a.startsWith('-'));
  return filters.length === 0 || filters.some((f) => /reliab/i.test(f));
}

export default function globalSetup(): void {
  if (process.env.STAPWIJZER_SKIP_VARIANTS === '1' || !runIncludesReliabilitySpecs(process.argv)) return;
  const t0 = Date.now();
  execFileSync(process.execPath, ['scripts/build-variants.mjs'], { stdio: 'inherit' });
  process.env.STAPWIJZER_VARIANTS_MS = String(Date.now() - t0);
}
