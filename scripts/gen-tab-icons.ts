/**
 * Generates the tab bar icons (miniprogram/assets/tab/*.png): 81×81 RGBA PNGs, grey and red.
 * WeChat requires local PNG tab icons ≤ 40 KB; these are ~1 KB. Shapes are unions/differences of
 * simple primitives in a 0..1 square, anti-aliased by 4×4 supersampling; the PNG is written by
 * scripts/png.ts, so no image library is needed.   Run: npx tsx scripts/gen-tab-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from './png';

type Shape = (x: number, y: number) => boolean;

const SIZE = 81;
const OUT = resolve(__dirname, '../miniprogram/assets/tab');
const COLORS = { normal: [0x8a, 0x8a, 0x8f], active: [0xd7, 0x00, 0x0f] } as const;

const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => (x, y) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
/** Triangle by barycentric sign test. */
const triangle = (a: [number, number], b: [number, number], c: [number, number]): Shape => (x, y) => {
  const s = (p: [number, number], q: [number, number]) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a, b);
  const d2 = s(b, c);
  const d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, ...holes: Shape[]): Shape => (x, y) => a(x, y) && !holes.some((h) => h(x, y));
const ring = (cx: number, cy: number, r: number, w: number): Shape => minus(circle(cx, cy, r), circle(cx, cy, r - w));

const ICONS: Record<string, Shape> = {
  // A house: roof, walls, a door cut out.
  home: minus(
    union(triangle([0.08, 0.5], [0.5, 0.12], [0.92, 0.5]), rect(0.2, 0.45, 0.8, 0.88)),
    rect(0.42, 0.62, 0.58, 0.88),
  ),
  // A gift box with a ribbon gap and two bow loops.
  benefits: union(
    minus(union(rect(0.1, 0.32, 0.9, 0.46), rect(0.16, 0.5, 0.84, 0.88)), rect(0.46, 0.3, 0.54, 0.9)),
    ring(0.37, 0.22, 0.11, 0.05),
    ring(0.63, 0.22, 0.11, 0.05),
  ),
  // A calendar page: frame, binder rings, dates.
  activities: union(
    minus(rect(0.12, 0.2, 0.88, 0.88), rect(0.19, 0.38, 0.81, 0.81)),
    rect(0.29, 0.1, 0.37, 0.28),
    rect(0.63, 0.1, 0.71, 0.28),
    rect(0.27, 0.46, 0.39, 0.56),
    rect(0.44, 0.46, 0.56, 0.56),
    rect(0.61, 0.46, 0.73, 0.56),
    rect(0.27, 0.63, 0.39, 0.73),
    rect(0.44, 0.63, 0.56, 0.73),
  ),
  // A person: head and shoulders.
  mine: union(circle(0.5, 0.32, 0.17), minus(ellipse(0.5, 0.94, 0.36, 0.4), rect(0, 0.9, 1, 1))),
};

function render(shape: Shape, [r, g, b]: readonly number[]): Buffer {
  const SS = 4;
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py += 1) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) {
          if (shape((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits += 1;
        }
      }
      const o = py * rowBytes + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  return encodePng(SIZE, SIZE, 'rgba', raw, 9);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, color] of Object.entries(COLORS)) {
    const file = join(OUT, variant === 'active' ? `${name}-active.png` : `${name}.png`);
    const data = render(shape, color);
    writeFileSync(file, data);
    console.log(`${file.slice(OUT.length + 1).padEnd(24)} ${data.length} B`);
  }
}
