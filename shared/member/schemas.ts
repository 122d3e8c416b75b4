/**
 * The `member` function's requests (JSON Schemas written once, `as const`, typed with
 * FromSchema) and responses. Every property has a Chinese `title`: the validator names fields
 * by it ("请填写身份证号", "手机号格式不正确").
 */
import type { FromSchema } from 'json-schema-to-ts';
import { PHONE_PATTERN, REAL_NAME_PATTERN } from './mask';
import { SELF_DECLARED_TAGS, type MemberTag } from './tags';
import type { RowError } from './importTemplate';
import { MAX_IMPORT_BASE64, MAX_IMPORT_BYTES } from './importLimits';
import { UNION_LEVELS, type UnionKind, type UnionLevel } from '../union/tree';

const realName = { type: 'string', title: '姓名', minLength: 1, maxLength: 30, pattern: REAL_NAME_PATTERN } as const;
// The form's pattern only checks the shape; the checksum and birth date are domain rules.
const idNumber = { type: 'string', title: '身份证号', pattern: '^\\s*[0-9０-９]{17}[0-9０-９Xxｘ]\\s*$' } as const;
const unionId = { type: 'string', title: '工会组织', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;
const applicationId = { type: 'string', title: '申请编号', pattern: '^[0-9a-f]{64}$' } as const;
// The shape only; normalizeCardNo (./card) accepts spaces and full-width characters and decides.
const cardNo = { type: 'string', title: '会员卡号', minLength: 1, maxLength: 40 } as const;
const memberId = { type: 'string', title: '会员编号', pattern: '^[0-9a-f]{64}$' } as const;

export const profileRequest = { $id: 'member.profile', type: 'object', additionalProperties: false, properties: {} } as const;
export type ProfileRequest = FromSchema<typeof profileRequest>;

export const listUnionsRequest = {
  $id: 'member.listUnions',
  type: 'object',
  additionalProperties: false,
  properties: {
    level: { type: 'string', title: '工会层级', enum: UNION_LEVELS },
    parentId: { ...unionId, title: '上级工会' },
    keyword: { type: 'string', title: '搜索关键词', minLength: 1, maxLength: 30 },
    within: { ...unionId, title: '所属上级工会' },
  },
} as const;
/** listUnions answers at most this many unions (a city has tens of thousands); `truncated` says there were more. */
export const LIST_UNIONS_MAX = 100;
export type ListUnionsRequest = FromSchema<typeof listUnionsRequest>;

export const applyRequest = {
  $id: 'member.apply',
  type: 'object',
  additionalProperties: false,
  required: ['realName', 'idNumber', 'phone', 'employer', 'routing', 'unionId', 'consent'],
  properties: {
    realName,
    idNumber,
    phone: { type: 'string', title: '手机号', pattern: PHONE_PATTERN },
    employer: { type: 'string', title: '工作单位', minLength: 2, maxLength: 100 },
    routing: { type: 'string', title: '入会方式', enum: ['employer_union', 'street_union'] },
    unionId,
    tags: {
      type: 'array',
      title: '职工标签',
      maxItems: SELF_DECLARED_TAGS.length,
      uniqueItems: true,
      items: { type: 'string', title: '职工标签', enum: SELF_DECLARED_TAGS },
    },
    consent: { type: 'boolean', title: '同意《用户隐私保护指引》' },
  },
} as const;
export type ApplyRequest = FromSchema<typeof applyRequest>;

export const myApplicationRequest = { $id: 'member.myApplication', type: 'object', additionalProperties: false, properties: {} } as const;
export type MyApplicationRequest = FromSchema<typeof myApplicationRequest>;

export const claimRequest = {
  $id: 'member.claim',
  type: 'object',
  additionalProperties: false,
  required: ['realName', 'idNumber', 'consent'],
  properties: { realName, idNumber, consent: { type: 'boolean', title: '同意《用户隐私保护指引》' } },
} as const;
export type ClaimRequest = FromSchema<typeof claimRequest>;

export const adminListApplicationsRequest = {
  $id: 'member.adminListApplications',
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', title: '审核状态', enum: ['pending', 'approved', 'rejected'] },
    unionId: { ...unionId, title: '工会组织' },
    /** By submission time; absent: oldest first while pending, newest first once decided. */
    order: { type: 'string', title: '排序', enum: ['asc', 'desc'] },
    offset: { type: 'integer', title: '起始位置', minimum: 0, maximum: 10000 },
    limit: { type: 'integer', title: '每页条数', minimum: 1, maximum: 50 },
  },
} as const;
export type AdminListApplicationsRequest = FromSchema<typeof adminListApplicationsRequest>;

