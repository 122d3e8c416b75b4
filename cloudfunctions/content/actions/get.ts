import { ok } from '../../../shared/envelope';
import type { GetRequest } from '../../../shared/content/schemas';
import type { GetResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { loadPublished } from '../lib/access';
import { mySignupsFor } from '../lib/feed';
import { isDuplicate, readIdFor } from '../lib/ids';
import { postCard } from '../lib/present';
import { viewer } from '../lib/viewer';

/**
 * One published post, and its read count: a member counts once. The read is recorded as
 * `post_reads/<post>_<openid>` (insert-if-absent); only when that insert succeeds is the
 * post's counter incremented, so reloads, retries and parallel opens count one read.
 */
export const get = userAction<GetRequest, GetResult>('content.get', async (input, ctx) => {
  const post = await loadPublished(ctx, input.id);
  let firstRead = false;
  try {
    await ctx.db.collection(C.postReads).add({ _id: readIdFor(post._id, ctx.openid), postId: post._id, readAt: ctx.now() });
    firstRead = true;
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  if (firstRead)
    await ctx.db
      .collection(C.posts)
      .doc(post._id)
      .update({ readCount: ctx.db.command.inc(1) });
  const [{ follows }, mine] = await Promise.all([viewer(ctx), mySignupsFor(ctx, [post])]);
  const card = postCard({ ...post, readCount: (post.readCount ?? 0) + (firstRead ? 1 : 0) }, mine.get(post._id), ctx.now());
  return ok({ post: { ...card, body: post.body, following: follows.includes(post.unionId) } });
});
