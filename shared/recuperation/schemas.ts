/**
 * The `recuperation` function's requests (JSON Schemas written once, `as const`, typed with
 * FromSchema; every property has a Chinese `title`) and responses. Money is integer 分.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { geoPointSchema, venuePhoneSchema, type GeoPoint } from '../venue/schemas';
import type { MemberTag } from '../member/tags';
import type { BatchStatus } from './batch';
import { DATE_PATTERN } from './batch';
import type { PriorityFactor, ScoreLine } from './priority';
import type { Ownership } from './settings';
import { SUBSIDY_MAX_DAYS } from './subsidy';

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }) as const;
const year = { type: 'integer', title: '年度', minimum: 2000, maximum: 2100 } as const;
const reason = { type: 'string', title: '原因', minLength: 1, maxLength: 200 } as const;
const empty = (sid: string) => ({ $id: sid, type: 'object', additionalProperties: false, properties: {} }) as const;

export const listBatchesRequest = empty('recuperation.listBatches');
export type ListBatchesRequest = FromSchema<typeof listBatchesRequest>;

export const batchDetailRequest = {
  $id: 'recuperation.batchDetail',
  type: 'object',
  additionalProperties: false,
  required: ['batchId'],
  properties: { batchId: id('批次') },
} as const;
export type BatchDetailRequest = FromSchema<typeof batchDetailRequest>;

export const applyRequest = {
  $id: 'recuperation.apply',
  type: 'object',
  additionalProperties: false,
  required: ['batchId'],
  properties: { batchId: id('批次') },
} as const;
export type ApplyRequest = FromSchema<typeof applyRequest>;

export const myApplicationsRequest = empty('recuperation.myApplications');
export type MyApplicationsRequest = FromSchema<typeof myApplicationsRequest>;

export const withdrawRequest = {
  $id: 'recuperation.withdraw',
  type: 'object',
  additionalProperties: false,
  required: ['applicationId'],
  properties: { applicationId: id('申请编号') },
} as const;
export type WithdrawRequest = FromSchema<typeof withdrawRequest>;

export const adminUnitsRequest = {
  $id: 'recuperation.adminUnits',
  type: 'object',
  additionalProperties: false,
  properties: { year },
} as const;
export type AdminUnitsRequest = FromSchema<typeof adminUnitsRequest>;

const share = (title: string) => ({ type: 'integer', title, minimum: 0, maximum: 1000 }) as const;
export const adminSaveUnitRequest = {
  $id: 'recuperation.adminSaveUnit',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'quota', 'staffCount', 'ownership'],
  properties: {
    unionId: id('基层工会'),
    quota: { type: 'integer', title: '年度名额', minimum: 0, maximum: 100000 },
    staffCount: { type: 'integer', title: '职工总数', minimum: 0, maximum: 1000000 },
    ownership: { type: 'string', title: '单位性质', enum: ['public', 'other'] },
    // Omitted = no per-person standard set (other units only; public units always have 2,000 元).
    costCapFen: { type: 'integer', title: '费用标准（分/人/年）', minimum: 1, maximum: 100000000 },
    leaderShareNum: share('领导干部比例（分子）'),
    leaderShareDen: { ...share('领导干部比例（分母）'), minimum: 1 },
    noRepeatYears: { type: 'integer', title: '不重复参加年限', minimum: 1, maximum: 10 },
    staffShareNum: share('年度参加比例（分子）'),
    staffShareDen: { ...share('年度参加比例（分母）'), minimum: 1 },
  },
} as const;
export type AdminSaveUnitRequest = FromSchema<typeof adminSaveUnitRequest>;

export const adminSaveVenueRequest = {
  $id: 'recuperation.adminSaveVenue',
  type: 'object',
  additionalProperties: false,
  required: ['ownerUnionId', 'name', 'location'],
  properties: {
    venueId: id('疗休养场所'),
    ownerUnionId: id('发布工会'),
    name: { type: 'string', title: '场所名称', minLength: 2, maxLength: 40 },
    location: { type: 'string', title: '地点', minLength: 2, maxLength: 60 },
    /** Optional: the full address, map position and front-desk phone (查看位置 / 拨打电话 on the batch page). */
    address: { type: 'string', title: '详细地址', minLength: 4, maxLength: 80 },
    position: geoPointSchema,
    phone: { ...venuePhoneSchema, title: '场所电话' },
    rooms: { type: 'integer', title: '客房数', minimum: 0, maximum: 100000 },
    description: { type: 'string', title: '简介', maxLength: 300 },
  },
} as const;
export type AdminSaveVenueRequest = FromSchema<typeof adminSaveVenueRequest>;

