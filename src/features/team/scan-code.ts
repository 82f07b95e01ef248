// The decoding glue of the camera scan: one video frame in, a device code or what to tell the person
// out. jsQR reads the QR code; the text must then have a device code's shape (104 base32 characters,
// an uncompressed P-256 point) before it reaches the field. The full check (a point on the curve,
// not this device's own code) stays where the typed code gets it: offerJoin, on "Verder".
// Part of the camera chunk only (jsQR is ~250 kB unminified): never on the first screen.
import jsQR from 'jsqr';
import { fromBase32 } from '../../db';

export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type ScanResult = { kind: 'code'; code: string } | { kind: 'message'; message: 'scanHold' | 'scanNotDevice' };

/** A device code as the join screen shows it (any case, groups of four), or null for other text. */
export function asDeviceCode(text: string): string | null {
  const clean = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z2-7]{104}$/.test(clean)) return null;
  const raw = fromBase32(clean);
  return raw.length === 65 && raw[0] === 4 ? clean : null;
}

/** Reads one frame (RGBA). The app draws its QR dark on light, so inverted codes are not tried. */
export function readFrame(frame: Frame): ScanResult {
  const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
  if (!found) return { kind: 'message', message: 'scanHold' };
  const code = asDeviceCode(found.data);
  return code ? { kind: 'code', code } : { kind: 'message', message: 'scanNotDevice' };
}
