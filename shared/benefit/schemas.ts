/**
 * The `benefit` function's requests (JSON Schemas written once, `as const`, typed with FromSchema)
 * and responses. Instants travel as epoch milliseconds; every property has a Chinese `title`.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { MEMBER_TAGS, type MemberTag } from '../member/tags';
import { DROP_KINDS, DROP_MODES, EXPIRY_POLICIES, type DropKind, type DropMode, type ExpiryPolicy } from './kinds';
import { CODE_INPUT_PATTERN } from './code';
import { uploadSlotSchema } from '../files/schemas';
import { venueInputSchema, type VenueInfo } from '../venue/schemas';

const dropId = { type: 'string', title: '福利编号', pattern: '^d[0-9a-z]{6,40}$' } as const;
const epochMs = (title: string) => ({ type: 'integer', title, minimum: 1_500_000_000_000, maximum: 4_000_000_000_000 }) as const;

export const listRequest = { $id: 'benefit.list', type: 'object', additionalProperties: false, properties: {} } as const;
export type ListRequest = FromSchema<typeof listRequest>;

export const claimRequest = {
  $id: 'benefit.claim',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: {
    dropId,
    /** The eligibility pass from benefit.list (saves the member lookup on the hot path). */
    pass: { type: 'string', title: '领取凭证', maxLength: 200 },
  },
} as const;
export type ClaimRequest = FromSchema<typeof claimRequest>;

export const registerRequest = {
  $id: 'benefit.register',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: { dropId },
} as const;
export type RegisterRequest = FromSchema<typeof registerRequest>;

export const myClaimsRequest = { $id: 'benefit.myClaims', type: 'object', additionalProperties: false, properties: {} } as const;
export type MyClaimsRequest = FromSchema<typeof myClaimsRequest>;

export const drawProofRequest = {
  $id: 'benefit.drawProof',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: { dropId },
} as const;
export type DrawProofRequest = FromSchema<typeof drawProofRequest>;

export const adminCreateRequest = {
  $id: 'benefit.adminCreate',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'title', 'kind', 'stock', 'mode'],
  properties: {
    unionId: { type: 'string', title: '发布工会', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    title: { type: 'string', title: '福利名称', minLength: 2, maxLength: 40 },
    kind: { type: 'string', title: '福利类型', enum: DROP_KINDS },
    picture: { type: 'string', title: '图片地址', maxLength: 300, pattern: '^(https://|cloud://|/)[^\\s]*$' },
    stock: { type: 'integer', title: '总份数', minimum: 1, maximum: 100000 },
    perMemberLimit: { type: 'integer', title: '每人限领', minimum: 1, maximum: 5 },
    mode: { type: 'string', title: '发放方式', enum: DROP_MODES },
    requiredTags: {
      type: 'array',
      title: '限定职工标签',
      maxItems: MEMBER_TAGS.length,
      uniqueItems: true,
      items: { type: 'string', title: '职工标签', enum: MEMBER_TAGS },
    },
    opensAt: epochMs('开抢时间'),
    closesAt: epochMs('截止时间'),
    redeemBy: epochMs('核销截止时间'),
    registerOpensAt: epochMs('报名开始时间'),
    registerClosesAt: epochMs('报名截止时间'),
    expiryPolicy: { type: 'string', title: '过期处理', enum: EXPIRY_POLICIES },
    /** Where and how to redeem (optional: 流量/话费 arrive on the phone, nobody goes anywhere). */
    venue: venueInputSchema,
  },
} as const;
export type AdminCreateRequest = FromSchema<typeof adminCreateRequest>;

/** A cloud path to upload a drop picture to (admins of that union or one above it). */
export const adminUploadSlotRequest = uploadSlotSchema('benefit.adminUploadSlot');
export type AdminUploadSlotRequest = FromSchema<typeof adminUploadSlotRequest>;

export const adminListRequest = { $id: 'benefit.adminList', type: 'object', additionalProperties: false, properties: {} } as const;
export type AdminListRequest = FromSchema<typeof adminListRequest>;

/** Reason length for 撤回 (members read it in the notice and on the card). */
export const CANCEL_REASON_MIN = 2;
export const CANCEL_REASON_MAX = 100;

