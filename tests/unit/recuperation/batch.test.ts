import { applicationsOpen, batchEndDate, batchPeriodLabel, batchProblems, MAX_BATCH_DAYS } from '../../../shared/recuperation/batch';
import { formatYuan, parseYuan } from '../../../shared/recuperation/money';
import { settingsProblems, defaultSettings } from '../../../shared/recuperation/settings';
import { fromBusinessWallClock } from '../../../shared/time';

const batch = { startDate: '2026-07-06', days: 5, capacity: 30, costFen: 180_000 };

describe('batches', () => {
  it('accepts exactly 5 days (travel included) and refuses 6', () => {
    expect(MAX_BATCH_DAYS).toBe(5);
    expect(batchProblems(batch)).toEqual([]);
    expect(batchProblems({ ...batch, days: 6 })).toEqual(['疗休养时间（含路途）不得超过 5 天']);
    expect(batchProblems({ ...batch, days: 0 })).toEqual(['天数至少为 1 天']);
  });
  it('refuses impossible dates, empty capacity and negative cost', () => {
    expect(batchProblems({ ...batch, startDate: '2026-02-30' })).toEqual(['开始日期格式不正确']);
    expect(batchProblems({ ...batch, capacity: 0, costFen: -1 })).toHaveLength(2);
  });
  it('computes the last day and a label across a month end', () => {
    expect(batchEndDate('2026-07-06', 5)).toBe('2026-07-10');
    expect(batchEndDate('2026-06-29', 5)).toBe('2026-07-03');
    expect(batchPeriodLabel('2026-06-29', 5)).toBe('6月29日—7月3日（5 天）');
  });
  it('closes applications at 00:00 Beijing time of the start date', () => {
    expect(applicationsOpen('2026-07-06', fromBusinessWallClock('2026-07-05 23:59'))).toBe(true);
    expect(applicationsOpen('2026-07-06', fromBusinessWallClock('2026-07-06 00:00'))).toBe(false);
  });
});

describe('money in fen', () => {
  it('formats and parses without floats', () => {
    expect(formatYuan(200_000)).toBe('2,000 元');
    expect(formatYuan(12_345)).toBe('123.45 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(parseYuan('380.5')).toBe(38_050);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
  });
});

describe('unit settings', () => {
  it('accepts the defaults and refuses nonsense', () => {
    expect(settingsProblems(defaultSettings({ quota: 10, staffCount: 100 }))).toEqual([]);
    expect(settingsProblems(defaultSettings({ noRepeatYears: 0 }))).toEqual(['不重复参加年限至少为 1 年']);
    expect(settingsProblems(defaultSettings({ leaderShare: { num: 2, den: 1 } }))).toEqual(['领导干部比例须在 0 到 1 之间']);
  });
});
