import { CALENDAR_DATE_PATTERN, isCalendarDate, shiftYears, WALL_CLOCK_PATTERN } from '../../../shared/validation/dates';
import * as daycareValidators from '../../../shared/generated/validators/daycare';
import { validate } from '../../../shared/validation/validate';

/** Every day 2000–2099 the calendar has, by Date's own arithmetic. */
function realDays(): Set<string> {
  const out = new Set<string>();
  for (let ms = Date.UTC(2000, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86_400_000) out.add(new Date(ms).toISOString().slice(0, 10));
  return out;
}

describe('calendar dates in schemas', () => {
  it('accepts exactly the days that exist in 2000–2099 (every YYYY-MM-DD with MM ≤ 12, DD ≤ 31 tried)', () => {
    const real = realDays();
    let accepted = 0;
    for (let y = 2000; y < 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect([s, isCalendarDate(s)]).toEqual([s, real.has(s)]);
          if (real.has(s)) accepted++;
        }
      }
    }
    expect(accepted).toBe(36_525);
  });

  it('refuses the impossible ones from the issue and anything outside 2000–2099', () => {
    for (const s of [
      '2019-02-30',
      '2026-06-31',
      '9999-99-99',
      '1900-01-01',
      '2100-01-01',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01\n',
    ]) {
      expect([s, isCalendarDate(s)]).toEqual([s, false]);
    }
    expect(isCalendarDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });

  it('wall-clock times need a real day and a real time', () => {
    const re = new RegExp(WALL_CLOCK_PATTERN);
    expect(re.test('2026-07-03 14:30')).toBe(true);
    expect(re.test('2026-07-03T23:59')).toBe(true);
    for (const s of ['2026-06-31 09:00', '2026-07-03 24:00', '2026-07-03 09:60', '2026-02-29 10:00'])
      expect([s, re.test(s)]).toEqual([s, false]);
    expect(CALENDAR_DATE_PATTERN.startsWith('^')).toBe(true);
  });

  it('a pre-compiled validator says the date is not a real one', () => {
    const r = validate(daycareValidators, 'daycare.adminAddSlot', {
      siteId: 's1',
      periodName: '第一期',
      startDate: '2026-06-31',
      endDate: '2026-07-10',
      band: 'lower',
      capacity: 10,
    });
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '开班日期不是有效的日期' } });
  });

  it('shiftYears moves whole years and keeps 29 February real', () => {
    expect(shiftYears('2026-12-07', -18)).toBe('2008-12-07');
    expect(shiftYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(shiftYears('2028-02-29', -4)).toBe('2024-02-29');
  });
});