/** 撤回 a drop before it opens (see CANCEL_LEAD_MS in ./rules). Idempotent: a second cancel answers the same. */
export const adminCancelRequest = {
  $id: 'benefit.adminCancel',
  type: 'object',
  additionalProperties: false,
  required: ['dropId', 'reason'],
  properties: {
    dropId,
    reason: { type: 'string', title: '撤回原因', minLength: CANCEL_REASON_MIN, maxLength: CANCEL_REASON_MAX },
  },
} as const;
export type AdminCancelRequest = FromSchema<typeof adminCancelRequest>;

/** Longest search keyword (benefit.search, content.search). */
export const SEARCH_KEYWORD_MAX = 30;

/**
 * Search this week's drops the caller may see (the ones benefit.list shows) by a keyword in the
 * title, the publishing union or the redemption venue. Blank (spaces only) is refused.
 */
export const searchRequest = {
  $id: 'benefit.search',
  type: 'object',
  additionalProperties: false,
  required: ['keyword'],
  properties: { keyword: { type: 'string', title: '搜索关键词', minLength: 1, maxLength: SEARCH_KEYWORD_MAX } },
} as const;
export type SearchRequest = FromSchema<typeof searchRequest>;

export const redeemRequest = {
  $id: 'benefit.redeem',
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', title: '兑换码', pattern: CODE_INPUT_PATTERN } },
} as const;
export type RedeemRequest = FromSchema<typeof redeemRequest>;

export const figuresRequest = {
  $id: 'benefit.figures',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: { dropId },
} as const;
export type FiguresRequest = FromSchema<typeof figuresRequest>;

export const exportCsvRequest = {
  $id: 'benefit.exportCsv',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: { dropId },
} as const;
export type ExportCsvRequest = FromSchema<typeof exportCsvRequest>;

/**
 * 核销记录: one drop's redemption audit trail (every attempt, good or bad), newest first unless
 * `order: 'asc'`; paged on the server.
 */
export const adminRedemptionsRequest = {
  $id: 'benefit.adminRedemptions',
  type: 'object',
  additionalProperties: false,
  required: ['dropId'],
  properties: {
    dropId,
    order: { type: 'string', title: '排序', enum: ['desc', 'asc'] },
    offset: { type: 'integer', title: '起始位置', minimum: 0, maximum: 100000 },
    limit: { type: 'integer', title: '每页条数', minimum: 1, maximum: 100 },
  },
} as const;
export type AdminRedemptionsRequest = FromSchema<typeof adminRedemptionsRequest>;

// ---- responses ----

/** What the member page needs to show one drop and compute its state at any instant. */
export interface DropCard {
  id: string;
  title: string;
  kind: DropKind;
  picture: string | null;
  unionName: string;
  mode: DropMode;
  stock: number;
  perMemberLimit: number;
  requiredTags: MemberTag[];
  opensAt: number;
  closesAt: number;
  redeemBy: number;
  registerOpensAt: number | null;
  registerClosesAt: number | null;
  soldOutAt: number | null;
  /** Approximate units left (first-come); null for draws before the draw. */
  left: number | null;
  /** Draw: commitment (sha256 of the seed), published before registration closes. */
  seedHash: string | null;
  seed: string | null;
  registrants: number | null;
  winners: number | null;
  drawnAt: number | null;
  /** Where and how to redeem; null for drops that need no visit (e.g. 流量 sent to the phone). */
  venue: VenueInfo | null;
  mine: { claims: number; registered: boolean; result: DrawResult | null };
  /** Withdrawn (撤回) by the publishing union: when and why (shown only to members who had registered). */
  cancelled: { at: number; reason: string } | null;
  /** Why the caller may not take part (Chinese), or null. */
  ineligible: string | null;
  /** Signed eligibility pass for claim (null when ineligible or not first-come). */
  pass: string | null;
}

export interface ListResult {
  serverTime: number;
  drops: DropCard[];
  /** Shown above the list when the caller cannot take part at all (e.g. not a member). */
  notice: string | null;
  /**
   * The caller is not a member yet (and not waiting for review or suspended): the drops listed
   * are the platform-wide ones (of the top-level unions) and the page offers 入会 to take part.
   */
  joinFirst: boolean;
}

export type ClaimStatus = 'issued' | 'redeemed' | 'expired';

/** A drop found by benefit.search: what the result row shows; tapping it opens the 福利 tab. */
export interface DropHit {
  id: string;
  title: string;
  kind: DropKind;
  mode: DropMode;
  unionName: string;
  opensAt: number;
  closesAt: number;
  /** Units left (first-come, from the stock shards); null for draws. */
  left: number | null;
  venue: VenueInfo | null;
}
export interface SearchResult {
  serverTime: number;
  drops: DropHit[];
}

