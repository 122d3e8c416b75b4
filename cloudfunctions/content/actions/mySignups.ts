import { ok } from '../../../shared/envelope';
import type { MySignupsRequest } from '../../../shared/content/schemas';
import { SIGNUP_STATUS_LABELS, type MySignupsResult } from '../../../shared/content/views';
import { encodeCursor } from '../../../shared/content/cursor';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { PostDoc, SignupDoc } from '../lib/docs';
import { afterCursor } from '../lib/feed';
import { postCard } from '../lib/present';

/** 我的报名: my current sign-ups and waitlist places, newest first (withdrawn activities left out). */
export const mySignups = userAction<MySignupsRequest, MySignupsResult>('content.mySignups', async (input, ctx) => {
  const _ = ctx.db.command;
  const limit = input.limit ?? 20;
  const res = await ctx.db
    .collection(C.activitySignups)
    .where(afterCursor(ctx, { openid: ctx.openid, status: _.in(['signed', 'waitlisted']) }, 'createdAt', input.cursor))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get();
  const docs = res.data as SignupDoc[];
  const page = docs.slice(0, limit);
  const postIds = [...new Set(page.map((s) => s.postId))];
  const posts = postIds.length
    ? ((
        await ctx.db
          .collection(C.posts)
          .where({ _id: _.in(postIds) })
          .field({ body: false })
          .limit(postIds.length)
          .get()
      ).data as PostDoc[])
    : [];
  const byId = new Map(posts.map((p) => [p._id, p]));
  const now = ctx.now();
  const last = page[page.length - 1];
  return ok({
    items: page
      .filter((s) => byId.get(s.postId)?.status === 'published')
      .map((s) => ({
        id: s._id,
        status: s.status as 'signed' | 'waitlisted',
        statusLabel: SIGNUP_STATUS_LABELS[s.status],
        checkedIn: !!s.checkedInAt,
        post: postCard(byId.get(s.postId)!, s, now),
      })),
    nextCursor: docs.length > limit && last ? encodeCursor(new Date(last.createdAt), last._id) : null,
  });
});
