import { ok } from '../../../shared/envelope';
import type { DiscoverRequest } from '../../../shared/content/schemas';
import type { DiscoverResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { UnionDoc } from '../../_lib/docs';
import { followerCounts } from '../lib/follows';
import { unionCard } from '../lib/unionCards';
import { viewer } from '../lib/viewer';

const PUBLISHING_LEVELS = ['city', 'district', 'industry', 'street'];
const LEVEL_ORDER: Record<string, number> = { city: 0, district: 1, industry: 2, street: 3, grassroots: 4 };

/**
 * Unions to follow: the city, district, industry and street unions (the ones that publish to
 * the public), plus every union of my own chain and every union I already follow.
 */
export const discover = userAction<DiscoverRequest, DiscoverResult>('content.discover', async (_input, ctx) => {
  const _ = ctx.db.command;
  const { user, follows } = await viewer(ctx);
  const chain = user?.unionAncestors ?? [];
  const extra = [...new Set([...chain, ...follows])];
  const res = await ctx.db
    .collection(C.unions)
    .where(extra.length ? _.or([{ level: _.in(PUBLISHING_LEVELS) }, { _id: _.in(extra) }]) : { level: _.in(PUBLISHING_LEVELS) })
    .limit(500)
    .get();
  const unions = res.data as UnionDoc[];
  const counts = await followerCounts(
    ctx,
    unions.map((u) => u._id),
  );
  unions.sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.name.localeCompare(b.name, 'zh-CN'));
  return ok({ unions: unions.map((u) => unionCard(u, counts, follows, chain)) });
});
