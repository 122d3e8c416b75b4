/**
 * The `content` function's requests: publishing (union admins), follow and feed, activity
 * sign-up. Schema-first (`as const`, FromSchema); every property has a Chinese title. Responses
 * are in ./views.ts. Times from forms are Beijing wall-clock strings ("2026-07-03 14:30").
 */
import type { FromSchema } from 'json-schema-to-ts';
import { uploadSlotSchema } from '../files/schemas';
import { WALL_CLOCK_PATTERN } from '../validation/dates';
import { geoPointSchema, venuePhoneSchema } from '../venue/schemas';

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) as const;
const wallClock = (title: string) => ({ type: 'string', title, pattern: WALL_CLOCK_PATTERN }) as const;
const cursor = { type: 'string', title: '分页位置', minLength: 1, maxLength: 200 } as const;
const limit = (max: number) => ({ type: 'integer', title: '每页条数', minimum: 1, maximum: max }) as const;
const empty = (sid: string) => ({ $id: sid, type: 'object', additionalProperties: false, properties: {} }) as const;

export const POST_KINDS = ['article', 'activity'] as const;
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;

// ---- Members ------------------------------------------------------------------------------

export const feedRequest = {
  $id: 'content.feed',
  type: 'object',
  additionalProperties: false,
  properties: { cursor, limit: limit(30), kind: { type: 'string', title: '内容类型', enum: POST_KINDS } },
} as const;
export type FeedRequest = FromSchema<typeof feedRequest>;

export const getRequest = {
  $id: 'content.get',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: id('内容编号') },
} as const;
export type GetRequest = FromSchema<typeof getRequest>;

export const followRequest = {
  $id: 'content.follow',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'follow'],
  properties: { unionId: id('工会组织'), follow: { type: 'boolean', title: '是否关注' } },
} as const;
export type FollowRequest = FromSchema<typeof followRequest>;

export const discoverRequest = empty('content.discover');
export type DiscoverRequest = FromSchema<typeof discoverRequest>;

export const unionPageRequest = {
  $id: 'content.unionPage',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  properties: { unionId: id('工会组织'), cursor, limit: limit(30) },
} as const;
export type UnionPageRequest = FromSchema<typeof unionPageRequest>;

export const signUpRequest = {
  $id: 'content.signUp',
  type: 'object',
  additionalProperties: false,
  required: ['postId'],
  properties: { postId: id('活动') },
} as const;
export type SignUpRequest = FromSchema<typeof signUpRequest>;

export const cancelSignupRequest = {
  $id: 'content.cancelSignup',
  type: 'object',
  additionalProperties: false,
  required: ['postId'],
  properties: { postId: id('活动') },
} as const;
export type CancelSignupRequest = FromSchema<typeof cancelSignupRequest>;

/** Longest search keyword (the same bound as benefit.search). */
export const SEARCH_KEYWORD_MAX = 30;

/**
 * Search published posts (activities and articles) of the unions the caller may read in the
 * feed (followed unions, the caller's own union chain, the city union) by a keyword in the
 * title, summary or activity place. Keyset-paged like the feed. Blank (spaces only) is refused.
 */
export const searchRequest = {
  $id: 'content.search',
  type: 'object',
  additionalProperties: false,
  required: ['keyword'],
  properties: { keyword: { type: 'string', title: '搜索关键词', minLength: 1, maxLength: SEARCH_KEYWORD_MAX }, cursor, limit: limit(20) },
} as const;
export type SearchRequest = FromSchema<typeof searchRequest>;

export const mySignupsRequest = {
  $id: 'content.mySignups',
  type: 'object',
  additionalProperties: false,
  properties: { cursor, limit: limit(30) },
} as const;
export type MySignupsRequest = FromSchema<typeof mySignupsRequest>;

// ---- Union admins -------------------------------------------------------------------------

export const activityInput = {
  type: 'object',
  title: '活动信息',
  additionalProperties: false,
  required: ['startAt', 'place'],
  properties: {
    startAt: wallClock('活动开始时间'),
    endAt: wallClock('活动结束时间'),
    place: { type: 'string', title: '活动地点', minLength: 2, maxLength: 60 },
    /** Optional map position of the place (查看位置 opens the map) and a phone for questions. */
    location: geoPointSchema,
    phone: { ...venuePhoneSchema, title: '咨询电话' },
    signupEnabled: { type: 'boolean', title: '线上报名' },
    capacity: { type: 'integer', title: '报名名额', minimum: 1, maximum: 100000 },
    deadline: wallClock('报名截止时间'),
  },
} as const;

