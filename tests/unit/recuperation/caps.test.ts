import {
  approvalViolations,
  capacityViolation,
  costViolation,
  leaderShareAllows,
  quotaViolation,
  type ApprovalState,
} from '../../../shared/recuperation/caps';
import { defaultSettings, PUBLIC_COST_CAP_FEN, shareOf, yearlyLimit } from '../../../shared/recuperation/settings';

const settings = defaultSettings({ quota: 10, staffCount: 120, ownership: 'public' });
function state(over: Partial<ApprovalState> = {}): ApprovalState {
  return {
    settings,
    unitApprovedThisYear: 0,
    batch: { capacity: 30, approved: 0, costFen: 180_000 },
    roster: { approved: 0, leaders: 0 },
    applicant: { isLeader: false, yearSpendFen: 0 },
    ...over,
  };
}

describe('yearly places: quota and staff share', () => {
  it('allows the last place of the quota and refuses the one after it', () => {
    expect(quotaViolation(settings, 9)).toBeNull();
    expect(quotaViolation(settings, 10)?.code).toBe('RECU_QUOTA_FULL');
    expect(quotaViolation(settings, 10)?.message).toContain('10 个年度名额');
  });

  it('uses one third of the staff (exact fraction) when it is lower than the quota', () => {
    const s = defaultSettings({ quota: 20, staffCount: 30 });
    expect(yearlyLimit(s)).toEqual({ limit: 10, staffCap: 10, bound: 'staff_share' });
    expect(quotaViolation(s, 9)).toBeNull();
    const v = quotaViolation(s, 10);
    expect(v?.code).toBe('RECU_STAFF_SHARE_FULL');
    expect(v?.message).toContain('三分之一');
    expect(shareOf(31, { num: 1, den: 3 })).toBe(10);
    expect(shareOf(33, { num: 1, den: 3 })).toBe(11);
  });

  it('a quota of zero allows nobody', () => {
    expect(quotaViolation(defaultSettings({ quota: 0, staffCount: 100 }), 0)?.code).toBe('RECU_QUOTA_FULL');
  });
});

describe('batch capacity', () => {
  it('allows the last seat and refuses the next', () => {
    expect(capacityViolation({ capacity: 30, approved: 29, costFen: 0 })).toBeNull();
    expect(capacityViolation({ capacity: 30, approved: 30, costFen: 0 })?.code).toBe('RECU_BATCH_FULL');
  });
});

describe('leader share per batch (leaders × den ≤ approved × num)', () => {
  const fifth = { leaderShare: { num: 1, den: 5 } };
  it('a leader may be the 5th of 5 (exactly one fifth) but not the 4th of 4', () => {
    expect(leaderShareAllows({ approved: 4, leaders: 0 }, true, fifth)).toBe(true);
    expect(leaderShareAllows({ approved: 3, leaders: 0 }, true, fifth)).toBe(false);
  });
  it('a second leader needs ten people in all', () => {
    expect(leaderShareAllows({ approved: 8, leaders: 1 }, true, fifth)).toBe(false);
    expect(leaderShareAllows({ approved: 9, leaders: 1 }, true, fifth)).toBe(true);
  });
  it('a non-leader is never stopped by it', () => {
    expect(leaderShareAllows({ approved: 0, leaders: 5 }, false, fifth)).toBe(true);
  });
  it('names the rule and the numbers', () => {
    const v = approvalViolations(state({ roster: { approved: 3, leaders: 0 }, applicant: { isLeader: true, yearSpendFen: 0 } }));
    expect(v.map((x) => x.code)).toEqual(['RECU_LEADER_SHARE']);
    expect(v[0].message).toContain('五分之一');
  });
});

describe('cost caps', () => {
  it('public units: exactly 2,000 元 passes, one fen more does not', () => {
    expect(costViolation(settings, PUBLIC_COST_CAP_FEN, 0)).toBeNull();
    const v = costViolation(settings, PUBLIC_COST_CAP_FEN + 1, 0);
    expect(v?.code).toBe('RECU_COST_CAP');
    expect(v?.message).toContain('2,000 元/人/年');
  });
  it('counts what the member already spent this year', () => {
    expect(costViolation(settings, 100_000, 100_000)).toBeNull();
    expect(costViolation(settings, 100_000, 100_001)?.code).toBe('RECU_COST_CAP');
  });
  it('other units use their own standard, or none', () => {
    expect(costViolation(defaultSettings({ ownership: 'other', costCapFen: null }), 9_999_999, 0)).toBeNull();
    expect(costViolation(defaultSettings({ ownership: 'other', costCapFen: 150_000 }), 150_001, 0)?.message).toContain('本单位');
  });
  it('public units cannot lift the cap with their own standard', () => {
    expect(costViolation(defaultSettings({ ownership: 'public', costCapFen: 500_000 }), 250_000, 0)?.code).toBe('RECU_COST_CAP');
  });
});

describe('approvalViolations', () => {
  it('is empty when every rule holds, at every limit', () => {
    expect(approvalViolations(state({ unitApprovedThisYear: 9, batch: { capacity: 30, approved: 29, costFen: 200_000 } }))).toEqual([]);
  });
  it('lists every broken rule in order', () => {
    const v = approvalViolations(
      state({
        unitApprovedThisYear: 10,
        batch: { capacity: 30, approved: 30, costFen: 200_001 },
        roster: { approved: 0, leaders: 0 },
        applicant: { isLeader: true, yearSpendFen: 0 },
      }),
    );
    expect(v.map((x) => x.code)).toEqual(['RECU_COST_CAP', 'RECU_QUOTA_FULL', 'RECU_BATCH_FULL', 'RECU_LEADER_SHARE']);
  });
});