export const adminCreateBatchRequest = {
  $id: 'recuperation.adminCreateBatch',
  type: 'object',
  additionalProperties: false,
  required: ['venueId', 'ownerUnionId', 'startDate', 'days', 'capacity', 'costFen'],
  properties: {
    venueId: id('疗休养场所'),
    ownerUnionId: id('发布工会'),
    title: { type: 'string', title: '批次名称', minLength: 2, maxLength: 40 },
    startDate: { type: 'string', title: '开始日期', pattern: DATE_PATTERN },
    // The 5-day rule is a domain rule with its own message (RECU_RULE_INVALID), so the schema
    // accepts a little more and the rule names the limit.
    days: { type: 'integer', title: '天数（含路途）', minimum: 1, maximum: 30 },
    capacity: { type: 'integer', title: '名额', minimum: 1, maximum: 10000 },
    costFen: { type: 'integer', title: '人均费用（分）', minimum: 0, maximum: 100000000 },
  },
} as const;
export type AdminCreateBatchRequest = FromSchema<typeof adminCreateBatchRequest>;

export const adminBatchesRequest = empty('recuperation.adminBatches');
export type AdminBatchesRequest = FromSchema<typeof adminBatchesRequest>;

export const adminApplicantsRequest = {
  $id: 'recuperation.adminApplicants',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  properties: {
    unionId: id('基层工会'),
    batchId: id('批次'),
    year,
    status: { type: 'string', title: '申请状态', enum: ['pending', 'approved', 'refused', 'all'] },
  },
} as const;
export type AdminApplicantsRequest = FromSchema<typeof adminApplicantsRequest>;

export const adminDecideRequest = {
  $id: 'recuperation.adminDecide',
  type: 'object',
  additionalProperties: false,
  required: ['applicationId', 'decision'],
  properties: {
    applicationId: id('申请编号'),
    decision: { type: 'string', title: '审核结果', enum: ['approve', 'refuse'] },
    reason: { ...reason, title: '不予批准的原因' },
  },
} as const;
export type AdminDecideRequest = FromSchema<typeof adminDecideRequest>;

export const adminUnitMembersRequest = {
  $id: 'recuperation.adminUnitMembers',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  properties: { unionId: id('基层工会') },
} as const;
export type AdminUnitMembersRequest = FromSchema<typeof adminUnitMembersRequest>;

export const adminNominateRequest = {
  $id: 'recuperation.adminNominate',
  type: 'object',
  additionalProperties: false,
  required: ['batchId', 'memberId'],
  properties: { batchId: id('批次'), memberId: { type: 'string', title: '会员', pattern: '^[0-9a-f]{64}$' } },
} as const;
export type AdminNominateRequest = FromSchema<typeof adminNominateRequest>;

export const adminRosterRequest = {
  $id: 'recuperation.adminRoster',
  type: 'object',
  additionalProperties: false,
  required: ['batchId'],
  properties: { batchId: id('批次') },
} as const;
export type AdminRosterRequest = FromSchema<typeof adminRosterRequest>;

export const adminAttendanceRequest = {
  $id: 'recuperation.adminAttendance',
  type: 'object',
  additionalProperties: false,
  required: ['batchId', 'absentApplicationIds'],
  properties: {
    batchId: id('批次'),
    absentApplicationIds: { type: 'array', title: '未出勤名单', maxItems: 10000, uniqueItems: true, items: id('申请编号') },
  },
} as const;
export type AdminAttendanceRequest = FromSchema<typeof adminAttendanceRequest>;

