/**
 * Generates the tab bar icons (miniprogram/assets/tab/*.png): 81×81 RGBA PNGs, grey and red.
 * WeChat requires local PNG tab icons ≤ 40 KB; these are ~1 KB. Shapes are unions/differences of
 * simple primitives in a 0..1 square (scripts/icon-shapes.ts), so no image library is needed.
 * Run: npx tsx scripts/gen-tab-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { circle, ellipse, minus, rect, renderIcon, ring, triangle, union, type Shape } from './icon-shapes';

const SIZE = 81;
const OUT = resolve(__dirname, '../miniprogram/assets/tab');
const COLORS = { normal: [0x8a, 0x8a, 0x8f], active: [0xd7, 0x00, 0x0f] } as const;

const ICONS: Record<string, Shape> = {
  // A house: roof, walls, a door cut out.
  home: minus(union(triangle([0.08, 0.5], [0.5, 0.12], [0.92, 0.5]), rect(0.2, 0.45, 0.8, 0.88)), rect(0.42, 0.62, 0.58, 0.88)),
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

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, color] of Object.entries(COLORS)) {
    const file = join(OUT, variant === 'active' ? `${name}-active.png` : `${name}.png`);
    const data = renderIcon(shape, color, SIZE);
    writeFileSync(file, data);
    console.log(`${file.slice(OUT.length + 1).padEnd(24)} ${data.length} B`);
  }
}
