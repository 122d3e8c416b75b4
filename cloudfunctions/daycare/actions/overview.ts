/** 暑托班首页: the campaigns open to the caller's union chain, with sites, periods and places. */
import { ok } from '../../../shared/envelope';
import type { OverviewRequest } from '../../../shared/daycare/schemas';
import type { OverviewResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { loadUser } from '../../_lib/roles';
import type { CampaignDoc } from '../lib/docs';
import { campaignViews } from '../lib/catalog';

const RECENT_MS = 200 * 86400_000;

export const overview = userAction<OverviewRequest, OverviewResult>('daycare.overview', async (_input, ctx) => {
  const user = await loadUser(ctx);
  const now = ctx.now();
  const res = await ctx.db
    .collection(C.daycareCampaigns)
    .where({ closesAt: ctx.db.command.gt(new Date(now.getTime() - RECENT_MS)) })
    .orderBy('closesAt', 'desc')
    .limit(50)
    .get();
  const chain = user?.unionAncestors ?? [];
  // Members see their own union chain's campaigns; people without a union see them all (read-only).
  const campaigns = (res.data as CampaignDoc[]).filter((c) => chain.length === 0 || chain.includes(c.unionId));
  return ok({
    serverTime: now.getTime(),
    memberVerified: user?.memberStatus === 'verified',
    campaigns: await campaignViews(ctx, campaigns),
  });
});
