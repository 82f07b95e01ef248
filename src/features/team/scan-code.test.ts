import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { toBase32 } from '../../db';
import { type Frame, readFrame } from './scan-code';

/** An RGBA frame showing `text` as a QR code (dark on light, a quiet zone of 4), as a camera would see it. */
function frameOf(text: string, mode: 'Alphanumeric' | 'Byte', scale = 4): Frame {
  const qr = qrcode(0, 'M');
  qr.addData(text, mode);
  qr.make();
  const n = qr.getModuleCount();
  const side = (n + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(235);
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      if (!qr.isDark(row, col)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = (((row + 4) * scale + dy) * side + (col + 4) * scale + dx) * 4;
          data.fill(16, at, at + 3);
        }
    }
  return { data, width: side, height: side };
}

async function deviceCode(): Promise<string> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  return toBase32(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
}

describe('reading a camera frame for a device code', () => {
  it('gives the device code of a frame showing the join screen’s QR code', async () => {
    const code = await deviceCode();
    expect(readFrame(frameOf(code, 'Alphanumeric'))).toEqual({ kind: 'code', code });
  });

  it('reads the code typed in groups of four and lower case too, and gives it back as the field wants it', async () => {
    const code = await deviceCode();
    const spaced = code.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    expect(readFrame(frameOf(spaced, 'Byte'))).toEqual({ kind: 'code', code });
  });

  it('says "not a device code" for a QR code holding other text', () => {
    expect(readFrame(frameOf('https://example.org/stapwijzer', 'Byte'))).toEqual({
      kind: 'message',
      message: 'scanNotDevice',
    });
  });

  it('says "not a device code" for 104 base32 characters that are no public key (first byte not 0x04)', () => {
    const notAKey = toBase32(new Uint8Array(65).fill(7));
    expect(notAKey).toHaveLength(104);
    expect(readFrame(frameOf(notAKey, 'Alphanumeric'))).toEqual({ kind: 'message', message: 'scanNotDevice' });
  });

  it('asks to keep the code in view when the frame holds no QR code', () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(235), width: 200, height: 200 };
    expect(readFrame(blank)).toEqual({ kind: 'message', message: 'scanHold' });
  });
});