export interface ClaimView {
  id: string;
  dropId: string;
  title: string;
  kind: DropKind;
  unionName: string;
  code: string;
  status: ClaimStatus;
  via: DropMode;
  claimedAt: number;
  redeemBy: number;
  redeemedAt: number | null;
  /** Where to redeem (copied from the drop when the code was issued); null when none was given. */
  venue: VenueInfo | null;
  /** Chinese sentence explaining the status. */
  explain: string;
}

/**
 * A draw registration's outcome; `excluded`: no longer eligible when the draw ran (not drawn);
 * `cancelled`: the drop was withdrawn before the draw (the member was told why).
 */
export type DrawResult = 'won' | 'lost' | 'excluded' | 'cancelled';
export const DRAW_RESULT_LABELS: Record<DrawResult, string> = {
  won: '已中签',
  lost: '未中签',
  excluded: '未参与抽签',
  cancelled: '已撤回',
};

export interface RegistrationView {
  dropId: string;
  title: string;
  registeredAt: number;
  opensAt: number;
  result: DrawResult | null;
  explain: string;
}

export interface MyClaimsResult {
  serverTime: number;
  claims: ClaimView[];
  registrations: RegistrationView[];
}

export interface DrawProof {
  dropId: string;
  title: string;
  seedHash: string;
  /** Null until the draw has run. */
  seed: string | null;
  stock: number;
  /** Published entrant keys (pseudonymous), sorted; empty until the draw has run. */
  entrants: string[];
  winners: string[];
  myEntrantKey: string | null;
  drawnAt: number | null;
}

export interface AdminCreateResult {
  dropId: string;
  opensAt: number;
  seedHash: string | null;
}

/** A withdrawn drop: when, why and by whom (the admin's masked name). */
export interface DropCancellation {
  at: number;
  reason: string;
  by: string;
}

export interface AdminCancelResult {
  dropId: string;
  title: string;
  cancelled: DropCancellation;
}

export interface AdminDropRow {
  id: string;
  title: string;
  kind: DropKind;
  mode: DropMode;
  unionName: string;
  stock: number;
  opensAt: number;
  closesAt: number;
  soldOutAt: number | null;
  drawnAt: number | null;
  cancelled: DropCancellation | null;
  /** Last instant (server time) at which 撤回 is accepted; null when it no longer can be (cancelled, drawn). */
  cancellableUntil: number | null;
}
export interface AdminListResult {
  serverTime: number;
  drops: AdminDropRow[];
  /** Unions the caller administers (a drop may be published for these or any union below). */
  unions: Array<{ id: string; name: string }>;
}

export interface RedeemResult {
  code: string;
  title: string;
  memberName: string;
  claimedAt: number;
  redeemedAt: number;
}

export interface FiguresPoint {
  /** Bucket start (epoch ms). */
  at: number;
  claims: number;
}
export interface FiguresResult {
  dropId: string;
  title: string;
  mode: DropMode;
  stock: number;
  bucketSeconds: number;
  series: FiguresPoint[];
  claims: number;
  registrations: number;
  redemptions: number;
  expired: number;
  soldOutAt: number | null;
  cancelled: DropCancellation | null;
}

export type RedemptionOutcome = 'redeemed' | 'not_found' | 'already_redeemed' | 'expired' | 'out_of_scope' | 'member_suspended';
export const REDEMPTION_OUTCOME_LABELS: Record<RedemptionOutcome, string> = {
  redeemed: '核销成功',
  not_found: '兑换码不存在',
  already_redeemed: '重复核销（已拒绝）',
  expired: '已过期（已拒绝）',
  out_of_scope: '非本工会核销员（已拒绝）',
  member_suspended: '会员卡已停用（已拒绝）',
};

/** One redemption attempt: the code as printed, who tried (masked), when, the outcome. */
export interface RedemptionRow {
  at: number;
  code: string;
  outcome: RedemptionOutcome;
  outcomeLabel: string;
  /** The staff member's masked name; '其他工会核销员' for an attempt from outside the drop's chain. */
  by: string;
}
export interface AdminRedemptionsResult {
  dropId: string;
  title: string;
  total: number;
  offset: number;
  limit: number;
  items: RedemptionRow[];
}

export interface ExportCsvResult {
  filename: string;
  csv: string;
  rows: number;
}

export type { DropKind, DropMode, ExpiryPolicy, VenueInfo };
