/**
 * Per-unit settings (a unit = a grassroots union, 基层工会). Every limit here is configurable by
 * the unit's union (the yearly quota is decided by its 职代会 or by the union with the
 * administration) and enforced by the platform; see docs/recuperation.md.
 */
import { formatYuan } from './money';

/** A share written as a fraction so that "one third" is exact: limit = floor(total × num / den). */
export interface Share {
  num: number;
  den: number;
}

/** 'public' = Party/government bodies and state-owned units (党政机关和国有企事业单位). */
export type Ownership = 'public' | 'other';

export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  public: '党政机关、国有企事业单位',
  other: '其他企业（非公企业、社会组织等）',
};

/** Public units: at most 2,000 元 per person per year, paid from the welfare fund. */
export const PUBLIC_COST_CAP_FEN = 200_000;

export interface UnitSettings {
  /** Places per year (decided by the 职代会 or the union with the administration). */
  quota: number;
  /** Number of staff (职工总数): the base of the yearly staff share. */
  staffCount: number;
  ownership: Ownership;
  /** Other units: their own per-person-per-year standard in 分 (null = none set). Ignored for public units. */
  costCapFen: number | null;
  /** Maximum share of leaders (tag 'leader') among the unit's approved members on one batch. */
  leaderShare: Share;
  /** No second trip within this many years (a trip in year Y blocks years Y … Y+N−1). */
  noRepeatYears: number;
  /** Maximum share of the unit's staff that may go in one year. */
  staffShare: Share;
}

export const DEFAULT_NO_REPEAT_YEARS = 3;
export const DEFAULT_STAFF_SHARE: Share = { num: 1, den: 3 };
export const DEFAULT_LEADER_SHARE: Share = { num: 1, den: 5 };

export function defaultSettings(partial: Partial<UnitSettings> = {}): UnitSettings {
  return {
    quota: 0,
    staffCount: 0,
    ownership: 'other',
    costCapFen: null,
    leaderShare: DEFAULT_LEADER_SHARE,
    noRepeatYears: DEFAULT_NO_REPEAT_YEARS,
    staffShare: DEFAULT_STAFF_SHARE,
    ...partial,
  };
}

/** The per-person-per-year cost cap that applies to the unit, in 分 (null = no cap). */
export function costCapFen(s: Pick<UnitSettings, 'ownership' | 'costCapFen'>): number | null {
  return s.ownership === 'public' ? PUBLIC_COST_CAP_FEN : s.costCapFen;
}

export function shareLabel(share: Share): string {
  if (share.num === 1 && share.den === 3) return '三分之一';
  if (share.num === 1 && share.den === 2) return '二分之一';
  if (share.num === 1 && share.den === 4) return '四分之一';
  if (share.num === 1 && share.den === 5) return '五分之一';
  if (share.num === 1 && share.den === 10) return '十分之一';
  return `${share.num}/${share.den}`;
}

/** floor(total × share): the most people a share of `total` allows. */
export function shareOf(total: number, share: Share): number {
  if (share.den <= 0) return 0;
  return Math.floor((total * share.num) / share.den);
}

export interface YearlyLimit {
  /** Places the unit may use this year: min(quota, staff share). */
  limit: number;
  /** floor(staffCount × staffShare). */
  staffCap: number;
  /** Which rule is the binding one (the message a refusal names). */
  bound: 'quota' | 'staff_share';
}

export function yearlyLimit(s: Pick<UnitSettings, 'quota' | 'staffCount' | 'staffShare'>): YearlyLimit {
  const staffCap = shareOf(s.staffCount, s.staffShare);
  return s.quota <= staffCap ? { limit: s.quota, staffCap, bound: 'quota' } : { limit: staffCap, staffCap, bound: 'staff_share' };
}

/** Problems with settings an admin is about to save (Chinese, one per rule), empty when valid. */
export function settingsProblems(s: UnitSettings): string[] {
  const out: string[] = [];
  const fraction = (x: Share) => Number.isInteger(x.num) && Number.isInteger(x.den) && x.num >= 0 && x.den >= 1 && x.num <= x.den;
  if (!Number.isInteger(s.quota) || s.quota < 0) out.push('年度名额须为不小于 0 的整数');
  if (!Number.isInteger(s.staffCount) || s.staffCount < 0) out.push('职工总数须为不小于 0 的整数');
  if (!fraction(s.leaderShare)) out.push('领导干部比例须在 0 到 1 之间');
  if (!fraction(s.staffShare)) out.push('年度参加人数比例须在 0 到 1 之间');
  if (!Number.isInteger(s.noRepeatYears) || s.noRepeatYears < 1) out.push('不重复参加年限至少为 1 年');
  if (s.ownership === 'other' && s.costCapFen !== null && (!Number.isInteger(s.costCapFen) || s.costCapFen <= 0)) {
    out.push('费用标准须大于 0');
  }
  return out;
}

export function costCapLabel(s: Pick<UnitSettings, 'ownership' | 'costCapFen'>): string {
  const cap = costCapFen(s);
  if (cap === null) return '由本企业职代会决定（未设上限）';
  return `${formatYuan(cap)}/人/年`;
}
