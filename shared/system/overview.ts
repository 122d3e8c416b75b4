/**
 * system.adminOverview (工会工作台 → 概览): one union of the admin's subtree and a page of its
 * direct child unions, each with figures for its whole subtree over a business-date range.
 * Drill down by asking again with a child's id.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { UnionLevel } from '../union/tree';

const businessDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** Child unions per page (each row costs a handful of indexed counts). */
export const OVERVIEW_PAGE_MAX = 20;
/** The longest date range (days). */
export const OVERVIEW_RANGE_MAX_DAYS = 366;

export const adminOverviewRequest = {
  $id: 'system.adminOverview',
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    unionId: { type: 'string', title: '工会组织', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    from: { ...businessDate, title: '开始日期' },
    to: { ...businessDate, title: '结束日期' },
    offset: { type: 'integer', title: '起始位置', minimum: 0, maximum: 10000 },
    limit: { type: 'integer', title: '每页条数', minimum: 1, maximum: OVERVIEW_PAGE_MAX },
  },
} as const;
export type AdminOverviewRequest = FromSchema<typeof adminOverviewRequest>;

/** Figures of one union's whole subtree. "In range" figures count what happened between from and to (inclusive). */
export interface OverviewFigures {
  /** Members with an active card (now). */
  members: number;
  /** Join applications awaiting review (now). */
  pendingJoins: number;
  /** Members who joined in range. */
  newMembers: number;
  /** Benefit drops opening in range. */
  drops: number;
  /** Posts published in range, and how many members read them. */
  posts: number;
  reads: number;
  /** Followers of this union itself (not its subtree). */
  followers: number;
  /** Summer day-care sign-ups admitted / on the waitlist (now). */
  daycareAdmitted: number;
  daycareWaitlisted: number;
  /** Recuperation applications submitted in range, and how many of those were approved. */
  recuApplied: number;
  recuApproved: number;
}
export const OVERVIEW_FIGURE_LABELS: Record<keyof OverviewFigures, string> = {
  members: '会员数',
  pendingJoins: '待审核入会',
  newMembers: '新入会',
  drops: '福利场次',
  posts: '发布内容',
  reads: '阅读人次',
  followers: '关注者',
  daycareAdmitted: '暑托班已录取',
  daycareWaitlisted: '暑托班候补',
  recuApplied: '疗休养申请',
  recuApproved: '疗休养已批准',
};

export interface OverviewRow {
  id: string;
  name: string;
  level: UnionLevel;
  /** True when it has child unions to drill into. */
  hasChildren: boolean;
  figures: OverviewFigures;
}
export interface AdminOverviewResult {
  union: OverviewRow;
  /** From the admin's own union down to this one (for the breadcrumb). */
  path: { id: string; name: string }[];
  children: OverviewRow[];
  childTotal: number;
  offset: number;
  limit: number;
  from: string;
  to: string;
}
