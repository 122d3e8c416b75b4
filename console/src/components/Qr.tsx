/** A QR code drawn as SVG rectangles (no canvas, no HTML strings). */
import { useMemo } from 'react';
import { qrModules } from '../lib/qr';

export function Qr({ text, size = 220 }: { text: string; size?: number }) {
  const modules = useMemo(() => qrModules(text), [text]);
  const n = modules.length + 8; // 4-module quiet zone on each side
  return (
    <svg className='qr' width={size} height={size} viewBox={`0 0 ${n} ${n}`} role='img' aria-label='登录二维码' shapeRendering='crispEdges'>
      <rect width={n} height={n} fill='#fff' />
      {modules.flatMap((row, r) =>
        row.map((dark, c) => (dark ? <rect key={`${r}-${c}`} x={c + 4} y={r + 4} width={1} height={1} fill='#000' /> : null)),
      )}
    </svg>
  );
}
