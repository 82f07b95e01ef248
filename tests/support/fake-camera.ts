// A fake camera for Chromium (--use-file-for-fake-video-capture): a Y4M file that shows one QR code,
// drawn from the text the test read off another device's screen. Y4M is a plain header and raw
// frames (YUV 4:2:0: a Y plane, then U and V at half size); the QR modules go black (16) on white
// (235) in the Y plane, U and V stay neutral (128). Written into a temporary folder, never tracked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import qrcode from 'qrcode-generator';

const WIDTH = 640;
const HEIGHT = 480;
/** Pixels per module: a 37-module code plus its quiet zone fits the frame with room around it. */
const SCALE = 8;
const QUIET = 4;
const FRAMES = 3;

/** The Chromium flags that make the fake camera play `file` (permission granted without a prompt). */
export function fakeCameraArgs(file: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}

/** A temporary path for the camera file (the file itself is written later, by writeQrVideo). */
export function fakeCameraPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'stapwijzer-camera-')), 'qr.y4m');
}

/** Writes a few identical frames showing `text` as a QR code (level M, as the app draws it). */
export function writeQrVideo(file: string, text: string, mode: 'Alphanumeric' | 'Byte' = 'Alphanumeric'): void {
  const qr = qrcode(0, 'M');
  qr.addData(text, mode);
  qr.make();
  const n = qr.getModuleCount();
  const side = (n + 2 * QUIET) * SCALE;
  if (side > HEIGHT) throw new Error(`QR of ${n} modules does not fit the frame`);
  const y = new Uint8Array(WIDTH * HEIGHT).fill(235);
  const left = Math.floor((WIDTH - side) / 2) + QUIET * SCALE;
  const top = Math.floor((HEIGHT - side) / 2) + QUIET * SCALE;
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      if (!qr.isDark(row, col)) continue;
      for (let dy = 0; dy < SCALE; dy++)
        y.fill(
          16,
          (top + row * SCALE + dy) * WIDTH + left + col * SCALE,
          (top + row * SCALE + dy) * WIDTH + left + (col + 1) * SCALE,
        );
    }
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2) * 2).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}
