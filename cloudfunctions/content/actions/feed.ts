import { ok } from '../../../shared/envelope';
import type { FeedRequest } from '../../../shared/content/schemas';
import type { FeedResult } from '../../../shared/content/views';
import { userAction } from '../../_lib/router';
import { cards, publishedPosts } from '../lib/feed';
import { rootUnionIds, viewer } from '../lib/viewer';

/**
 * The 活动 tab: posts of the unions I follow, newest first. Someone who follows nothing yet
 * (a guest) sees the city union's posts and `following: 0`, so the page suggests unions.
 */
export const feed = userAction<FeedRequest, FeedResult>('content.feed', async (input, ctx) => {
  const { follows } = await viewer(ctx);
  const unionIds = follows.length ? follows : await rootUnionIds(ctx);
  const page = await publishedPosts(ctx, unionIds, { cursor: input.cursor, limit: input.limit ?? 10, kind: input.kind });
  return ok({ items: await cards(ctx, page.items), nextCursor: page.nextCursor, following: follows.length });
});
