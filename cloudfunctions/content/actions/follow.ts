import { ok } from '../../../shared/envelope';
import type { FollowRequest } from '../../../shared/content/schemas';
import type { FollowResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { isDuplicate } from '../../_lib/dbErrors';
import { newUserDoc } from '../../_lib/docs';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { loadUnion } from '../lib/access';
import { MAX_FOLLOWS } from '../lib/feed';
import { countFollowChange, followerCounts } from '../lib/follows';

/** Follow or unfollow a union. Idempotent: the counter moves only when the list changed. */
export const follow = userAction<FollowRequest, FollowResult>('content.follow', async (input, ctx) => {
  await loadUnion(ctx, input.unionId);
  await ensureUserDoc(ctx);
  const _ = ctx.db.command;
  const users = ctx.db.collection(C.users);
  let changed: boolean;
  if (input.follow) {
    const res = await users
      .where({ _id: ctx.openid, follows: _.neq(input.unionId), [`follows.${MAX_FOLLOWS - 1}`]: _.exists(false) })
      .update({ follows: _.addToSet(input.unionId) });
    changed = res.updated === 1;
    if (!changed) {
      const doc = (await users.doc(ctx.openid).get()).data[0] as { follows?: string[] } | undefined;
      if (!(doc?.follows ?? []).includes(input.unionId))
        throw new AppFailure('INVALID_ARGUMENT', `最多关注 ${MAX_FOLLOWS} 个工会，请先取消关注一些`);
    }
  } else {
    const res = await users.where({ _id: ctx.openid, follows: input.unionId }).update({ follows: _.pull(input.unionId) });
    changed = res.updated === 1;
  }
  if (changed) await countFollowChange(ctx, input.unionId, input.follow);
  const counts = await followerCounts(ctx, [input.unionId]);
  return ok({ unionId: input.unionId, following: input.follow, followers: counts.get(input.unionId) ?? 0 });
});

/** WeChat users who never joined have no users document yet: create the one documented shape. */
async function ensureUserDoc(ctx: UserContext): Promise<void> {
  const users = ctx.db.collection(C.users);
  const existing = await users.doc(ctx.openid).get();
  if (existing.data.length) return;
  try {
    await users.add({ _id: ctx.openid, ...newUserDoc(ctx.openid, '微信用户', ctx.now()) });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}
