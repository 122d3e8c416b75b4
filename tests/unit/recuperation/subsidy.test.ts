import { computeSubsidy, subsidyProblems } from '../../../shared/recuperation/subsidy';

describe('本地行 subsidy: 10 % of the spend, at most 400 元 per person per day counted', () => {
  it('counts a spend of exactly 400 元 in full', () => {
    expect(computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 40_000 })).toEqual({
      countedPerPersonPerDayFen: 40_000,
      actualTotalFen: 40_000,
      countedTotalFen: 40_000,
      subsidyFen: 4_000,
    });
  });
  it('counts 400 元 when the spend is one fen more', () => {
    const f = computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 40_001 });
    expect(f.countedPerPersonPerDayFen).toBe(40_000);
    expect(f.actualTotalFen).toBe(40_001);
    expect(f.subsidyFen).toBe(4_000);
  });
  it('counts a spend under the cap as it is', () => {
    expect(computeSubsidy({ persons: 12, days: 2, spendPerPersonPerDayFen: 35_000 }).subsidyFen).toBe(84_000);
  });
  it('multiplies by people and days after capping each person-day', () => {
    const f = computeSubsidy({ persons: 12, days: 2, spendPerPersonPerDayFen: 46_000 });
    expect(f.countedTotalFen).toBe(960_000);
    expect(f.subsidyFen).toBe(96_000);
  });
  it('rounds half up to the fen', () => {
    expect(computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 12_345 }).subsidyFen).toBe(1_235);
    expect(computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 12_344 }).subsidyFen).toBe(1_234);
    expect(computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 1 }).subsidyFen).toBe(0);
    expect(computeSubsidy({ persons: 1, days: 1, spendPerPersonPerDayFen: 5 }).subsidyFen).toBe(1);
  });
  it('is only for non-public units, 1–5 days, positive spend', () => {
    const ok = { persons: 3, days: 5, spendPerPersonPerDayFen: 100 };
    expect(subsidyProblems({ ...ok, ownership: 'other' })).toEqual([]);
    expect(subsidyProblems({ ...ok, ownership: 'public' })).toHaveLength(1);
    expect(subsidyProblems({ ...ok, ownership: null })).toHaveLength(1);
    expect(subsidyProblems({ ...ok, days: 6, ownership: 'other' })).toEqual(['天数须为 1 到 5 天']);
    expect(subsidyProblems({ ...ok, persons: 0, spendPerPersonPerDayFen: 0, ownership: 'other' })).toHaveLength(2);
  });
});
