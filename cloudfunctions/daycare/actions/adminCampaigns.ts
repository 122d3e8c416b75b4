/** The campaigns of the admin's unions and their subtrees, with sites, slots and demand. */
import { ok } from '../../../shared/envelope';
import type { AdminCampaignsRequest } from '../../../shared/daycare/schemas';
import type { AdminCampaignsResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireAdmin } from '../../_lib/roles';
import { campaignViews } from '../lib/catalog';
import type { CampaignDoc } from '../lib/docs';

export const adminCampaigns = userAction<AdminCampaignsRequest, AdminCampaignsResult>('daycare.adminCampaigns', async (_input, ctx) => {
  const admin = await requireAdmin(ctx);
  const res = await ctx.db
    .collection(C.daycareCampaigns)
    .where({ unionAncestors: ctx.db.command.in(admin.unionIds) })
    .orderBy('closesAt', 'desc')
    .limit(20)
    .get();
  return ok({ campaigns: await campaignViews(ctx, res.data as CampaignDoc[]) });
});
