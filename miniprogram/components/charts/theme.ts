/** Chart colours and number formats shared by every admin figure (甬工惠 palette). */

/** Series colours in order: primary red, orange, blue, green. */
export const CHART_COLORS = ['#d7000f', '#ff7a1a', '#1677ff', '#22a06b'] as const;

/** Text and grid colours matching app.css (secondary text #8a8a8f, hairlines #ebebef). */
export const CHART_INK = {
  label: '#8a8a8f',
  line: '#ebebef',
  grid: '#f0f0f3',
} as const;

/** Chinese UI fonts first so labels never fall back to a Latin-only face. */
export const CHART_FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Helvetica Neue", sans-serif';

/** Counts as people read them: 12 → "12", 1.5 → "1.5", 12300 → "1.23万", 250000000 → "2.5亿". */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  return Number.isInteger(value) ? String(value) : trim(value);
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Cuts a category label to `max` characters with an ellipsis (canvas text does not wrap). */
export function shorten(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : label;
}

export function colorAt(index: number): string {
  return CHART_COLORS[index % CHART_COLORS.length];
}
