/** Union look-ups the home-page features share (banners, contacts). */
import { C } from '../../_lib/collections';
import type { UnionDoc, UserDoc } from '../../_lib/docs';
import { AppFailure, type ActionContext } from '../../_lib/router';

export async function loadUnion(ctx: ActionContext, unionId: string): Promise<UnionDoc> {
  const res = await ctx.db.collection(C.unions).doc(unionId).get();
  const union = res.data[0] as UnionDoc | undefined;
  if (!union) throw new AppFailure('UNION_NOT_FOUND');
  return union;
}

/**
 * The chain of unions whose banners and contact the caller sees, own union first (root last):
 * a member's union and the unions above it; an admin without a union of their own, the first
 * union they administer; a guest (or a caller without identity), the top unions.
 */
export async function viewerChain(ctx: ActionContext): Promise<string[]> {
  let user: UserDoc | undefined;
  if (ctx.openid) user = (await ctx.db.collection(C.users).where({ _id: ctx.openid }).get()).data[0] as UserDoc | undefined;
  const own = user?.unionId ?? user?.adminUnionIds?.[0] ?? null;
  if (own) {
    const union = (await ctx.db.collection(C.unions).where({ _id: own }).get()).data[0] as UnionDoc | undefined;
    if (union) return [...union.ancestors].reverse();
  }
  const roots = await ctx.db.collection(C.unions).where({ parentId: null }).field({ _id: true }).limit(5).get();
  return (roots.data as Array<{ _id: string }>).map((u) => u._id);
}
