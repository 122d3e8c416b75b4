import { ok } from '../../../shared/envelope';
import type { UnionPageRequest } from '../../../shared/content/schemas';
import type { UnionPageResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { loadUnion } from '../lib/access';
import { cards, publishedPosts } from '../lib/feed';
import { followerCounts } from '../lib/follows';
import { unionCard } from '../lib/unionCards';
import { viewer } from '../lib/viewer';

/** A union's page: its published posts (newest first), follower count, whether I follow it. */
export const unionPage = userAction<UnionPageRequest, UnionPageResult>('content.unionPage', async (input, ctx) => {
  const union = await loadUnion(ctx, input.unionId);
  const [{ user, follows }, counts, page, total] = await Promise.all([
    viewer(ctx),
    followerCounts(ctx, [union._id]),
    publishedPosts(ctx, [union._id], { cursor: input.cursor, limit: input.limit ?? 10 }),
    ctx.db.collection(C.posts).where({ unionId: union._id, status: 'published' }).count(),
  ]);
  return ok({
    union: unionCard(union, counts, follows, user?.unionAncestors ?? []),
    posts: await cards(ctx, page.items),
    nextCursor: page.nextCursor,
    postCount: total.total ?? 0,
  });
});
