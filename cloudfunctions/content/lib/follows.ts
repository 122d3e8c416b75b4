/**
 * Follows live on the user (`users.follows`, the contract other domains read; membership adds
 * the member's own chain on approval). Follower counts are a counter per union
 * (`union_stats.followers`) moved only when a follow really changed the user's list: the
 * conditional update (`follows` does / does not contain the union) answers updated === 1 once,
 * so repeated taps and retries count once. Each change is also added to the day's bucket
 * (`union_follow_days`) for the growth figure. The nightly `recountFollowers` re-counts from
 * `users` (follows added by membership approval do not pass through here).
 */
import { inBusinessTz } from '../../../shared/time';
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import { isDuplicate } from './ids';

async function upsertInc(
  ctx: BaseContext,
  collection: string,
  id: string,
  inc: Record<string, number>,
  seed: Record<string, unknown>,
): Promise<void> {
  const _ = ctx.db.command;
  const update: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inc)) update[k] = _.inc(v);
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await ctx.db.collection(collection).where({ _id: id }).update(update);
    if (res.updated === 1) return;
    try {
      await ctx.db.collection(collection).add({ _id: id, ...seed, ...inc });
      return;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
  }
}

export function dayKey(at: Date): string {
  return inBusinessTz(at).format('YYYY-MM-DD');
}

export async function countFollowChange(ctx: BaseContext, unionId: string, follow: boolean, by = 1): Promise<void> {
  const day = dayKey(ctx.now());
  await upsertInc(ctx, C.unionStats, unionId, { followers: follow ? by : -by }, {});
  await upsertInc(
    ctx,
    C.unionFollowDays,
    `${unionId}_${day.replace(/-/g, '')}`,
    follow ? { follows: by, unfollows: 0 } : { follows: 0, unfollows: by },
    { unionId, day },
  );
}

export async function followerCounts(ctx: BaseContext, unionIds: string[]): Promise<Map<string, number>> {
  if (unionIds.length === 0) return new Map();
  const res = await ctx.db
    .collection(C.unionStats)
    .where({ _id: ctx.db.command.in(unionIds) })
    .limit(Math.min(1000, unionIds.length))
    .get();
  return new Map((res.data as Array<{ _id: string; followers?: number }>).map((d) => [d._id, Math.max(0, d.followers ?? 0)]));
}
