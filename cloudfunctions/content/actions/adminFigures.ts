import { ok } from '../../../shared/envelope';
import type { AdminFiguresRequest } from '../../../shared/content/schemas';
import type { AdminFiguresResult, FollowerDay } from '../../../shared/content/views';
import { inBusinessTz } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { assertInScope } from '../../_lib/roles';
import { loadUnion, requireAdmin } from '../lib/access';
import type { FollowDayDoc, PostDoc } from '../lib/docs';
import { followerCounts } from '../lib/follows';

/** 数据统计: reads and sign-ups of the union's latest posts, follower total and daily growth. */
export const adminFigures = userAction<AdminFiguresRequest, AdminFiguresResult>('content.adminFigures', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await loadUnion(ctx, input.unionId ?? admin.unionIds[0]);
  assertInScope(admin, union.ancestors);
  const days = input.days ?? 14;
  const today = inBusinessTz(ctx.now()).startOf('day');
  const from = today.subtract(days - 1, 'day').format('YYYY-MM-DD');
  const _ = ctx.db.command;
  const [postsRes, dayRes, counts] = await Promise.all([
    ctx.db
      .collection(C.posts)
      .where({ unionId: union._id, status: 'published' })
      .field({ body: false })
      .orderBy('publishedAt', 'desc')
      .limit(20)
      .get(),
    ctx.db
      .collection(C.unionFollowDays)
      .where({ unionId: union._id, day: _.gte(from) })
      .limit(100)
      .get(),
    followerCounts(ctx, [union._id]),
  ]);
  const byDay = new Map((dayRes.data as FollowDayDoc[]).map((d) => [d.day, d]));
  const series: FollowerDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = today.subtract(i, 'day').format('YYYY-MM-DD');
    const d = byDay.get(day);
    const follows = d?.follows ?? 0;
    const unfollows = d?.unfollows ?? 0;
    series.push({ day, follows, unfollows, net: follows - unfollows });
  }
  return ok({
    union: { id: union._id, name: union.name },
    posts: (postsRes.data as PostDoc[]).map((p) => ({
      id: p._id,
      title: p.title,
      kind: p.kind,
      publishedAt: new Date(p.publishedAt ?? p.createdAt).toISOString(),
      reads: p.readCount ?? 0,
      signedUp: p.activity?.signup ? p.activity.signup.capacity - p.remaining : 0,
      waitlisted: p.waitlisted ?? 0,
      checkedIn: p.checkedIn ?? 0,
    })),
    followers: { total: counts.get(union._id) ?? 0, days: series },
  });
});
