/**
 * The rules an approval must keep (the unit's yearly places, the staff share, the batch
 * capacity, the leader share per batch, the cost cap). `approvalViolations` names every rule an
 * approval would break, with a Chinese message that says which rule and the numbers; the
 * server refuses with the first one. The counters the server decrements enforce the same
 * limits atomically under concurrency; these functions explain them and are unit-tested.
 */
import type { ErrorCode } from '../errors';
import { costCapFen, shareLabel, shareOf, yearlyLimit, type UnitSettings } from './settings';
import { formatYuan } from './money';

export interface Violation {
  code: ErrorCode;
  message: string;
}

export interface ApprovalState {
  settings: UnitSettings;
  /** Places of this unit already approved in the batch's year. */
  unitApprovedThisYear: number;
  batch: { capacity: number; approved: number; costFen: number };
  /** This unit's approved members on this batch (before this approval). */
  roster: { approved: number; leaders: number };
  applicant: { isLeader: boolean; yearSpendFen: number };
}

export function quotaViolation(s: UnitSettings, approvedThisYear: number): Violation | null {
  const { limit, staffCap, bound } = yearlyLimit(s);
  if (approvedThisYear + 1 <= limit) return null;
  if (bound === 'quota') {
    return { code: 'RECU_QUOTA_FULL', message: `本单位 ${s.quota} 个年度名额已全部批准（已批准 ${approvedThisYear} 人），不能再批准` };
  }
  return {
    code: 'RECU_STAFF_SHARE_FULL',
    message: `本单位每年参加人数不得超过职工总数的${shareLabel(s.staffShare)}（${s.staffCount} 人中最多 ${staffCap} 人，已批准 ${approvedThisYear} 人）`,
  };
}

export function capacityViolation(batch: ApprovalState['batch']): Violation | null {
  if (batch.approved + 1 <= batch.capacity) return null;
  return { code: 'RECU_BATCH_FULL', message: `该批次 ${batch.capacity} 个名额已满` };
}

/**
 * Leaders may be at most `leaderShare` of the unit's approved members on the batch, counting the
 * one being approved: leaders × den ≤ approved × num. Approving a non-leader never breaks it.
 */
export function leaderShareAllows(roster: ApprovalState['roster'], isLeader: boolean, s: Pick<UnitSettings, 'leaderShare'>): boolean {
  if (!isLeader) return true;
  const approved = roster.approved + 1;
  const leaders = roster.leaders + 1;
  return leaders * s.leaderShare.den <= approved * s.leaderShare.num;
}

export function leaderViolation(roster: ApprovalState['roster'], isLeader: boolean, s: UnitSettings): Violation | null {
  if (leaderShareAllows(roster, isLeader, s)) return null;
  const approved = roster.approved + 1;
  return {
    code: 'RECU_LEADER_SHARE',
    message: `领导干部不得超过本单位该批次人数的${shareLabel(s.leaderShare)}：批准后将有 ${roster.leaders + 1} 名领导干部、共 ${approved} 人（最多 ${shareOf(approved, s.leaderShare)} 名），请先批准其他职工`,
  };
}

export function costViolation(s: UnitSettings, costFen: number, yearSpendFen: number): Violation | null {
  const cap = costCapFen(s);
  if (cap === null || yearSpendFen + costFen <= cap) return null;
  const label = s.ownership === 'public' ? '党政机关和国有企事业单位' : '本单位';
  return {
    code: 'RECU_COST_CAP',
    message: `该批次人均费用 ${formatYuan(costFen)}${yearSpendFen ? `（本年已用 ${formatYuan(yearSpendFen)}）` : ''}，超过${label}疗休养费用标准 ${formatYuan(cap)}/人/年`,
  };
}

/** Every rule the approval would break (empty = allowed), in the order the server checks them. */
export function approvalViolations(st: ApprovalState): Violation[] {
  return [
    costViolation(st.settings, st.batch.costFen, st.applicant.yearSpendFen),
    quotaViolation(st.settings, st.unitApprovedThisYear),
    capacityViolation(st.batch),
    leaderViolation(st.roster, st.applicant.isLeader, st.settings),
  ].filter((v): v is Violation => v !== null);
}
