/**
 * content.search: published activities and articles whose title, summary or activity place
 * contains the keyword (literal text, escaped; case aside), from the unions the caller may read
 * in the feed: followed unions, the caller's own union chain and the city union. Newest first,
 * keyset-paged like the feed (one query a page over the `feed` index's unionId/status prefix).
 */
import { ok } from '../../../shared/envelope';
import { escapeRegExp } from '../../../shared/text';
import type { SearchRequest } from '../../../shared/content/schemas';
import type { FeedResult } from '../../../shared/content/views';
import { AppFailure, userAction } from '../../_lib/router';
import { cards, MAX_FOLLOWS, publishedPosts } from '../lib/feed';
import { rootUnionIds, viewer } from '../lib/viewer';

export const search = userAction<SearchRequest, FeedResult>('content.search', async (input, ctx) => {
  const keyword = input.keyword.trim();
  // Spaces only would become an empty pattern, which the SDK refuses (a throw, not an answer).
  if (!keyword) throw new AppFailure('INVALID_ARGUMENT', '请填写搜索关键词');
  const [{ user, follows }, roots] = await Promise.all([viewer(ctx), rootUnionIds(ctx)]);
  const unionIds = [...new Set([...follows.slice(0, MAX_FOLLOWS), ...(user?.unionAncestors ?? []), ...roots])];
  const _ = ctx.db.command;
  const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
  const match = _.or([{ title: pattern }, { summary: pattern }, { 'activity.place': pattern }]);
  const page = await publishedPosts(ctx, unionIds, { cursor: input.cursor, limit: input.limit ?? 10, match });
  return ok({ items: await cards(ctx, page.items), nextCursor: page.nextCursor, following: follows.length });
});