export const adminReviewRequest = {
  $id: 'member.adminReview',
  type: 'object',
  additionalProperties: false,
  required: ['applicationId', 'decision'],
  properties: {
    applicationId,
    decision: { type: 'string', title: '审核结果', enum: ['approve', 'reject'] },
    reason: { type: 'string', title: '驳回原因', minLength: 1, maxLength: 200 },
  },
} as const;
export type AdminReviewRequest = FromSchema<typeof adminReviewRequest>;

export const adminImportRequest = {
  $id: 'member.adminImport',
  type: 'object',
  additionalProperties: false,
  // Exactly one of csv / file (checked by the action). `csv`: UTF-8 CSV text the page already
  // checked; `file`: the file's bytes as picked (.xlsx, or CSV in any encoding), decoded by the function.
  properties: {
    csv: { type: 'string', title: '导入文件内容', minLength: 1, maxLength: MAX_IMPORT_BYTES },
    file: {
      type: 'object',
      title: '导入文件',
      additionalProperties: false,
      required: ['name', 'base64'],
      properties: {
        name: { type: 'string', title: '文件名', minLength: 1, maxLength: 255 },
        base64: { type: 'string', title: '导入文件', minLength: 1, maxLength: MAX_IMPORT_BASE64, pattern: '^[A-Za-z0-9+/]*={0,2}$' },
      },
    },
    // The union for rows that leave 所属工会编码 empty (in the admin's subtree, a level members
    // can belong to); without it, the admin's own union when members can belong to it.
    unionId: { ...unionId, title: '导入到的工会' },
    // Check everything (unions, scope, numbers already on file) and write nothing: the preview.
    preview: { type: 'boolean', title: '仅预览' },
  },
} as const;
export type AdminImportRequest = FromSchema<typeof adminImportRequest>;

export const cardTokenRequest = { $id: 'member.cardToken', type: 'object', additionalProperties: false, properties: {} } as const;
export type CardTokenRequest = FromSchema<typeof cardTokenRequest>;

export const verifyCardRequest = {
  $id: 'member.verifyCard',
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', title: '会员码', minLength: 1, maxLength: 200 } },
} as const;
export type VerifyCardRequest = FromSchema<typeof verifyCardRequest>;

export const adminFindMemberRequest = {
  $id: 'member.adminFindMember',
  type: 'object',
  additionalProperties: false,
  required: ['cardNo'],
  properties: { cardNo },
} as const;
export type AdminFindMemberRequest = FromSchema<typeof adminFindMemberRequest>;

/** A reason is required to suspend (the member reads it); reinstating may say why. */
export const STATUS_REASON_MIN = 2;
export const STATUS_REASON_MAX = 200;

export const adminSetStatusRequest = {
  $id: 'member.adminSetStatus',
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  // Exactly one of memberId / cardNo names the member (checked by the action).
  properties: {
    memberId,
    cardNo,
    status: { type: 'string', title: '会员卡状态', enum: ['revoked', 'active'] },
    reason: { type: 'string', title: '原因', maxLength: STATUS_REASON_MAX },
  },
} as const;
export type AdminSetStatusRequest = FromSchema<typeof adminSetStatusRequest>;

/**
 * 会员信息维护 (member.adminUpdateMember): a transfer (转会) needs a short note, which the member
 * reads in the notice; a tag change may carry one.
 */
export const UPDATE_NOTE_MIN = 2;
export const UPDATE_NOTE_MAX = 100;

