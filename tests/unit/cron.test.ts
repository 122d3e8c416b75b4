import { parseCron } from '../../scripts/local-cloud/core/cron';
import { fromBusinessWallClock, formatBusiness } from '../../shared/time';

describe('7-field CloudBase timer expressions in Asia/Shanghai', () => {
  it('fires Friday 10:00 Beijing time', () => {
    const schedule = parseCron('0 0 10 * * 5 *');
    const next = schedule.next(fromBusinessWallClock('2026-11-22 12:00').getTime());
    expect(formatBusiness(next!, 'YYYY-MM-DD HH:mm:ss ddd')).toBe('2026-11-27 10:00:00 Fri');
  });

  it('honours the year field', () => {
    const schedule = parseCron('0 0 0 1 1 * 2028');
    expect(formatBusiness(schedule.next(Date.parse('2026-11-22T00:00:00Z'))!, 'YYYY-MM-DD HH:mm')).toBe('2028-01-01 00:00');
    expect(parseCron('0 0 0 1 1 * 2020-2021').next(Date.parse('2026-11-22T00:00:00Z'))).toBeNull();
  });

  it('runs every minute on second 0', () => {
    const schedule = parseCron('0 */1 * * * * *');
    const from = Date.parse('2026-11-22T00:00:30Z');
    expect(new Date(schedule.next(from)!).toISOString()).toBe('2026-11-22T00:01:00.000Z');
  });

  it('rejects expressions that are not 7 fields', () => {
    expect(() => parseCron('0 10 * * 5')).toThrow(/7 fields/);
    expect(() => parseCron('0 0 10 * * 5 abc')).toThrow(/year/);
  });
});
