/** Whole-count charts get whole-number axes (F2's nice ticks gave 0.5 sign-ups). */
import { countTicks } from '../../../miniprogram/components/charts/ticks';

test.each([
  [0, [0, 1]],
  [1, [0, 1]],
  [2, [0, 1, 2]],
  [3, [0, 1, 2, 3]],
  [7, [0, 2, 4, 6, 8]],
  [10, [0, 5, 10]],
  [36, [0, 10, 20, 30, 40]],
  [1234, [0, 500, 1000, 1500]],
])('max %p → %p', (max, ticks) => {
  expect(countTicks(max)).toEqual(ticks);
});

test('every tick is a whole number, the last reaches the maximum, at most 6 ticks', () => {
  for (let max = 0; max <= 5000; max += 7) {
    const ticks = countTicks(max);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    expect(ticks.length).toBeLessThanOrEqual(6);
  }
});
