/** Responses of the `content` function (what pages render). */
import type { RichNode } from './richText';
import type { GeoPoint } from '../venue/schemas';

export type PostKind = 'article' | 'activity';
export type PostStatus = 'draft' | 'scheduled' | 'published' | 'withdrawn';
export type SignupStatus = 'signed' | 'waitlisted' | 'cancelled';
/** open: places left · full: waitlist (候补) only · closed: deadline passed · none: no online sign-up. */
export type SignupState = 'open' | 'full' | 'closed' | 'none';

export const KIND_LABELS: Record<PostKind, string> = { article: '资讯', activity: '活动' };
export const STATUS_LABELS: Record<PostStatus, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布', withdrawn: '已撤回' };
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = { signed: '已报名', waitlisted: '候补中', cancelled: '已取消' };
export const SIGNUP_STATE_LABELS: Record<SignupState, string> = { open: '报名中', full: '已满', closed: '报名已截止', none: '无需报名' };

export interface UnionBrief {
  id: string;
  name: string;
}

export interface SignupInfo {
  capacity: number;
  remaining: number;
  signedUp: number;
  waitlisted: number;
  deadline: string; // ISO
  state: SignupState;
  stateLabel: string;
}

export interface ActivityInfo {
  startAt: string; // ISO
  endAt: string | null;
  place: string;
  /** Map position of the place, null when the union gave none (the page then offers to copy the place). */
  location: GeoPoint | null;
  /** A phone for questions about the activity, or null. */
  phone: string | null;
  signup: SignupInfo | null;
  /** The caller's sign-up (null when none or cancelled). */
  mine: { id: string; status: Exclude<SignupStatus, 'cancelled'>; statusLabel: string; checkedIn: boolean } | null;
}

export interface PostCard {
  id: string;
  kind: PostKind;
  kindLabel: string;
  title: string;
  summary: string;
  cover: string | null;
  union: UnionBrief;
  publishedAt: string; // ISO
  readCount: number;
  activity: ActivityInfo | null;
}

export interface PostDetail extends PostCard {
  body: RichNode[];
  following: boolean;
}

export interface FeedResult {
  items: PostCard[];
  nextCursor: string | null;
  /** How many unions the caller follows (0: the page suggests unions to follow). */
  following: number;
}
export interface GetResult {
  post: PostDetail;
}
export interface FollowResult {
  unionId: string;
  following: boolean;
  followers: number;
}
export interface UnionCard {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  followers: number;
  following: boolean;
  /** Part of the caller's own chain (followed by default). */
  ownChain: boolean;
}
export interface DiscoverResult {
  unions: UnionCard[];
}
export interface UnionPageResult {
  union: UnionCard;
  posts: PostCard[];
  nextCursor: string | null;
  postCount: number;
}
export interface SignUpResult {
  status: Exclude<SignupStatus, 'cancelled'>;
  statusLabel: string;
  /** Waitlist position (1 = next to be promoted), when waitlisted. */
  position: number | null;
  /** True when the caller was already signed up / waitlisted (a second tap, another device); false again for a resend of the request that signed them up. */
  already: boolean;
  activity: ActivityInfo;
}
export interface CancelSignupResult {
  cancelled: boolean;
  activity: ActivityInfo;
}
export interface MySignupItem {
  id: string;
  status: Exclude<SignupStatus, 'cancelled'>;
  statusLabel: string;
  checkedIn: boolean;
  post: PostCard;
}
export interface MySignupsResult {
  items: MySignupItem[];
  nextCursor: string | null;
}

// ---- Admin --------------------------------------------------------------------------------

export interface AdminPostView {
  id: string;
  kind: PostKind;
  status: PostStatus;
  statusLabel: string;
  union: UnionBrief;
  title: string;
  summary: string;
  cover: string | null;
  /** The stored (sanitised) body, serialised back to HTML for the editor. */
  bodyHtml: string;
  body: RichNode[];
  activity: {
    startAt: string; // Beijing wall clock "YYYY-MM-DD HH:mm", as the form edits it
    endAt: string | null;
    place: string;
    location: GeoPoint | null;
    phone: string | null;
    signupEnabled: boolean;
    capacity: number | null;
    deadline: string | null;
  } | null;
  publishAt: string | null; // ISO (scheduled)
  publishedAt: string | null;
  withdrawnAt: string | null;
  version: number;
  readCount: number;
  signedUp: number;
  waitlisted: number;
  updatedAt: string;
}
export interface AdminSaveResult {
  post: AdminPostView;
  /** True when the sanitiser removed something from the submitted body. */
  sanitized: boolean;
}
export interface AdminPublishResult {
  post: AdminPostView;
}
export interface AdminListResult {
  items: AdminPostView[];
  nextCursor: string | null;
  /** The unions this admin may publish for. */
  unions: UnionBrief[];
}
export interface RevisionView {
  version: number;
  action: string;
  actionLabel: string;
  title: string;
  at: string;
  by: string; // masked name
}
export interface AdminGetResult {
  post: AdminPostView;
  revisions: RevisionView[];
}
export interface RosterItem {
  id: string;
  nameMasked: string;
  status: Exclude<SignupStatus, 'cancelled'>;
  statusLabel: string;
  createdAt: string;
  checkedInAt: string | null;
}
export interface AdminRosterResult {
  post: { id: string; title: string; capacity: number; remaining: number };
  items: RosterItem[];
  nextCursor: string | null;
  counts: { signed: number; waitlisted: number; checkedIn: number };
}
export interface AdminCheckInResult {
  item: RosterItem;
  already: boolean;
}
export interface PostFigure {
  id: string;
  title: string;
  kind: PostKind;
  publishedAt: string;
  reads: number;
  signedUp: number;
  waitlisted: number;
  checkedIn: number;
}
export interface FollowerDay {
  day: string; // YYYY-MM-DD
  follows: number;
  unfollows: number;
  net: number;
}
export interface AdminFiguresResult {
  union: UnionBrief;
  posts: PostFigure[];
  followers: { total: number; days: FollowerDay[] };
}
