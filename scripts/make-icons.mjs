// Writes the app icons into public/: a white three-step staircase on the theme blue.
// No dependency: PNG = signature + IHDR + zlib-compressed IDAT + IEND, with our own CRC32.
// Run once when the design changes: `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Is (x, y) inside the staircase drawn in the box [inset, size - inset]? */
function onStairs(x, y, size, inset) {
  const box = size - 2 * inset;
  const u = (x - inset) / box;
  const v = (y - inset) / box;
  if (u < 0.12 || u > 0.88 || v < 0.12 || v > 0.88) return false;
  const step = Math.min(2, Math.floor(((u - 0.12) / 0.76) * 3)); // 0, 1, 2 from left to right
  const top = 0.88 - (step + 1) * (0.76 / 3);
  return v >= top;
}

function png(size, inset) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = onStairs(x, y, size, inset) ? WHITE : BLUE;
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
const icons = [
  ['pwa-192x192.png', 192, 0],
  ['pwa-512x512.png', 512, 0],
  ['maskable-512x512.png', 512, 64], // keep the stairs inside the maskable safe zone (inner 80%)
  ['apple-touch-icon.png', 180, 10],
  ['favicon-32x32.png', 32, 0],
];
for (const [name, size, inset] of icons) writeFileSync(new URL(name, out), png(size, inset));
console.log(`wrote ${icons.length} icons`);
