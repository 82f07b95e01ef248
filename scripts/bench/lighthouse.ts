/**
 * Lighthouse 13 (mobile default, performance + accessibility + best practices) on the production build
 * served by the server `npm start` runs (scripts/static-server.ts: precompressed brotli/gzip, caching
 * headers). Run by scripts/bench.mjs: tsx scripts/bench/lighthouse.ts --dist=DIR --out=FILE [--runs=N]
 * With several runs the median performance score is reported (accessibility and best practices are
 * deterministic); failing audits are listed per category.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listen, staticHandler } from '../static-server.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const DIST = arg('dist', '.tmp/bench-prod');
const OUT = arg('out', '.tmp/bench/lighthouse.json');
const RUNS = Number(arg('runs', '1'));
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runtimeError?: { message: string };
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function failing(
  lhr: Lhr,
  category: string,
): { id: string; title: string; score: number | null; displayValue?: string }[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((r) => lhr.audits[r.id])
    .filter((a): a is Audit => a !== undefined)
    .filter(
      (a) =>
        (a.scoreDisplayMode === 'binary' ||
          a.scoreDisplayMode === 'numeric' ||
          a.scoreDisplayMode === 'metricSavings') &&
        a.score !== null &&
        a.score < 1,
    )
    .map((a) => ({
      id: a.id,
      title: a.title,
      score: a.score,
      ...(a.displayValue ? { displayValue: a.displayValue } : {}),
    }));
}

type Run = {
  scores: Record<string, number | null>;
  metrics: Record<string, string | undefined>;
  failing: Record<string, ReturnType<typeof failing>>;
};

async function runLighthouse(baseUrl: string, label: string): Promise<{ runs: Run[]; median: Run | undefined }> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const file = `${dirname(OUT)}/lighthouse-${label}-${i + 1}.json`;
    mkdirSync(dirname(OUT), { recursive: true });
    // Async spawn: the static server lives in this process, so its event loop must keep running.
    const child = spawn(
      'scripts/bench/node_modules/.bin/lighthouse',
      [
        `${baseUrl}/`,
        '--output=json',
        `--output-path=${file}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const status = await new Promise<number | null>((ok) => child.on('exit', ok));
    if (status !== 0) throw new Error(`lighthouse exited with ${status}`);
    const lhr = JSON.parse(readFileSync(file, 'utf8')) as Lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]));
    const metrics = Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.displayValue]));
    runs.push({
      scores,
      metrics,
      failing: Object.fromEntries(Object.keys(lhr.categories).map((k) => [k, failing(lhr, k)])),
    });
    console.log(`  [lighthouse] ${label} run ${i + 1}: ${JSON.stringify(scores)}`);
  }
  const perf = runs.map((r) => r.scores.performance ?? 0).sort((a, b) => a - b);
  return { runs, median: runs.find((r) => r.scores.performance === perf[Math.floor(perf.length / 2)]) ?? runs[0] };
}

async function main(): Promise<void> {
  // The build's own precompressed files must be there, or this would measure an uncompressed host.
  if (!existsSync(`${DIST}/index.html.br`)) throw new Error(`${DIST} has no .br files: build it with vite build`);
  const server = await listen(staticHandler(DIST), 0, 'localhost');
  try {
    const npmStart = await runLighthouse(server.url, 'npm-start');
    writeFileSync(OUT, JSON.stringify({ npmStart }, null, 2));
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
