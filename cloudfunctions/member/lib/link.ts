/**
 * Linking a WeChat user to a member record (on approval and on claim): the `users/<openid>`
 * document gets the membership facts other functions read, and the default follows (the
 * member's own union chain, for the feed). Runs inside the caller's transaction.
 */
import { defaultFollows } from '../../../shared/union/tree';
import type { MemberStatus } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import type { MemberDoc, UserDoc } from './docs';
import { txGet, type Tx } from './tx';

/** The user's status for a linked member: a card the union revoked links as `suspended`. */
export function linkedStatus(member: Pick<MemberDoc, 'status'>): Extract<MemberStatus, 'verified' | 'suspended'> {
  return member.status === 'revoked' ? 'suspended' : 'verified';
}

/** The user is linked to a member record (its card active or suspended). */
export function holdsMembership(user: Pick<UserDoc, 'memberStatus'> | null): boolean {
  return user?.memberStatus === 'verified' || user?.memberStatus === 'suspended';
}

/**
 * Inside a transaction: the user this member record is linked to, when that user still holds
 * this membership (verified or suspended; not, e.g., someone who has since applied anew), else null.
 * Admin changes to a card (status, union, tags) write the user's copy only then.
 */
export async function linkedUserIn(tx: Tx, member: Pick<MemberDoc, '_id' | 'openid'>): Promise<UserDoc | null> {
  if (!member.openid) return null;
  const user = await txGet<UserDoc>(tx, C.users, member.openid);
  return user && user.memberId === member._id && holdsMembership(user) ? user : null;
}

/**
 * Link on approval and on claim. The status follows the card: claiming (or being approved for)
 * a record whose card is revoked must not make the user `verified` behind the union's back.
 */
export async function writeLinkedUser(tx: Tx, openid: string, user: UserDoc | null, member: MemberDoc, now: Date): Promise<void> {
  const facts = {
    nameMasked: member.nameMasked,
    memberStatus: linkedStatus(member),
    unionId: member.unionId,
    unionAncestors: member.unionAncestors,
    tags: member.tags,
    cardNo: member.cardNo,
    memberId: member._id,
    follows: defaultFollows(member.unionAncestors, user?.follows ?? []),
    updatedAt: now,
  };
  if (user) {
    await tx.collection(C.users).doc(openid).update(facts);
  } else {
    await tx
      .collection(C.users)
      .doc(openid)
      .set({ openid, adminUnionIds: [], createdAt: now, ...facts });
  }
}

export { newUserDoc } from '../../_lib/docs';
