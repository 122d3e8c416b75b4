/**
 * Who may do what with posts. Publishing (create, edit, publish, schedule) is for the admins of
 * the post's own union: a district admin speaks for 北仑区总工会, not for a street union under
 * it or for the city. Oversight (withdraw, roster, check-in, figures) follows the platform's
 * scope rule: the admin's union and its subtree.
 */
import { AppFailure, type UserContext } from '../../_lib/router';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin, type Admin } from '../../_lib/roles';
import type { UnionDoc } from '../../_lib/docs';
import type { PostDoc } from './docs';

export { requireAdmin, type Admin };

export function assertCanPublishFor(admin: Admin, unionId: string): void {
  if (!admin.unionIds.includes(unionId)) throw new AppFailure('PUBLISH_OWN_UNION_ONLY');
}

export function assertCanOversee(admin: Admin, post: Pick<PostDoc, 'unionAncestors'>): void {
  assertInScope(admin, post.unionAncestors);
}

export async function loadUnion(ctx: UserContext, unionId: string): Promise<UnionDoc> {
  const res = await ctx.db.collection(C.unions).doc(unionId).get();
  const union = res.data[0] as UnionDoc | undefined;
  if (!union) throw new AppFailure('UNION_NOT_FOUND');
  return union;
}

export async function loadPost(ctx: UserContext, id: string): Promise<PostDoc> {
  const res = await ctx.db.collection(C.posts).doc(id).get();
  const post = res.data[0] as PostDoc | undefined;
  if (!post) throw new AppFailure('POST_NOT_FOUND');
  return post;
}

/** A post members may see: published (drafts, scheduled and withdrawn posts are not found). */
export async function loadPublished(ctx: UserContext, id: string): Promise<PostDoc> {
  const post = await loadPost(ctx, id);
  if (post.status !== 'published') throw new AppFailure('POST_NOT_FOUND');
  return post;
}
