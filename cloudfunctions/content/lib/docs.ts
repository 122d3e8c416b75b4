/** Stored shapes of the content collections (docs/content.md). */
import type { RichNode } from '../../../shared/content/richText';
import type { GeoPoint } from '../../../shared/venue/schemas';
import type { PostKind, PostStatus, SignupStatus } from '../../../shared/content/views';

export interface ActivityDoc {
  startAt: Date;
  endAt: Date | null;
  place: string;
  /** Optional map position and phone (absent on posts saved before they existed). */
  location?: GeoPoint | null;
  phone?: string | null;
  /** Null: no online sign-up (线下自由参加). */
  signup: { capacity: number; deadline: Date } | null;
}

/** `posts/<id>`. `remaining` is top-level: sign-ups take places with a conditional update on it. */
export interface PostDoc {
  _id: string;
  unionId: string;
  unionName: string;
  unionAncestors: string[];
  kind: PostKind;
  title: string;
  summary: string;
  cover: string | null;
  body: RichNode[];
  status: PostStatus;
  /** Scheduled publishing time (status 'scheduled'). */
  publishAt: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  activity: ActivityDoc | null;
  remaining: number;
  waitlisted: number;
  /**
   * When `remaining` or `waitlisted` last changed (set in the same update). Missing or null: never
   * changed since creation. The `recountPlaces` timer waits for it to be quiet.
   */
  placesChangedAt?: Date | null;
  checkedIn: number;
  readCount: number;
  /** When the 24-hour reminder went to signed-up members (activities only). */
  remindedAt?: Date | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export interface RevisionDoc {
  _id: string;
  postId: string;
  version: number;
  action: 'create' | 'edit' | 'publish' | 'schedule' | 'withdraw';
  title: string;
  summary: string;
  body: RichNode[];
  activity: ActivityDoc | null;
  by: string;
  byName: string;
  at: Date;
}

/** `activity_signups/<postId>_<openid>`: one per member per activity, reused after a cancel. */
export interface SignupDoc {
  _id: string;
  postId: string;
  openid: string;
  unionId: string;
  nameMasked: string;
  status: SignupStatus;
  /** When this sign-up (or re-sign-up) was made: the waitlist order. */
  createdAt: Date;
  updatedAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  /** The opaque key rosters show instead of `_id` (lib/ids.ts rosterKeyOf); absent on sign-ups made before it existed until a roster lists them. */
  rosterKey?: string;
  /** The request that made (or re-made) it: a resend of that request is answered as the first time (absent on older sign-ups). */
  requestId?: string;
}

export interface UnionStatsDoc {
  _id: string;
  followers: number;
  recountedAt?: Date;
}

export interface FollowDayDoc {
  _id: string;
  unionId: string;
  day: string; // YYYY-MM-DD (Asia/Shanghai)
  follows: number;
  unfollows: number;
}
