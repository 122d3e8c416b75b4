import { rosterCsv, csvCell } from '../../../shared/daycare/csv';
import {
  attendanceRate,
  barReason,
  countedBefore,
  fitsBand,
  gradeInSummer,
  statusText,
  tierLabel,
  tierOf,
  DEFAULT_TIER_ORDER,
} from '../../../shared/daycare/rules';
import type { RosterRow } from '../../../shared/daycare/views';

describe('day-care rules', () => {
  it('tier = best non-rejected declared circumstance; none = last tier', () => {
    expect(tierOf([], DEFAULT_TIER_ORDER)).toBe(4);
    expect(tierOf([{ kind: 'hardship', status: 'declared' }], DEFAULT_TIER_ORDER)).toBe(3);
    expect(
      tierOf(
        [
          { kind: 'hardship', status: 'verified' },
          { kind: 'dual_worker_sme', status: 'declared' },
        ],
        DEFAULT_TIER_ORDER,
      ),
    ).toBe(1);
    expect(tierOf([{ kind: 'dual_worker_sme', status: 'rejected' }], DEFAULT_TIER_ORDER)).toBe(4);
    expect(tierOf([{ kind: 'single_parent', status: 'declared' }], ['hardship', 'single_parent'])).toBe(2);
    expect(tierLabel(1, DEFAULT_TIER_ORDER)).toBe('第1档·双职工且在小微企业工作');
    expect(tierLabel(4, DEFAULT_TIER_ORDER)).toBe('第4档·其他会员家庭');
  });

  it('declarations after the close do not count', () => {
    const d = [
      { kind: 'hardship' as const, status: 'declared' as const, declaredAt: '2027-06-02T00:00:00Z' },
      { kind: 'single_parent' as const, status: 'declared' as const },
    ];
    expect(countedBefore(d, '2027-06-01T00:00:00Z').map((x) => x.kind)).toEqual(['single_parent']);
  });

  it('grade in a summer from a recorded grade or a birth date; bands', () => {
    expect(gradeInSummer({ grade: 2, gradeRecordedOn: '2026-11-22' }, 2027)).toBe(2);
    expect(gradeInSummer({ grade: 2, gradeRecordedOn: '2026-05-01' }, 2027)).toBe(3);
    expect(gradeInSummer({ birthDate: '2019-05-01' }, 2027)).toBe(2);
    expect(gradeInSummer({ birthDate: '2019-10-01' }, 2027)).toBe(1);
    expect(gradeInSummer({}, 2027)).toBeNull();
    expect(fitsBand(3, 'lower')).toBe(true);
    expect(fitsBand(4, 'lower')).toBe(false);
    expect(fitsBand(null, 'upper')).toBe(false);
  });

  it('attendance rate and the bar message carry the figures', () => {
    expect(attendanceRate({ a: true, b: false, c: true })).toEqual({ present: 2, marked: 3, rate: 2 / 3 });
    expect(attendanceRate({})).toEqual({ present: 0, marked: 0, rate: null });
    expect(barReason(8, 15, 0.7, '第一期')).toBe('第一期出勤 8/15 天（53%），低于 70%，按规定不能报名下一期');
    expect(statusText('waitlisted', 3)).toBe('候补第 3 位');
    expect(statusText('not_admitted', null)).toBe('未录取');
  });

  it('roster CSV: BOM, quoting, no spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('a,b')).toBe('"a,b"');
    const row: RosterRow = {
      registrationId: 'r1',
      status: 'admitted',
      child: {
        id: 'c',
        name: '王小明',
        nameMasked: '王*明',
        gender: 'male',
        birthDate: '2019-05-01',
        grade: null,
        gradeRecordedOn: null,
        school: '新碶小学',
        emergencyName: '王建国',
        emergencyPhone: '13805741201',
        healthNotes: '花生过敏，需随身带药',
        barredReason: null,
        hasCurrentPlace: true,
      },
      marks: {},
      attendance: { present: 3, marked: 4, rate: 0.75 },
    };
    const csv = rosterCsv([row], 2027);
    expect(csv.startsWith('\uFEFF报名编号,孩子姓名,性别,年级')).toBe(true);
    expect(csv).toContain('r1,王小明,男,2年级,新碶小学,王建国,13805741201,花生过敏，需随身带药,已录取,3,4,75%\r\n');
  });
});
