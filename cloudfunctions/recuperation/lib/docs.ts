/**
 * Stored shapes of the recuperation collections (see docs/recuperation.md). Money is integer 分.
 * Applications keep the member's masked name and tags as they were when they applied (the
 * ranking an admin saw stays explainable); no other personal data is stored.
 */
import type { MemberTag } from '../../../shared/member/tags';
import type { GeoPoint } from '../../../shared/venue/schemas';
import type { BatchStatus } from '../../../shared/recuperation/batch';
import type { ScoreLine } from '../../../shared/recuperation/priority';
import type { ApplicationStatus, SubsidyStatus } from '../../../shared/recuperation/schemas';
import type { Ownership, Share } from '../../../shared/recuperation/settings';

export interface VenueDoc {
  _id: string;
  name: string;
  location: string;
  /** Optional (absent on venues saved before they existed). */
  address?: string | null;
  position?: GeoPoint | null;
  phone?: string | null;
  rooms: number | null;
  description: string;
  ownerUnionId: string;
  ownerAncestors: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface BatchDoc {
  _id: string;
  title: string;
  venueId: string;
  venueName: string;
  venueLocation: string;
  ownerUnionId: string;
  ownerAncestors: string[];
  startDate: string;
  days: number;
  year: number;
  capacity: number;
  /** Capacity counter: decremented conditionally by each approval (never below 0). */
  seatsLeft: number;
  costFen: number;
  status: BatchStatus;
  createdBy: string;
  createdAt: Date;
  closedAt: Date | null;
}

/** `recu_units/<unionId>`: the unit's settings. */
export interface UnitDoc {
  _id: string;
  unionAncestors: string[];
  quota: number;
  staffCount: number;
  ownership: Ownership;
  costCapFen: number | null;
  leaderShare: Share;
  noRepeatYears: number;
  staffShare: Share;
  updatedAt: Date;
  updatedBy: string;
}

/** `recu_counters/year_<unionId>_<year>`. */
export interface YearCounterDoc {
  _id: string;
  unionId: string;
  year: number;
  /** The limit it was last set for: min(quota, staff share). */
  limit: number;
  placesLeft: number;
  approved: number;
}

/** `recu_counters/roster_<batchId>_<unionId>`: the unit's approved members and leaders on the batch. */
export interface RosterCounterDoc {
  _id: string;
  approved: number;
  leaders: number;
}

export interface ApplicationDoc {
  _id: string;
  year: number;
  /** `users.memberId` (the member record) or, failing that, the openid: the person, across years. */
  memberKey: string;
  openid: string;
  memberId: string | null;
  nameMasked: string;
  tags: MemberTag[];
  isLeader: boolean;
  unionId: string;
  unionAncestors: string[];
  batchId: string;
  score: number;
  scoreLines: ScoreLine[];
  status: ApplicationStatus;
  source: 'self' | 'nominated';
  nominatedBy: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  refuseReason: string | null;
  costFen: number;
  /** The request that wrote (or reopened) it; a resend of it by the same caller is answered with it (absent on older documents). */
  requestId?: string;
}

export interface SubsidyDoc {
  _id: string;
  unionId: string;
  unionAncestors: string[];
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
  rejectReason: string | null;
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}
