/**
 * Generates the home service grid's icons (miniprogram/assets/grid/*.png): 72×72 white-on-
 * transparent PNGs drawn on the grid's coloured badges. They are imported by
 * miniprogram/pages/index/serviceGrid.ts, so the build inlines them (each is well under Taro's
 * 10 KB inline limit; together ~5 KB of the main package, see `npm run size:weapp`).
 * Run: npx tsx scripts/gen-grid-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { circle, ellipse, minus, rect, renderIcon, ring, roundRect, triangle, union, type Shape } from './icon-shapes';

const SIZE = 72;
const OUT = resolve(__dirname, '../miniprogram/assets/grid');
const WHITE = [0xff, 0xff, 0xff] as const;

/** A person (head and shoulders) at (cx, cy) of scale s. */
const person = (cx: number, cy: number, s: number): Shape =>
  union(circle(cx, cy - 0.18 * s, 0.15 * s), minus(ellipse(cx, cy + 0.32 * s, 0.3 * s, 0.3 * s), rect(0, cy + 0.3 * s, 1, 1)));

const GRID_ICONS: Record<string, Shape> = {
  // 入会: a person with a plus.
  join: union(person(0.4, 0.5, 0.95), rect(0.7, 0.42, 0.92, 0.5), rect(0.77, 0.35, 0.85, 0.57)),
  // 会员卡: a card with a stripe and a chip.
  card: minus(roundRect(0.1, 0.22, 0.9, 0.78, 0.08), rect(0.1, 0.34, 0.9, 0.44), rect(0.2, 0.56, 0.42, 0.66)),
  // 周五福利: a gift box with bow loops.
  friday: union(
    minus(union(rect(0.12, 0.34, 0.88, 0.47), rect(0.18, 0.5, 0.82, 0.86)), rect(0.46, 0.32, 0.54, 0.88)),
    ring(0.38, 0.24, 0.1, 0.05),
    ring(0.62, 0.24, 0.1, 0.05),
  ),
  // 暑托班: a sun over a schoolhouse.
  camp: union(
    circle(0.76, 0.22, 0.1),
    minus(union(triangle([0.1, 0.52], [0.45, 0.24], [0.8, 0.52]), rect(0.18, 0.5, 0.72, 0.86)), rect(0.38, 0.64, 0.52, 0.86)),
  ),
  // 疗休养: two mountains and a sun.
  recuperation: union(
    triangle([0.05, 0.82], [0.38, 0.3], [0.7, 0.82]),
    triangle([0.42, 0.82], [0.68, 0.45], [0.95, 0.82]),
    circle(0.74, 0.24, 0.09),
  ),
  // 活动: a flag on a pole.
  activities: union(rect(0.22, 0.14, 0.29, 0.88), triangle([0.29, 0.16], [0.82, 0.32], [0.29, 0.5])),
  // 常见问题: a speech bubble with a question mark cut out.
  faq: minus(
    union(roundRect(0.1, 0.14, 0.9, 0.7, 0.14), triangle([0.26, 0.66], [0.44, 0.66], [0.24, 0.88])),
    minus(ring(0.5, 0.33, 0.12, 0.055), rect(0.36, 0.33, 0.5, 0.46)),
    rect(0.47, 0.42, 0.535, 0.5),
    circle(0.5, 0.58, 0.035),
  ),
  // 联系工会: a map pin.
  contact: minus(union(circle(0.5, 0.38, 0.26), triangle([0.27, 0.5], [0.73, 0.5], [0.5, 0.9])), circle(0.5, 0.38, 0.1)),
};

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(GRID_ICONS)) {
  const file = join(OUT, `${name}.png`);
  const data = renderIcon(shape, WHITE, SIZE);
  writeFileSync(file, data);
  console.log(`${name.padEnd(14)} ${data.length} B`);
}
