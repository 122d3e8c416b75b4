/** Demo data lands at daytime half hours whatever time the demo is started (it showed 04:08). */
import { futureDaytime, pastDaytime } from '../../scripts/local-cloud/demo/seedTime';
import { formatBusiness, fromBusinessWallClock } from '../../shared/time';

const at = (wall: string) => fromBusinessWallClock(wall).getTime();
const show = (ms: number) => formatBusiness(ms, 'YYYY-MM-DD HH:mm');

test.each([
  ['2026-12-08 04:08', '2026-12-07 19:30'],
  ['2026-12-08 10:47', '2026-12-08 10:30'],
  ['2026-12-08 23:10', '2026-12-08 19:30'],
])('pastDaytime(%s) = %s', (wall, expected) => {
  expect(show(pastDaytime(at(wall)))).toBe(expected);
  expect(pastDaytime(at(wall))).toBeLessThanOrEqual(at(wall));
});

test.each([
  ['2026-12-08 04:08', '2026-12-08 09:00'],
  ['2026-12-08 10:47', '2026-12-08 11:00'],
  ['2026-12-08 10:12', '2026-12-08 10:30'],
  ['2026-12-08 21:40', '2026-12-09 09:00'],
])('futureDaytime(%s) = %s', (wall, expected) => {
  expect(show(futureDaytime(at(wall)))).toBe(expected);
  expect(futureDaytime(at(wall))).toBeGreaterThanOrEqual(at(wall));
});

test('every minute of a day maps into 08:00–20:00', () => {
  for (let m = 0; m < 24 * 60; m += 7) {
    const t = at('2026-12-08 00:00') + m * 60_000;
    for (const f of [pastDaytime, futureDaytime]) {
      const hour = Number(formatBusiness(f(t), 'H'));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(20);
    }
  }
});
