/**
 * 首页轮播图 managed by unions (docs/content.md#banners). A union admin puts a banner up for the
 * admin's own union (a picture from the post-cover upload path, a title, a link that stays inside
 * the app, a time window); members see the banners of their own union and of the unions above it.
 * Schema-first (`as const`, FromSchema); times from forms are Beijing wall-clock strings.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { WALL_CLOCK_PATTERN } from '../validation/dates';

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) as const;
const wallClock = (title: string) => ({ type: 'string', title, pattern: WALL_CLOCK_PATTERN }) as const;

/** At most this many banners are live per union (the carousel stays short). */
export const BANNERS_PER_UNION_MAX = 5;
/** At most this many banners on the home carousel (own union first, then the unions above). */
export const CAROUSEL_MAX = 6;
/** The longest a banner may stay up (days): an old banner is taken down by its window, not forgotten. */
export const BANNER_WINDOW_MAX_DAYS = 92;

/**
 * Pages inside the app a banner may open (besides a post or a drop). Keys go over the wire; the
 * URL is resolved here, on both sides, so a banner can never carry a URL of its own.
 */
export const BANNER_PAGES = {
  join: { title: '入会', url: '/packages/member/join/index', tab: false },
  card: { title: '会员卡', url: '/packages/member/card/index', tab: false },
  benefits: { title: '周五福利', url: '/pages/benefits/index', tab: true },
  activities: { title: '活动', url: '/pages/activities/index', tab: true },
  daycare: { title: '暑托班', url: '/packages/daycare/index/index', tab: false },
  recuperation: { title: '疗休养', url: '/packages/recuperation/index/index', tab: false },
  faq: { title: '常见问题', url: '/packages/help/faq/index', tab: false },
  contact: { title: '联系工会', url: '/packages/help/contact/index', tab: false },
} as const;
export type BannerPageKey = keyof typeof BANNER_PAGES;
export const BANNER_PAGE_KEYS = Object.keys(BANNER_PAGES) as BannerPageKey[];

export const BANNER_LINK_KINDS = ['post', 'drop', 'page'] as const;
export type BannerLinkKind = (typeof BANNER_LINK_KINDS)[number];
export const BANNER_LINK_LABELS: Record<BannerLinkKind, string> = { post: '文章或活动', drop: '周五福利', page: '小程序页面' };

/** What a banner opens: a published post, a drop (the 福利 tab), or one of BANNER_PAGES. */
export interface BannerLink {
  kind: BannerLinkKind;
  /** Post id, drop id, or a BANNER_PAGES key. */
  id: string;
}

const link = {
  type: 'object',
  title: '链接',
  additionalProperties: false,
  required: ['kind', 'id'],
  properties: {
    kind: { type: 'string', title: '链接类型', enum: BANNER_LINK_KINDS },
    id: id('链接内容'),
  },
} as const;

/** system.banners: the carousel for the caller (own union and the unions above; guests: the top union). */
export const bannersRequest = { $id: 'system.banners', type: 'object', additionalProperties: false, properties: {} } as const;
export type BannersRequest = FromSchema<typeof bannersRequest>;

export interface BannerView {
  id: string;
  title: string;
  /** `cloud://` fileID or https URL (services/files imageSrc maps it for H5). */
  image: string;
  unionName: string;
  link: BannerLink;
}
export interface BannersResult {
  items: BannerView[];
}

/** system.adminBanners: the banners of the caller's subtree (or of one union in it), newest window first. */
export const adminBannersRequest = {
  $id: 'system.adminBanners',
  type: 'object',
  additionalProperties: false,
  properties: { unionId: id('工会组织') },
} as const;
export type AdminBannersRequest = FromSchema<typeof adminBannersRequest>;

export type BannerState = 'scheduled' | 'live' | 'ended';
export const BANNER_STATE_LABELS: Record<BannerState, string> = { scheduled: '未开始', live: '展示中', ended: '已结束' };

export interface AdminBannerView extends BannerView {
  unionId: string;
  startAt: string; // ISO instant
  endAt: string; // ISO instant
  state: BannerState;
  /** Position among its union's banners (0 first). */
  sort: number;
  /** What the link opens, in words ("文章：…", "福利：…", "页面：暑托班"). */
  linkLabel: string;
}
export interface AdminBannersResult {
  items: AdminBannerView[];
}

/** system.adminCreateBanner: a banner of a union the caller administers (like publishing a post). */
export const adminCreateBannerRequest = {
  $id: 'system.adminCreateBanner',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'title', 'image', 'link', 'startAt', 'endAt'],
  properties: {
    unionId: id('发布工会'),
    title: { type: 'string', title: '标题', minLength: 2, maxLength: 30 },
    image: { type: 'string', title: '图片', maxLength: 500, pattern: '^(https://|cloud://)[^\\s"<>]+$' },
    link,
    startAt: wallClock('开始展示时间'),
    endAt: wallClock('结束展示时间'),
  },
} as const;
export type AdminCreateBannerRequest = FromSchema<typeof adminCreateBannerRequest>;
export interface AdminBannerResult {
  banner: AdminBannerView;
}

/** system.adminRemoveBanner: take a banner of the caller's subtree down (deleted: it holds no personal data). */
export const adminRemoveBannerRequest = {
  $id: 'system.adminRemoveBanner',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: id('轮播图') },
} as const;
export type AdminRemoveBannerRequest = FromSchema<typeof adminRemoveBannerRequest>;
export interface AdminRemoveBannerResult {
  removed: boolean;
}

/** system.adminMoveBanner: swap a banner with its neighbour among its union's banners. */
export const adminMoveBannerRequest = {
  $id: 'system.adminMoveBanner',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'direction'],
  properties: { id: id('轮播图'), direction: { type: 'string', title: '移动方向', enum: ['up', 'down'] } },
} as const;
export type AdminMoveBannerRequest = FromSchema<typeof adminMoveBannerRequest>;

export const BANNER_SCHEMAS = {
  'system.banners': bannersRequest,
  'system.adminBanners': adminBannersRequest,
  'system.adminCreateBanner': adminCreateBannerRequest,
  'system.adminRemoveBanner': adminRemoveBannerRequest,
  'system.adminMoveBanner': adminMoveBannerRequest,
} as const;
