import { formatBusiness, formatBusinessFriendly, fromBusinessWallClock, nextWeekdayAt, splitDuration, startOfBusinessDay } from '../../shared/time';

describe('business time (Asia/Shanghai)', () => {
  it('reads a wall-clock time as Beijing time whatever the process zone', () => {
    expect(fromBusinessWallClock('2026-11-27 10:00').toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });

  it('formats instants in Beijing time', () => {
    const at = new Date('2026-11-26T18:30:00Z'); // Friday 02:30 in Beijing
    expect(formatBusiness(at)).toBe('2026-11-27 02:30');
    expect(formatBusinessFriendly(at)).toBe('11月27日 周五 02:30');
  });

  it('finds the next Friday 10:00 from a Sunday', () => {
    const sunday = fromBusinessWallClock('2026-11-22 09:00');
    expect(nextWeekdayAt(sunday, 5, 10).toISOString()).toBe('2026-11-27T02:00:00.000Z');
  });

  it('on Friday before 10:00 the next opening is the same day, after 10:00 a week later', () => {
    expect(formatBusiness(nextWeekdayAt(fromBusinessWallClock('2026-11-27 09:59'), 5, 10))).toBe('2026-11-27 10:00');
    expect(formatBusiness(nextWeekdayAt(fromBusinessWallClock('2026-11-27 10:00'), 5, 10))).toBe('2026-12-04 10:00');
  });

  it('uses the Beijing calendar day near midnight UTC', () => {
    // 2026-11-26 17:00Z is already Friday 01:00 in Beijing.
    expect(startOfBusinessDay(new Date('2026-11-26T17:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('splits durations for countdowns', () => {
    expect(splitDuration(90061)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});
