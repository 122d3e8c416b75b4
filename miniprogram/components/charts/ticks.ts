/**
 * Value-axis ticks for counts: whole numbers only. F2's "nice" ticks put 0.5, 1.5 … on an
 * axis whose largest value is small (2 sign-ups), and nobody signs up half a person.
 * About `count` ticks from 0 to at least `max`, spaced 1, 2, 5 × 10ⁿ.
 */
export function countTicks(max: number, count = 5): number[] {
  const top = Math.max(1, Math.ceil(Number.isFinite(max) ? max : 0));
  const rough = top / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}
