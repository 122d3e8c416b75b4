/**
 * Icon drawing shared by the icon generators (gen-tab-icons.ts, gen-grid-icons.ts): shapes are
 * predicates on a 0..1 square combined by union/difference, rendered one colour on transparent,
 * anti-aliased by 4×4 supersampling, written by ./png.ts (no image library).
 */
import { encodePng } from './png';

export type Shape = (x: number, y: number) => boolean;
export type Point = [number, number];

export const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
export const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
/** Triangle by barycentric sign test. */
export const triangle =
  (a: Point, b: Point, c: Point): Shape =>
  (x, y) => {
    const s = (p: Point, q: Point) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
    const d1 = s(a, b);
    const d2 = s(b, c);
    const d3 = s(c, a);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
export const minus =
  (a: Shape, ...holes: Shape[]): Shape =>
  (x, y) =>
    a(x, y) && !holes.some((h) => h(x, y));
export const ring = (cx: number, cy: number, r: number, w: number): Shape => minus(circle(cx, cy, r), circle(cx, cy, r - w));
/** A rounded rectangle (corner radius r). */
export const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  union(
    rect(x0 + r, y0, x1 - r, y1),
    rect(x0, y0 + r, x1, y1 - r),
    circle(x0 + r, y0 + r, r),
    circle(x1 - r, y0 + r, r),
    circle(x0 + r, y1 - r, r),
    circle(x1 - r, y1 - r, r),
  );

/** A `size`×`size` RGBA PNG of `shape` in one colour. */
export function renderIcon(shape: Shape, [r, g, b]: readonly number[], size: number): Buffer {
  const SS = 4;
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py += 1) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) {
          if (shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)) hits += 1;
        }
      }
      const o = py * rowBytes + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  return encodePng(size, size, 'rgba', raw, 9);
}
