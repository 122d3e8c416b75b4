/** Stored shapes of the benefit collections (see docs/benefit.md). */
import type { ClaimStatus, DrawResult, DropKind, DropMode, ExpiryPolicy } from '../../../shared/benefit/schemas';
import type { MemberTag } from '../../../shared/member/tags';
import type { VenueInfo } from '../../../shared/venue/schemas';
export { isDuplicate } from '../../_lib/dbErrors';

/**
 * `drops/<dropId>`: immutable once published, except the bookkeeping fields at the end and one
 * change of status: 撤回 (`scheduled` → `cancelled`, benefit.adminCancel), only until
 * CANCEL_LEAD_MS before the opening, so every instance's cached copy shows it by then.
 */
export interface DropDoc {
  _id: string;
  unionId: string;
  unionName: string;
  /** The owning union's ancestors (root → self): admin scope of the drop and its claims. */
  unionAncestors: string[];
  title: string;
  kind: DropKind;
  picture: string | null;
  stock: number;
  perMemberLimit: number;
  mode: DropMode;
  requiredTags: MemberTag[];
  opensAt: Date;
  closesAt: Date;
  redeemBy: Date;
  registerOpensAt: Date | null;
  registerClosesAt: Date | null;
  expiryPolicy: ExpiryPolicy;
  /** Where and how to redeem (absent on drops published before venues existed, null when none). */
  venue?: VenueInfo | null;
  /** Number of stock shards `<dropId>_s0 … s(n-1)`. */
  shards: number;
  seedHash: string | null;
  status: 'scheduled' | 'drawing' | 'drawn' | 'cancelled';
  createdBy: string;
  createdAt: Date;
  // 撤回 (set together by one conditional update, benefit.adminCancel).
  cancelledAt?: Date | null;
  /** The admin's openid; `cancelledByName` their masked name for the admin list. */
  cancelledBy?: string | null;
  cancelledByName?: string | null;
  cancelReason?: string | null;
  cancelRequestId?: string | null;
  /** Draw mode: set by the `draw` timer once every registrant has been told (first-come: at once). */
  cancelNoticesDoneAt?: Date | null;
  // Bookkeeping (timers): draw results, claim-notice cursor, expiry done.
  drawnAt?: Date | null;
  registrants?: number | null;
  winners?: number | null;
  noticeCursor?: Date | null;
  expiredAt?: Date | null;
}

/** `drop_stock/<dropId>_s<i>`. */
export interface StockDoc {
  _id: string;
  dropId: string;
  shard: number;
  left: number;
  /** Units ever taken (only grows): orders take answers that arrive out of order. */
  taken?: number;
  /** Set by every successful take: when all shards reach 0, the latest one is the sell-out time. */
  lastTakenAt: Date | null;
}

/** `drop_claims/<dropId>_<openid>_<slot>`. */
export interface ClaimDoc {
  _id: string;
  dropId: string;
  openid: string;
  slot: number;
  requestId: string;
  code: string;
  status: ClaimStatus;
  via: DropMode;
  claimedAt: Date;
  redeemBy: Date;
  redeemedAt: Date | null;
  redeemedBy: string | null;
  /** Expired under the 'release' policy: the merchant is not charged for it. */
  released?: boolean;
  title: string;
  kind: DropKind;
  unionName: string;
  unionAncestors: string[];
  /** The drop's venue, copied at issue like the title: 我的福利 shows it without reading the drop. */
  venue?: VenueInfo | null;
}

/** `drop_registrations/<dropId>_<openid>`. */
export interface RegistrationDoc {
  _id: string;
  dropId: string;
  openid: string;
  entrantKey: string;
  requestId: string;
  registeredAt: Date;
  title: string;
  opensAt: Date;
  result: DrawResult | null;
  explain: string | null;
}

/** `drop_draws/<dropId>`: the public record of a draw. */
export interface DrawDoc {
  _id: string;
  dropId: string;
  seedHash: string;
  seed: string | null;
  stock: number;
  entrants: string[];
  winners: string[];
  drawnAt: Date | null;
}

/** `redemption_audit/<auto>`. */
export interface AuditDoc {
  code: string;
  claimId: string | null;
  dropId: string | null;
  by: string;
  at: Date;
  outcome: 'redeemed' | 'not_found' | 'already_redeemed' | 'expired' | 'out_of_scope' | 'member_suspended';
}

/** `drop_audit/<dropId>_<action>`: admin actions on a drop (撤回 for now), one document per action. */
export interface DropAuditDoc {
  _id: string;
  dropId: string;
  action: 'cancel';
  by: string;
  byName: string;
  at: Date;
  reason: string;
  requestId: string;
  /** The drop's union chain, for scope-filtered reading. */
  unionAncestors: string[];
  /** What the drop looked like when the action was taken. */
  before: { title: string; mode: string; stock: number; opensAt: Date; status: string };
}

/** `users/<openid>` (owned by membership): the one shape in _lib/docs.ts. */
export type { UserDoc } from '../../_lib/docs';

export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
export const ms = (v: Date | null | undefined): number | null => (v ? asDate(v).getTime() : null);
