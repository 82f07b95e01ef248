// The device code as a QR code, for the "Lid worden" screen only (a lazy chunk: qrcode-generator
// is loaded when that screen opens, never on the way to anything else). Drawn as SVG rects from
// the module matrix: no innerHTML, no inline styles, so the CSP stays as it is. Base32 is all in
// QR's alphanumeric set, so 104 characters fit a small symbol.
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

export default function DeviceQr({ text, label }: { text: string; label: string }) {
  const cells = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Alphanumeric');
    qr.make();
    const n = qr.getModuleCount();
    const dark: { x: number; y: number }[] = [];
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.isDark(y, x)) dark.push({ x, y });
    return { n, dark };
  }, [text]);
  const size = cells.n + 8; // a quiet zone of 4 modules on each side
  return (
    <svg
      className="device-qr"
      data-testid="device-qr"
      data-modules={cells.n}
      role="img"
      aria-label={label}
      viewBox={`-4 -4 ${size} ${size}`}
      width={size * 4}
      height={size * 4}
      shapeRendering="crispEdges"
    >
      <rect x={-4} y={-4} width={size} height={size} fill="#fff" />
      {cells.dark.map(({ x, y }) => (
        <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}
