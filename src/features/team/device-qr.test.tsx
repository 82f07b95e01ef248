import { render } from '@testing-library/react';
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { toBase32 } from '../../db';
import DeviceQr from './device-qr';

describe('the device code as a QR code', () => {
  it('draws exactly the dark modules of the code’s QR matrix (row = y, column = x), on a white quiet zone', () => {
    const text = toBase32(crypto.getRandomValues(new Uint8Array(65)));
    const { container } = render(<DeviceQr text={text} label="QR" />);
    const svg = container.querySelector('svg');
    const expected = qrcode(0, 'M');
    expected.addData(text, 'Alphanumeric');
    expected.make();
    const n = expected.getModuleCount();
    expect(svg?.getAttribute('data-modules')).toBe(String(n));
    expect(svg?.getAttribute('viewBox')).toBe(`-4 -4 ${n + 8} ${n + 8}`);
    const drawn = new Set(
      [...(svg?.querySelectorAll('rect[fill="#000"]') ?? [])].map(
        (r) => `${r.getAttribute('x')},${r.getAttribute('y')}`,
      ),
    );
    const dark = new Set<string>();
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (expected.isDark(row, col)) dark.add(`${col},${row}`);
    expect(drawn).toEqual(dark);
  });
});