export const subsidySubmitRequest = {
  $id: 'recuperation.subsidySubmit',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'place', 'startDate', 'days', 'persons', 'spendPerPersonPerDayFen'],
  properties: {
    unionId: id('基层工会'),
    place: { type: 'string', title: '疗休养地点', minLength: 2, maxLength: 60 },
    startDate: { type: 'string', title: '开始日期', pattern: DATE_PATTERN },
    days: { type: 'integer', title: '天数', minimum: 1, maximum: SUBSIDY_MAX_DAYS },
    persons: { type: 'integer', title: '参加人数', minimum: 1, maximum: 100000 },
    spendPerPersonPerDayFen: { type: 'integer', title: '人均每天实际消费（分）', minimum: 1, maximum: 10000000 },
  },
} as const;
export type SubsidySubmitRequest = FromSchema<typeof subsidySubmitRequest>;

export const subsidyListRequest = {
  $id: 'recuperation.subsidyList',
  type: 'object',
  additionalProperties: false,
  properties: { year, status: { type: 'string', title: '审核状态', enum: ['pending', 'approved', 'rejected', 'all'] } },
} as const;
export type SubsidyListRequest = FromSchema<typeof subsidyListRequest>;

export const subsidyDecideRequest = {
  $id: 'recuperation.subsidyDecide',
  type: 'object',
  additionalProperties: false,
  required: ['claimId', 'decision'],
  properties: {
    claimId: id('申请编号'),
    decision: { type: 'string', title: '审核结果', enum: ['approve', 'reject'] },
    reason: { ...reason, title: '驳回原因' },
  },
} as const;
export type SubsidyDecideRequest = FromSchema<typeof subsidyDecideRequest>;

export const adminFiguresRequest = {
  $id: 'recuperation.adminFigures',
  type: 'object',
  additionalProperties: false,
  properties: { year },
} as const;
export type AdminFiguresRequest = FromSchema<typeof adminFiguresRequest>;

// ---- Responses ----------------------------------------------------------------------------

export type ApplicationStatus = 'pending' | 'approved' | 'refused' | 'withdrawn' | 'attended' | 'absent';
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已批准',
  refused: '未批准',
  withdrawn: '已撤回',
  attended: '已参加',
  absent: '未出勤',
};
export type SubsidyStatus = 'pending' | 'approved' | 'rejected';
export const SUBSIDY_STATUS_LABELS: Record<SubsidyStatus, string> = { pending: '待审核', approved: '已批准', rejected: '已驳回' };

export interface UnionBrief {
  id: string;
  name: string;
}

export interface VenueView {
  id: string;
  name: string;
  location: string;
  /** Full address, map position and phone; null when the union gave none. */
  address: string | null;
  position: GeoPoint | null;
  phone: string | null;
  rooms: number | null;
  description: string;
  owner: UnionBrief;
}

export interface BatchView {
  id: string;
  title: string;
  venue: { id: string; name: string; location: string };
  owner: UnionBrief;
  startDate: string;
  endDate: string;
  period: string;
  days: number;
  capacity: number;
  seatsLeft: number;
  costFen: number;
  status: BatchStatus;
  /** Applications still accepted (open and not started). */
  accepting: boolean;
  year: number;
}

export interface Eligibility {
  ok: boolean;
  code: string | null;
  message: string | null;
}

export interface ScoreView {
  score: number;
  lines: ScoreLine[];
  explanation: string;
}

export interface ListBatchesResult {
  unit: UnionBrief | null;
  batches: BatchView[];
}

export interface BatchDetailResult {
  batch: BatchView;
  venue: VenueView;
  eligibility: Eligibility;
  /** The member's priority score if they applied now (null for non-members). */
  preview: ScoreView | null;
}

export interface RankView {
  /** 1-based position among the unit's pending and approved applicants for the same batch. */
  position: number;
  of: number;
}

export interface MyApplicationView {
  id: string;
  year: number;
  status: ApplicationStatus;
  statusLabel: string;
  batch: BatchView;
  unit: UnionBrief;
  source: 'self' | 'nominated';
  priority: ScoreView;
  rank: RankView | null;
  /** Why the member has (or has not yet, or did not get) a place, in plain Chinese. */
  reason: string;
  submittedAt: string;
  decidedAt: string | null;
}

export interface ApplyResult {
  application: MyApplicationView;
}
export interface MyApplicationsResult {
  items: MyApplicationView[];
}
export interface WithdrawResult {
  application: MyApplicationView;
}

export interface ShareView {
  num: number;
  den: number;
  label: string;
}

