/** The slots of the sites where the caller is staff (named, or an admin of the host union chain). */
import { ok } from '../../../shared/envelope';
import type { StaffSitesRequest } from '../../../shared/daycare/schemas';
import type { StaffSitesResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { loadUser } from '../../_lib/roles';
import { demandOf } from '../lib/catalog';
import type { CampaignDoc, SiteDoc, SlotDoc } from '../lib/docs';
import { staffSlotSummary } from '../lib/roster';
import { getAll } from '../lib/store';

export const staffSites = userAction<StaffSitesRequest, StaffSitesResult>('daycare.staffSites', async (_input, ctx) => {
  const user = await loadUser(ctx);
  const _ = ctx.db.command;
  const [named, administered] = await Promise.all([
    getAll<SiteDoc>(ctx, C.daycareSites, { staffOpenids: ctx.openid }),
    user?.adminUnionIds?.length
      ? getAll<SiteDoc>(ctx, C.daycareSites, { hostUnionAncestors: _.in(user.adminUnionIds) })
      : Promise.resolve([]),
  ]);
  const sites = new Map([...named, ...administered].map((s) => [s._id, s]));
  if (sites.size === 0) return ok({ slots: [] });
  const [slots, campaigns] = await Promise.all([
    getAll<SlotDoc>(ctx, C.daycareSlots, { siteId: _.in([...sites.keys()]) }, ['startDate', 'desc']),
    getAll<CampaignDoc>(ctx, C.daycareCampaigns, { _id: _.in([...new Set([...sites.values()].map((s) => s.campaignId))]) }),
  ]);
  const campaignById = new Map(campaigns.map((c) => [c._id, c]));
  const demand = await Promise.all(slots.map((s) => demandOf(ctx, s._id)));
  return ok({
    slots: slots.map((s, i) => staffSlotSummary(s, sites.get(s.siteId)!, campaignById.get(s.campaignId) ?? { title: '' }, demand[i])),
  });
});
