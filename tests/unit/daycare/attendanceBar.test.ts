import { attendanceBarFor, DEFAULT_ATTENDANCE_THRESHOLD, type FinishedPeriod } from '../../../shared/daycare/rules';

/** `present` of `days` marked days present. */
function marks(present: number, days: number): Record<string, boolean> {
  return Object.fromEntries(Array.from({ length: days }, (_, i) => [`2026-07-${String(i + 1).padStart(2, '0')}`, i < present]));
}

const period = (over: Partial<FinishedPeriod> = {}): FinishedPeriod => ({
  endDate: '2026-07-24',
  summer: 2026,
  label: '上一期',
  attendance: marks(8, 15),
  ...over,
});
const NEXT = { startDate: '2026-07-27', summer: 2026 };

describe('the day-care attendance bar', () => {
  it('bars a child below the default 70 % in the last finished period, with the reason a parent reads', () => {
    expect(DEFAULT_ATTENDANCE_THRESHOLD).toBe(0.7);
    expect(attendanceBarFor([period()], NEXT)).toEqual({
      reason: '上一期出勤 8/15 天（53%），低于 70%，按规定不能报名下一期',
      present: 8,
      marked: 15,
      threshold: 0.7,
    });
  });

  it('lets a child at or above the threshold through (exactly 70 % is enough)', () => {
    expect(attendanceBarFor([period({ attendance: marks(7, 10) })], NEXT)).toBeNull();
    expect(attendanceBarFor([period({ attendance: marks(6, 10) })], NEXT)).not.toBeNull();
  });

  it('uses the campaign’s own threshold when it set one', () => {
    expect(attendanceBarFor([period({ attendance: marks(7, 10), threshold: 0.8 })], NEXT)).toMatchObject({ threshold: 0.8 });
    expect(attendanceBarFor([period({ attendance: marks(5, 10), threshold: 0.5 })], NEXT)).toBeNull();
  });

  it('looks only at the most recent period that finished before the new one starts', () => {
    const good = period({ endDate: '2026-07-10', attendance: marks(10, 10) });
    const bad = period({ endDate: '2026-07-24', attendance: marks(1, 10) });
    expect(attendanceBarFor([good, bad], NEXT)).not.toBeNull();
    expect(attendanceBarFor([bad, good], { startDate: '2026-07-20', summer: 2026 })).toBeNull(); // bad has not finished yet
    expect(attendanceBarFor([bad, good].reverse(), NEXT)).toEqual(attendanceBarFor([good, bad], NEXT));
  });

  it('holds into the following summer only, and not before any day was marked', () => {
    expect(attendanceBarFor([period()], { startDate: '2027-07-05', summer: 2027 })).not.toBeNull();
    expect(attendanceBarFor([period()], { startDate: '2028-07-05', summer: 2028 })).toBeNull();
    expect(attendanceBarFor([period({ attendance: {} })], NEXT)).toBeNull();
    expect(attendanceBarFor([], NEXT)).toBeNull();
  });
});
