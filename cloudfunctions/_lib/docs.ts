/**
 * Stored shapes every function reads: `users/<openid>` (identity, membership, admin rights,
 * follows) and the union tree. Written by the membership function; read by all domains.
 */
import type { MemberStatus } from '../../shared/member/schemas';
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