export const adminUpdateMemberRequest = {
  $id: 'member.adminUpdateMember',
  type: 'object',
  additionalProperties: false,
  required: ['cardNo'],
  // At least one of tags / unionId (checked by the action, with the note rule).
  properties: {
    cardNo,
    // The complete new set. Codes or Chinese labels ("劳模"): normalized by the action, which names an unknown one.
    tags: { type: 'array', title: '职工标签', maxItems: 12, items: { type: 'string', title: '职工标签', minLength: 1, maxLength: 20 } },
    unionId: { ...unionId, title: '转入工会' },
    note: { type: 'string', title: '说明', maxLength: UPDATE_NOTE_MAX },
  },
} as const;
export type AdminUpdateMemberRequest = FromSchema<typeof adminUpdateMemberRequest>;

export const adminMemberHistoryRequest = {
  $id: 'member.adminMemberHistory',
  type: 'object',
  additionalProperties: false,
  required: ['cardNo'],
  properties: { cardNo },
} as const;
export type AdminMemberHistoryRequest = FromSchema<typeof adminMemberHistoryRequest>;

/** 注销账号: what would happen (no input; identity from the context only). */
export const deletionPreviewRequest = {
  $id: 'member.deletionPreview',
  type: 'object',
  additionalProperties: false,
  properties: {},
} as const;
export type DeletionPreviewRequest = FromSchema<typeof deletionPreviewRequest>;

/** 注销账号: the member types 「注销」 (DELETE_CONFIRM_WORD, checked by the action). */
export const deleteAccountRequest = {
  $id: 'member.deleteAccount',
  type: 'object',
  additionalProperties: false,
  required: ['confirm'],
  properties: { confirm: { type: 'string', title: '确认文字', maxLength: 20 } },
} as const;
export type DeleteAccountRequest = FromSchema<typeof deleteAccountRequest>;

// ---- Responses ----------------------------------------------------------------------------

/**
 * `users.memberStatus`. `suspended`: the user is linked to a member whose card the union revoked
 * (member.adminSetStatus); every member-only check (`=== 'verified'`) refuses it, and reinstating
 * the card sets `verified` again with nothing else to restore.
 */
export type MemberStatus = 'none' | 'pending' | 'verified' | 'suspended' | 'rejected';
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export type Routing = 'employer_union' | 'street_union';
export type CardStatus = 'active' | 'revoked';
export type CardCheck = 'valid' | 'expired' | 'forged' | 'revoked';

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  none: '未入会',
  pending: '审核中',
  verified: '已认证会员',
  suspended: '会员卡已停用',
  rejected: '未通过',
};
/**
 * What a member-only action answers a user whose card the union suspended (instead of the
 * "please join first" text meant for non-members), e.g. suspendedRefusal('参与福利').
 */
export function suspendedRefusal(what: string): string {
  return `您的会员卡已被所属工会停用，暂不能${what}；如有疑问请联系所属工会`;
}
/**
 * The one member-only check: null for a verified member, else what to tell the user — the
 * suspended-card text for a suspended member, `join` (the domain's "please join first") for
 * everyone else. `doing` names the action, e.g. '报名活动'.
 */
export function verifiedMemberRefusal(
  user: { memberStatus?: string } | null | undefined,
  words: { doing: string; join: string },
): string | null {
  if (user?.memberStatus === 'verified') return null;
  return user?.memberStatus === 'suspended' ? suspendedRefusal(words.doing) : words.join;
}
export const CARD_STATUS_LABELS: Record<CardStatus, string> = { active: '有效', revoked: '已停用' };
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '已提交，待审核',
  approved: '已通过',
  rejected: '未通过',
};
export const ROUTING_LABELS: Record<Routing, string> = { employer_union: '所在单位工会', street_union: '单位所在地街道（乡镇）总工会' };

export interface UnionRef {
  id: string;
  name: string;
  level: UnionLevel;
}
export interface UnionItem extends UnionRef {
  kind: UnionKind | null;
  parentId: string | null;
  /** Root → self. */
  ancestors: string[];
  address: string;
}
export interface ListUnionsResult {
  unions: UnionItem[];
  /** More unions matched than LIST_UNIONS_MAX: ask for a more precise keyword. */
  truncated: boolean;
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  nameMasked: string;
  idMasked: string;
  phoneMasked: string;
  employer: string;
  routing: Routing;
  union: UnionRef;
  tags: MemberTag[];
  submittedAt: string; // ISO instant
  reviewedAt: string | null;
  rejectReason: string | null;
  cardNo: string | null;
}
/** What the reviewing admin sees: the full name too, kept only while the application is pending. */
export interface AdminApplicationView extends ApplicationView {
  realName: string | null;
}

