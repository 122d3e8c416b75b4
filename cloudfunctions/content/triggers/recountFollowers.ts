import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';
import { countFollowChange, followerCounts } from '../lib/follows';

/**
 * Timer `recountFollowers` (nightly 02:30): recounts each union's followers from `users.follows`
 * (indexed). Follows that did not pass through `content.follow` (membership adds a member's own
 * chain on approval) are booked into the day's growth as follows, so the counter and the growth
 * figure match the users collection again.
 */
export const recountFollowers: TriggerHandler = async (ctx) => {
  const res = await ctx.db.collection(C.unions).field({ _id: true }).limit(1000).get();
  const ids = (res.data as Array<{ _id: string }>).map((u) => u._id);
  const counters = await followerCounts(ctx, ids);
  let corrected = 0;
  for (const id of ids) {
    const actual = (await ctx.db.collection(C.users).where({ follows: id }).count()).total ?? 0;
    const diff = actual - (counters.get(id) ?? 0);
    if (diff === 0) continue;
    await countFollowChange(ctx, id, diff > 0, Math.abs(diff));
    corrected++;
  }
  return ok({ unions: ids.length, corrected });
};
