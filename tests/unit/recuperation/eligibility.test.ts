import { applyViolation, noRepeatViolation, type ApplyFacts } from '../../../shared/recuperation/eligibility';
import { defaultSettings } from '../../../shared/recuperation/settings';

const facts = (over: Partial<ApplyFacts> = {}): ApplyFacts => ({
  memberVerified: true,
  settings: defaultSettings({ quota: 10, staffCount: 120, ownership: 'public' }),
  batchOpen: true,
  batchInMemberChain: true,
  batchYear: 2026,
  batchCostFen: 180_000,
  currentStatus: null,
  lastTripYear: null,
  ...over,
});

describe('no-repeat period (default 3 years)', () => {
  it('refuses a member who went 2 years ago and says when they can apply again', () => {
    const v = noRepeatViolation(2024, 2026, 3);
    expect(v?.code).toBe('RECU_REPEAT_TOO_SOON');
    expect(v?.message).toBe('您于 2024 年参加过疗休养，3 年内不能重复参加（2027 年起可再申请）');
  });
  it('allows a member who went 3 years ago, and one who never went', () => {
    expect(noRepeatViolation(2023, 2026, 3)).toBeNull();
    expect(noRepeatViolation(null, 2026, 3)).toBeNull();
  });
  it('follows the unit setting', () => {
    expect(noRepeatViolation(2024, 2026, 2)).toBeNull();
    expect(noRepeatViolation(2025, 2026, 1)).toBeNull();
    expect(noRepeatViolation(2026, 2026, 1)?.code).toBe('RECU_REPEAT_TOO_SOON');
  });
});

describe('applyViolation', () => {
  it('accepts an eligible member', () => {
    expect(applyViolation(facts())).toBeNull();
  });
  it('checks membership, unit, batch, duplicates, repeat, quota and cost in that order', () => {
    expect(applyViolation(facts({ memberVerified: false }))?.code).toBe('MEMBER_NOT_VERIFIED');
    expect(applyViolation(facts({ settings: null }))?.code).toBe('RECU_UNIT_NOT_SET');
    expect(applyViolation(facts({ batchInMemberChain: false }))?.code).toBe('RECU_BATCH_CLOSED');
    expect(applyViolation(facts({ batchOpen: false }))?.message).toBe('该批次已截止申请');
    expect(applyViolation(facts({ currentStatus: 'pending' }))?.code).toBe('RECU_DUPLICATE');
    expect(applyViolation(facts({ currentStatus: 'approved' }))?.code).toBe('RECU_DUPLICATE');
    expect(applyViolation(facts({ lastTripYear: 2024 }))?.code).toBe('RECU_REPEAT_TOO_SOON');
    expect(applyViolation(facts({ settings: defaultSettings({ quota: 0 }) }))?.code).toBe('RECU_QUOTA_FULL');
    expect(applyViolation(facts({ batchCostFen: 200_001 }))?.code).toBe('RECU_COST_CAP');
  });
  it('lets a refused or withdrawn member apply again the same year', () => {
    expect(applyViolation(facts({ currentStatus: 'refused' }))).toBeNull();
    expect(applyViolation(facts({ currentStatus: 'withdrawn' }))).toBeNull();
  });
});
