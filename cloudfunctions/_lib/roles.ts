/**
 * Who the caller is, looked up on the server for every action. Admin rights are the user's
 * `adminUnionIds`; an admin acts on those unions and their subtrees only (shared/union/tree.ts).
 */
import { AppFailure, type UserContext } from './router';
import { C } from './collections';
import { verifiedMemberRefusal } from '../../shared/member/schemas';
import { isInScope } from '../../shared/union/tree';
import type { UserDoc } from './docs';

export async function loadUser(ctx: UserContext): Promise<UserDoc | null> {
  const res = await ctx.db.collection(C.users).doc(ctx.openid).get();
  return (res.data[0] as UserDoc | undefined) ?? null;
}

/**
 * The caller's user document when they are a verified member; otherwise MEMBER_NOT_VERIFIED with
 * the suspended-card text or the domain's own "please join first" (`words.join`).
 */
export async function requireVerifiedMember(ctx: UserContext, words: { doing: string; join: string }): Promise<UserDoc> {
  const user = await loadUser(ctx);
  const refusal = verifiedMemberRefusal(user, words);
  if (refusal !== null || !user) throw new AppFailure('MEMBER_NOT_VERIFIED', refusal ?? words.join);
  return user;
}

export interface Admin {
  user: UserDoc;
  unionIds: string[];
}

export async function requireAdmin(ctx: UserContext): Promise<Admin> {
  const user = await loadUser(ctx);
  const unionIds = user?.adminUnionIds ?? [];
  if (!user || unionIds.length === 0) throw new AppFailure('NOT_UNION_ADMIN');
  if (!user.actedAsAdminAt) {
    // Once per admin, ever: lets 注销账号 skip scanning the union's records for everyone else.
    await ctx.db.collection(C.users).doc(ctx.openid).update({ actedAsAdminAt: ctx.now() });
  }
  return { user, unionIds };
}

/** Fails OUT_OF_SCOPE unless the record (by its union's ancestors) is in the admin's subtree. */
export function assertInScope(admin: Admin, targetAncestors: readonly string[]): void {
  if (!isInScope(admin.unionIds, targetAncestors)) throw new AppFailure('OUT_OF_SCOPE');
}
