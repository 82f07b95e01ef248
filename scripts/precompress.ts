// Writes a brotli (.br) and a gzip (.gz) file beside every text file of a build, so `npm start`
// (scripts/static-server.ts), nginx (gzip_static, brotli_static) and Caddy (precompressed) send them
// compressed at the best level without compressing on each request. A variant that is not smaller
// than the original is not written (the servers then send the original).
//
// Why not vite-plugin-compression2 (tried with Vite 8): it compresses the bundle and public/, but not
// what vite-plugin-pwa writes after the bundle (sw.js, workbox-*.js), which every first visit loads.
// This plugin runs once the build folder is complete, after the PWA plugin's closeBundle.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** Text files worth compressing (images and fonts are compressed already). */
export const PRECOMPRESSED = /\.(html|css|js|mjs|json|webmanifest|svg|txt|xml)$/;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return (
    entries
      .filter((e) => e.isFile() && PRECOMPRESSED.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      // .vite/manifest.json is build metadata, not something a browser fetches.
      .filter((f) => !f.split(sep).includes('.vite'))
  );
}

/** Compresses every text file under `dir`; returns how many files got at least one variant. */
export async function precompressDir(dir: string): Promise<{ files: number; br: number; gzip: number }> {
  const files = await filesUnder(dir);
  let br = 0;
  let gzipped = 0;
  // zlib's async calls run on libuv's thread pool, so the files compress in parallel.
  await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      const size = (await stat(file)).size;
      const [b, g] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (b.length < size) {
        await writeFile(`${file}.br`, b);
        br++;
      }
      if (g.length < size) {
        await writeFile(`${file}.gz`, g);
        gzipped++;
      }
    }),
  );
  return { files: files.length, br, gzip: gzipped };
}

/** Vite plugin: precompresses the build folder once every other plugin has written to it. */
export function precompress(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'stapwijzer:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!config) return;
        const outDir = resolve(config.root, config.build.outDir);
        const done = await precompressDir(outDir);
        config.logger.info(`precompressed ${done.files} text files (${done.br} .br, ${done.gzip} .gz)`);
      },
    },
  };
}

// Run directly on a build made without this plugin (the bench's baseline of an older commit):
//   tsx scripts/precompress.ts DIR
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx scripts/precompress.ts DIR');
  console.log(JSON.stringify(await precompressDir(dir)));
}
