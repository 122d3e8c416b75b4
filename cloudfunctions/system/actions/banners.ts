import { ok } from '../../../shared/envelope';
import { CAROUSEL_MAX, type BannersRequest, type BannersResult } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import { publicAction } from '../../_lib/router';
import { bannerView, type BannerDoc } from '../lib/banners';
import { viewerChain } from '../lib/unions';

/**
 * The home carousel: banners up now of the caller's union and the unions above it, own union
 * first, each union's in its admin's order. Public, like the rest of the home page.
 */
export const banners = publicAction<BannersRequest, BannersResult>('system.banners', async (_input, ctx) => {
  const _ = ctx.db.command;
  const now = ctx.now();
  const chain = await viewerChain(ctx);
  const res = await ctx.db
    .collection(C.banners)
    .where({ unionId: _.in(chain), endAt: _.gt(now), startAt: _.lte(now) })
    .limit(100)
    .get();
  const docs = (res.data as BannerDoc[]).sort((a, b) => chain.indexOf(a.unionId) - chain.indexOf(b.unionId) || a.sort - b.sort);
  return ok({ items: docs.slice(0, CAROUSEL_MAX).map(bannerView) });
});
