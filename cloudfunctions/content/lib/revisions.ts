import { C } from '../../_lib/collections';
import type { UserContext } from '../../_lib/router';
import type { PostDoc, RevisionDoc } from './docs';

export const REVISION_LABELS: Record<RevisionDoc['action'], string> = {
  create: '创建草稿',
  edit: '编辑内容',
  publish: '发布',
  schedule: '设置定时发布',
  withdraw: '撤回',
};

/** One history entry per version of the post (a snapshot of what members would read). */
export async function recordRevision(ctx: UserContext, post: PostDoc, action: RevisionDoc['action'], byName: string): Promise<void> {
  const doc: RevisionDoc = {
    _id: `${post._id}_${post.version}`,
    postId: post._id,
    version: post.version,
    action,
    title: post.title,
    summary: post.summary,
    body: post.body,
    activity: post.activity,
    by: ctx.openid,
    byName,
    at: ctx.now(),
  };
  try {
    await ctx.db.collection(C.postRevisions).add(doc);
  } catch (err) {
    // A retried request re-records the same version: the first record stands.
    if ((err as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw err;
  }
}