export interface MemberCardView {
  cardNo: string;
  nameMasked: string;
  union: UnionRef;
  status: CardStatus;
  /** Why the union suspended the card (only while `revoked`). */
  revokedReason: string | null;
}
export interface Profile {
  /**
   * The caller's own openid, shown as 「用户编号」 on 账号与隐私 so that a new admin can send it to
   * whoever appoints them (docs/operations.md). Only ever the caller's own.
   */
  openid: string;
  memberStatus: MemberStatus;
  nameMasked: string | null;
  idMasked: string | null;
  union: UnionRef | null;
  /** Root → own union. */
  unionChain: UnionRef[];
  tags: MemberTag[];
  follows: string[];
  card: MemberCardView | null;
  /** The unions this user administers (empty for non-admins). */
  adminUnions: UnionRef[];
  application: ApplicationView | null;
}

export interface ApplyResult {
  application: ApplicationView;
}
export interface MyApplicationResult {
  application: ApplicationView | null;
}
export interface ClaimResult {
  card: MemberCardView;
}
export interface AdminListApplicationsResult {
  items: AdminApplicationView[];
  total: number;
  offset: number;
  limit: number;
}
export interface AdminReviewResult {
  application: ApplicationView;
  /** True when it had already been decided the same way (a retry or a second admin). */
  alreadyReviewed: boolean;
}
export interface AdminImportResult {
  totalRows: number;
  /** Written (0 in a preview). */
  imported: number;
  /** Preview only (`preview: true`): the rows an import would add now; nothing was written. */
  toImport?: number;
  /** Rows whose person is already a member in the admin's subtree. */
  skippedDuplicates: number;
  /**
   * Rows passed to a higher union for checking (待上级工会核对): told in words that do not say
   * whether the person is a member anywhere (docs/security.md).
   */
  forwarded: number;
  errors: RowError[];
  /** True when nothing was written (`preview: true`). */
  preview: boolean;
  /** Where rows with an empty 所属工会编码 go (null: nowhere, they are errors until a union is chosen). */
  blankRowsUnion: UnionRef | null;
  /** The unions the admin administers (for choosing blankRowsUnion). */
  adminUnions: UnionRef[];
}
export interface CardTokenResult {
  token: string;
  cardNo: string;
  expiresAt: number; // epoch ms
  ttlSeconds: number;
  serverTime: number; // epoch ms, for the page's refresh timer
}
export interface VerifyCardResult {
  result: CardCheck;
  /** Chinese sentence for the staff screen. */
  message: string;
  /** Only for a valid token. */
  member: { nameMasked: string; cardNo: string; unionName: string } | null;
  checkedAt: number;
}

/** The last suspension or reinstatement of a card. */
export interface CardStatusChange {
  status: CardStatus;
  at: string; // ISO instant
  /** The admin's masked name. */
  byName: string;
  reason: string | null;
}
/** 会员卡管理: what a union admin sees of a member in their subtree (masked). */
export interface AdminMemberView {
  /** members/<id>, for member.adminSetStatus. */
  id: string;
  cardNo: string;
  nameMasked: string;
  union: UnionRef;
  status: CardStatus;
  /** Linked to a WeChat user (applied online, or an imported record that was claimed). */
  claimed: boolean;
  lastChange: CardStatusChange | null;
}
export interface AdminFindMemberResult {
  member: AdminMemberView;
}
export interface AdminSetStatusResult {
  member: AdminMemberView;
  /**
   * True when this request made the change (also when it is retried with the same requestId);
   * false when the card already had that status (another admin was first).
   */
  changed: boolean;
}