export interface UnitView {
  unit: UnionBrief;
  configured: boolean;
  year: number;
  quota: number;
  staffCount: number;
  ownership: Ownership;
  ownershipLabel: string;
  costCapFen: number | null;
  costCapLabel: string;
  leaderShare: ShareView;
  staffShare: ShareView;
  noRepeatYears: number;
  /** min(quota, staff share) and which of the two binds. */
  limit: number;
  limitBound: 'quota' | 'staff_share';
  approved: number;
  placesLeft: number;
}

export interface AdminUnitsResult {
  year: number;
  units: UnitView[];
}
export interface AdminSaveUnitResult {
  unit: UnitView;
}
export interface AdminSaveVenueResult {
  venue: VenueView;
}
export interface AdminCreateBatchResult {
  batch: BatchView;
}
export interface AdminBatchesResult {
  /** Unions the admin may publish for. */
  owners: UnionBrief[];
  venues: VenueView[];
  batches: BatchView[];
}

export interface ApplicantView {
  id: string;
  rank: number;
  nameMasked: string;
  tags: MemberTag[];
  isLeader: boolean;
  status: ApplicationStatus;
  statusLabel: string;
  source: 'self' | 'nominated';
  priority: ScoreView;
  batch: { id: string; title: string; period: string; costFen: number };
  submittedAt: string;
  decidedAt: string | null;
  refuseReason: string | null;
  /** The member's card is suspended (会员卡已停用): the application cannot be approved, only refused. */
  memberSuspended: boolean;
}

export interface AdminApplicantsResult {
  unit: UnitView;
  items: ApplicantView[];
}
export interface AdminDecideResult {
  applicant: ApplicantView;
  alreadyDecided: boolean;
}

export interface UnitMemberView {
  memberId: string;
  nameMasked: string;
  tags: MemberTag[];
  priority: ScoreView;
}
export interface AdminUnitMembersResult {
  unit: UnionBrief;
  members: UnitMemberView[];
}
export interface AdminNominateResult {
  applicant: ApplicantView;
}

export interface RosterRow {
  applicationId: string;
  unit: UnionBrief;
  nameMasked: string;
  tags: MemberTag[];
  status: ApplicationStatus;
  statusLabel: string;
}
export interface AdminRosterResult {
  batch: BatchView;
  /** True when the caller may record attendance (they administer the publishing union). */
  canClose: boolean;
  rows: RosterRow[];
}
export interface AdminAttendanceResult {
  batch: BatchView;
  attended: number;
  absent: number;
}

export interface SubsidyClaimView {
  id: string;
  unit: UnionBrief;
  year: number;
  place: string;
  startDate: string;
  days: number;
  persons: number;
  spendPerPersonPerDayFen: number;
  countedPerPersonPerDayFen: number;
  actualTotalFen: number;
  countedTotalFen: number;
  subsidyFen: number;
  status: SubsidyStatus;
  statusLabel: string;
  rejectReason: string | null;
  /** The caller may approve or reject it (an admin of a union above the unit, not the submitter). */
  canReview: boolean;
  submittedAt: string;
}
export interface SubsidySubmitResult {
  claim: SubsidyClaimView;
}
export interface SubsidyListResult {
  /** Non-public units in scope the caller may submit for. */
  units: UnionBrief[];
  claims: SubsidyClaimView[];
}
export interface SubsidyDecideResult {
  claim: SubsidyClaimView;
}

export interface UnitFigures {
  unit: UnionBrief;
  ownership: Ownership;
  quota: number;
  limit: number;
  approved: number;
  attended: number;
  /** Sum of batch costs of approved and attended members (分). */
  spendFen: number;
  /** Per-person yearly cap (分) and the most the approved places may cost under it. */
  capPerPersonFen: number | null;
  capTotalFen: number | null;
  leaders: number;
  mix: Record<PriorityFactor | 'none', number>;
  subsidyClaims: number;
  subsidyApprovedFen: number;
  subsidyPendingFen: number;
}
export interface AdminFiguresResult {
  year: number;
  units: UnitFigures[];
  totals: Omit<UnitFigures, 'unit' | 'ownership' | 'capPerPersonFen' | 'capTotalFen'> & { capTotalFen: number };
}
