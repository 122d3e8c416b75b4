/** Drop kinds, modes and expiry policies with their Chinese labels. */
export const DROP_KINDS = ['data', 'phone', 'film', 'park', 'gym', 'other'] as const;
export type DropKind = (typeof DROP_KINDS)[number];
export const DROP_KIND_LABELS: Record<DropKind, string> = {
  data: '流量',
  phone: '话费',
  film: '电影票',
  park: '乐园门票',
  gym: '健身券',
  other: '其他福利',
};

/** first_come = 抢 (served from the opening second until stock is gone); draw = 预约抽签. */
export const DROP_MODES = ['first_come', 'draw'] as const;
export type DropMode = (typeof DROP_MODES)[number];
export const DROP_MODE_LABELS: Record<DropMode, string> = { first_come: '先到先得', draw: '预约抽签' };

/**
 * What happens to codes not redeemed by the deadline: 'release' returns the unit to the stock
 * while the drop is still open (otherwise it simply lapses); 'report' keeps it as 已过期 in the
 * union's figures and CSV so the merchant can settle. Either way an expired code is not redeemable.
 */
export const EXPIRY_POLICIES = ['release', 'report'] as const;
export type ExpiryPolicy = (typeof EXPIRY_POLICIES)[number];
export const EXPIRY_POLICY_LABELS: Record<ExpiryPolicy, string> = { release: '过期作废并释放名额', report: '过期作废并在报表中列出' };
