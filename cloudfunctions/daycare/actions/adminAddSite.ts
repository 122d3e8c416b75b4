/** Add a site to a campaign, hosted by the campaign's union or a union below it. */
import { createHash } from 'node:crypto';
import { ok } from '../../../shared/envelope';
import type { AdminAddSiteRequest } from '../../../shared/daycare/schemas';
import type { AdminSiteResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope } from '../../_lib/roles';
import { getUnion } from '../../_lib/unions';
import { requireCampaignAdmin } from '../lib/access';
import { unionNames } from '../lib/catalog';
import type { SiteDoc } from '../lib/docs';
import { siteView } from '../lib/present';
import { audit, getCampaign, getSite, isDuplicate } from '../lib/store';

export function adminSiteResult(site: SiteDoc, names: Map<string, string>): AdminSiteResult {
  return { site: { ...siteView(site, [], names), staff: site.staff.map((s) => ({ nameMasked: s.nameMasked, cardNo: s.cardNo })) } };
}

export const adminAddSite = userAction<AdminAddSiteRequest, AdminSiteResult>('daycare.adminAddSite', async (input, ctx) => {
  const campaign = await getCampaign(ctx, input.campaignId);
  const admin = await requireCampaignAdmin(ctx, campaign);
  const host = await getUnion(ctx, input.hostUnionId);
  assertInScope(admin, host.ancestors);
  if (!host.ancestors.includes(campaign.unionId)) throw new AppFailure('OUT_OF_SCOPE', '承办工会须为主办工会或其下级工会');
  const site: SiteDoc = {
    _id: `ds_${createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`,
    campaignId: campaign._id,
    summer: campaign.summer,
    hostUnionId: host._id,
    hostUnionAncestors: host.ancestors,
    name: input.name.trim(),
    address: input.address.trim(),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone,
    location: input.location ?? null,
    kind: input.kind,
    staffOpenids: [],
    staff: [],
    createdAt: ctx.now(),
  };
  try {
    await ctx.db.collection(C.daycareSites).add(site);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    const existing = await getSite(ctx, site._id);
    return ok(adminSiteResult(existing, await unionNames(ctx, [existing.hostUnionId])));
  }
  await audit(ctx, { campaignId: campaign._id, event: 'site_added', actor: 'admin', detail: site.name });
  return ok(adminSiteResult(site, await unionNames(ctx, [host._id])));
});
