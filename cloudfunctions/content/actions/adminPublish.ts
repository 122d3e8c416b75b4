import { ok } from '../../../shared/envelope';
import type { AdminPublishRequest } from '../../../shared/content/schemas';
import type { AdminPublishResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertCanPublishFor, loadPost, requireAdmin } from '../lib/access';
import { adminView } from '../lib/present';
import { recordRevision } from '../lib/revisions';
import { announcePost } from '../lib/schedule';
import { wallClock } from '../lib/time';

/**
 * Publish now, or schedule (`at`, Beijing time, in the future): the `publishDue` timer publishes
 * scheduled posts when their time comes; until then no feed shows them. Publishing an already
 * published post changes nothing (a retry).
 */
export const adminPublish = userAction<AdminPublishRequest, AdminPublishResult>('content.adminPublish', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const post = await loadPost(ctx, input.id);
  assertCanPublishFor(admin, post.unionId);
  if (post.status === 'withdrawn') throw new AppFailure('POST_WITHDRAWN');
  if (post.status === 'published') return ok({ post: adminView(post) });
  const now = ctx.now();
  const at = input.at ? wallClock(input.at) : null;
  if (at && at.getTime() <= now.getTime()) throw new AppFailure('SCHEDULE_IN_PAST');
  if (post.activity && (at ?? now).getTime() >= new Date(post.activity.startAt).getTime()) {
    throw new AppFailure('POST_TIME_INVALID', '活动开始后不能再发布，请修改活动时间');
  }
  const _ = ctx.db.command;
  const patch = at
    ? { status: 'scheduled', publishAt: at, version: _.inc(1), updatedAt: now, updatedBy: ctx.openid }
    : { status: 'published', publishAt: null, publishedAt: now, version: _.inc(1), updatedAt: now, updatedBy: ctx.openid };
  const res = await ctx.db.collection(C.posts).where({ _id: post._id, version: post.version, status: post.status }).update(patch);
  if (res.updated !== 1) throw new AppFailure('CONFLICT');
  const fresh = await loadPost(ctx, post._id);
  await recordRevision(ctx, fresh, at ? 'schedule' : 'publish', admin.user.nameMasked);
  await announcePost(ctx, fresh);
  return ok({ post: adminView(fresh) });
});
