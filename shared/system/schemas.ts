import type { FromSchema } from 'json-schema-to-ts';

/** system.homeSummary: what the home page strip shows. Takes no input. */
export const homeSummaryRequest = {
  $id: 'system.homeSummary',
  type: 'object',
  additionalProperties: false,
  properties: {},
} as const;
export type HomeSummaryRequest = FromSchema<typeof homeSummaryRequest>;

export type ViewerRole = 'guest' | 'applicant' | 'member' | 'union_admin';

export interface HomeNotice {
  id: string;
  title: string;
  unionName: string;
  publishedAt: string; // ISO instant
}

export interface HomeSummary {
  serverTime: number; // epoch ms, for client clock offsets
  viewer: {
    displayName: string; // masked
    role: ViewerRole;
    roleLabel: string; // Chinese
    unionName: string | null;
  };
  notices: HomeNotice[];
  /** Platform-wide public figures (the home page). */
  stats: { unions: number; members: number };
  /**
   * For a union admin only: the same figures within the unions they administer (their
   * subtrees), for 工会工作台. Null for everyone else. An admin never sees figures of unions
   * outside their subtree here.
   */
  scope: { name: string; unions: number; members: number } | null;
}

/** system.notice: one 工会通知 (opened from the home page). Public, like the home strip. */
export const noticeRequest = {
  $id: 'system.notice',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
export type NoticeRequest = FromSchema<typeof noticeRequest>;

export interface NoticeDetail extends HomeNotice {
  /** Plain-text paragraphs (no markup); empty when the notice has only a title. */
  paragraphs: string[];
}

/** system.serverTime: the server clock, for countdown offsets. */
export const serverTimeRequest = {
  $id: 'system.serverTime',
  type: 'object',
  additionalProperties: false,
  properties: {},
} as const;
export type ServerTimeRequest = FromSchema<typeof serverTimeRequest>;
export interface ServerTime {
  serverTime: number;
}
