/**
 * Stored shapes more than one function reads: `users/<openid>` (identity, membership, admin
 * rights, follows), `members/<idHash>` (the union's roster: day-care staff and recuperation
 * nominations look members up by card) and the union tree. Written by the membership function.
 * One shape per collection: a domain that reads a few fields reads them from these types.
 */
import type { CardStatus, MemberStatus } from '../../shared/member/schemas';
import type { MemberTag } from '../../shared/member/tags';
import type { UnionKind, UnionLevel } from '../../shared/union/tree';

/** `users/<openid>`: the contract other functions read. */
export interface UserDoc {
  _id: string;
  openid: string;
  nameMasked: string;
  memberStatus: MemberStatus;
  unionId: string | null;
  unionAncestors: string[];
  tags: MemberTag[];
  cardNo: string | null;
  adminUnionIds: string[];
  follows: string[];
  /** `members/<idHash>` once verified. */
  memberId?: string | null;
  /**
   * Set by requireAdmin the first time the user acts as an admin, never cleared: 注销账号 rewrites
   * the union's records a user acted in (member/lib/deletion/records.ts) only when it is set.
   */
  actedAsAdminAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

/** `members/<idHash>`. `openid` is null for an imported member who has not claimed yet. */
export interface MemberDoc {
  _id: string;
  cardNo: string;
  status: CardStatus;
  nameMasked: string;
  nameHash: string;
  idMasked: string;
  phoneMasked: string | null;
  phoneHash: string | null;
  employer: string;
  unionId: string;
  unionAncestors: string[];
  tags: MemberTag[];
  source: 'application' | 'import';
  openid: string | null;
  joinedAt: Date;
  createdBy: string;
  /** The member.adminImport request that wrote it (a resend of that import counts it as imported again, not as on file). */
  importRequestId?: string | null;
  claimedAt?: Date | null;
  /** The request of member.claim that linked the record (a resend of it is answered, not re-applied). */
  claimRequestId?: string | null;
  /** When the linked WeChat user deleted their account (注销): the record was unlinked (openid null), not deleted. */
  unlinkedAt?: Date | null;
  /**
   * The last suspension / reinstatement (member.adminSetStatus): who (admin openid and masked
   * name), when, why, under which requestId (a retry of that request is answered, not re-applied),
   * and how many changes so far (the audit entry's id). Absent until the first change.
   */
  statusChangedAt?: Date | null;
  statusChangedBy?: string | null;
  statusChangedByName?: string | null;
  statusChangedReason?: string | null;
  statusRequestId?: string | null;
  statusVersion?: number;
  /**
   * The last change of tags or union (member.adminUpdateMember), kept like the status fields:
   * who, when, the note, the requestId (a retry is answered, not re-applied) and how many such
   * changes so far (the audit entry's id `<memberId>_u<infoVersion>`). Absent until the first.
   */
  infoChangedAt?: Date | null;
  infoChangedBy?: string | null;
  infoChangedByName?: string | null;
  infoNote?: string | null;
  infoRequestId?: string | null;
  infoVersion?: number;
}

/** The one builder of a users document for someone who is not (yet) a member (a guest who follows a union, an applicant). */
export function newUserDoc(openid: string, nameMasked: string, now: Date): Omit<UserDoc, '_id'> {
  return {
    openid,
    nameMasked,
    memberStatus: 'none',
    unionId: null,
    unionAncestors: [],
    tags: [],
    cardNo: null,
    adminUnionIds: [],
    follows: [],
    memberId: null,
    createdAt: now,
    updatedAt: now,
  };
}

export interface UnionDoc {
  _id: string;
  code: string;
  name: string;
  level: UnionLevel;
  kind: UnionKind | null;
  parentId: string | null;
  ancestors: string[];
  address: string;
}