export const adminSaveRequest = {
  $id: 'content.adminSave',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'kind', 'title', 'bodyHtml'],
  properties: {
    /** Absent: a new draft. Present: edit that post (a new revision). */
    id: id('内容编号'),
    unionId: id('发布工会'),
    kind: { type: 'string', title: '内容类型', enum: POST_KINDS },
    title: { type: 'string', title: '标题', minLength: 2, maxLength: 60 },
    summary: { type: 'string', title: '摘要', maxLength: 120 },
    cover: { type: 'string', title: '封面图片地址', maxLength: 500, pattern: '^(https://|http://|cloud://)[^\\s"<>]+$' },
    bodyHtml: { type: 'string', title: '正文', minLength: 1, maxLength: 50000 },
    activity: activityInput,
  },
} as const;
export type AdminSaveRequest = FromSchema<typeof adminSaveRequest>;

export const adminPublishRequest = {
  $id: 'content.adminPublish',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: id('内容编号'), at: wallClock('定时发布时间') },
} as const;
export type AdminPublishRequest = FromSchema<typeof adminPublishRequest>;

export const adminWithdrawRequest = {
  $id: 'content.adminWithdraw',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: id('内容编号'), reason: { type: 'string', title: '撤回原因', minLength: 1, maxLength: 100 } },
} as const;
export type AdminWithdrawRequest = FromSchema<typeof adminWithdrawRequest>;

export const adminListRequest = {
  $id: 'content.adminList',
  type: 'object',
  additionalProperties: false,
  properties: { status: { type: 'string', title: '状态', enum: POST_STATUSES }, cursor, limit: limit(30) },
} as const;
export type AdminListRequest = FromSchema<typeof adminListRequest>;

export const adminGetRequest = {
  $id: 'content.adminGet',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: id('内容编号') },
} as const;
export type AdminGetRequest = FromSchema<typeof adminGetRequest>;

export const adminRosterRequest = {
  $id: 'content.adminRoster',
  type: 'object',
  additionalProperties: false,
  required: ['postId'],
  properties: { postId: id('活动'), cursor, limit: limit(100) },
} as const;
export type AdminRosterRequest = FromSchema<typeof adminRosterRequest>;

export const adminCheckInRequest = {
  $id: 'content.adminCheckIn',
  type: 'object',
  additionalProperties: false,
  required: ['signupId'],
  properties: { signupId: { type: 'string', title: '报名记录', minLength: 1, maxLength: 140, pattern: '^[A-Za-z0-9_-]+$' } },
} as const;
export type AdminCheckInRequest = FromSchema<typeof adminCheckInRequest>;

export const adminFiguresRequest = {
  $id: 'content.adminFigures',
  type: 'object',
  additionalProperties: false,
  properties: { unionId: id('工会组织'), days: { type: 'integer', title: '统计天数', minimum: 7, maximum: 90 } },
} as const;
export type AdminFiguresRequest = FromSchema<typeof adminFiguresRequest>;

/** A cloud path to upload a post cover to (admins of that union only; see shared/files/images.ts). */
export const adminUploadSlotRequest = uploadSlotSchema('content.adminUploadSlot');
export type AdminUploadSlotRequest = FromSchema<typeof adminUploadSlotRequest>;

export const CONTENT_SCHEMAS = {
  'content.feed': feedRequest,
  'content.search': searchRequest,
  'content.get': getRequest,
  'content.follow': followRequest,
  'content.discover': discoverRequest,
  'content.unionPage': unionPageRequest,
  'content.signUp': signUpRequest,
  'content.cancelSignup': cancelSignupRequest,
  'content.mySignups': mySignupsRequest,
  'content.adminSave': adminSaveRequest,
  'content.adminPublish': adminPublishRequest,
  'content.adminWithdraw': adminWithdrawRequest,
  'content.adminList': adminListRequest,
  'content.adminGet': adminGetRequest,
  'content.adminRoster': adminRosterRequest,
  'content.adminCheckIn': adminCheckInRequest,
  'content.adminFigures': adminFiguresRequest,
  'content.adminUploadSlot': adminUploadSlotRequest,
} as const;