/** 会员信息维护: the admin's view of a member plus the tags (editable there). */
export interface AdminMemberDetail extends AdminMemberView {
  tags: MemberTag[];
}
export interface AdminUpdateMemberResult {
  member: AdminMemberDetail;
  /**
   * True when this request made the change (also when it is retried with the same requestId);
   * false when the member already had those tags and that union (another admin was first).
   */
  changed: boolean;
}
/** created: approval or import (from the member record); claimed: linked to WeChat; unlinked: the member deleted their account (注销); status: 停用/恢复; update: tags / transfer; admin: appointed / removed as a union admin (管理员管理). */
export type MemberHistoryKind = 'created' | 'claimed' | 'unlinked' | 'status' | 'update' | 'admin';
export interface MemberHistoryEntry {
  id: string;
  kind: MemberHistoryKind;
  at: string; // ISO instant
  /** Beijing time, "2025-03-04 11:01". */
  atText: string;
  /** Who: the admin's masked name (or a masked id), 「会员本人」 for a claim. */
  byName: string;
  /** 「停用会员卡」「修改标签」「转会」… */
  title: string;
  /** Readable lines: 「工会：A → B」「标签：增加 劳动模范；去掉 高危岗位」「说明：…」. */
  details: string[];
}
export interface AdminMemberHistoryResult {
  member: AdminMemberDetail;
  /** Newest first, at most MEMBER_HISTORY_LIMIT. */
  entries: MemberHistoryEntry[];
}
export const MEMBER_HISTORY_LIMIT = 50;

// ---- 管理员管理 (member.adminListAdmins / adminAppoint / adminRemove) ----------------------

/** At most this many admins per union (adminAppoint refuses the next one with ADMIN_LIMIT_REACHED). */
export const UNION_ADMIN_LIMIT = 10;
/** Removing an admin needs a reason; the removed admin reads it in the notice. */
export const ADMIN_REASON_MIN = 2;
export const ADMIN_REASON_MAX = 100;

const adminUnionId = { ...unionId, title: '工会组织' } as const;

export const adminListAdminsRequest = {
  $id: 'member.adminListAdmins',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  properties: { unionId: adminUnionId },
} as const;
export type AdminListAdminsRequest = FromSchema<typeof adminListAdminsRequest>;

export const adminAppointRequest = {
  $id: 'member.adminAppoint',
  type: 'object',
  additionalProperties: false,
  required: ['cardNo', 'unionId'],
  properties: { cardNo, unionId: adminUnionId },
} as const;
export type AdminAppointRequest = FromSchema<typeof adminAppointRequest>;

export const adminRemoveRequest = {
  $id: 'member.adminRemove',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  // Exactly one of cardNo / adminKey names the admin (checked by the action, with the reason rule).
  // adminKey: the opaque handle adminListAdmins gives for each admin (no openid ever travels).
  properties: {
    cardNo,
    adminKey: { type: 'string', title: '管理员', pattern: '^[0-9a-f]{24}$' },
    unionId: adminUnionId,
    reason: { type: 'string', title: '移除原因', maxLength: ADMIN_REASON_MAX },
  },
} as const;
export type AdminRemoveRequest = FromSchema<typeof adminRemoveRequest>;

/** One admin of a union, as another admin of that union's chain sees it (masked). */
export interface UnionAdminView {
  /** Stable list key: the card number, or the adminKey for an admin without a card. */
  key: string;
  nameMasked: string;
  /** The admin's member card (linked members only). */
  cardNo: string | null;
  /**
   * Opaque handle for adminRemove (24 hex, a keyed hash of the union and the admin's openid): the
   * only one for an admin without a member card. Never the openid, which admins are not shown.
   */
  adminKey: string;
  /** When and by whom appointed (masked name); null for admins set by hand before 管理员管理 existed. */
  since: string | null; // ISO instant
  sinceText: string | null; // Beijing time, "2025-03-04 11:01"
  appointedBy: string | null;
  /** The caller. */
  self: boolean;
}
export interface AdminListAdminsResult {
  union: UnionRef;
  /** The root union (市总工会): its last admin cannot be removed. */
  isRoot: boolean;
  /** Longest-serving first; admins set by hand (no record) first of all. */
  admins: UnionAdminView[];
  limit: number;
}
export interface AdminAppointResult {
  union: UnionRef;
  /** The appointee's card. */
  member: AdminMemberView;
  /** False when the member already was an admin of that union (another admin was first). */
  changed: boolean;
}
export interface AdminRemoveResult {
  union: UnionRef;
  /** False when the user was no longer an admin of that union (another admin was first). */
  changed: boolean;
}
