/** The roster of one slot for its site's staff (full children's data: staff only). */
import { attendanceRate } from '../../../shared/daycare/rules';
import type { RosterRow, StaffSlotSummary } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import type { UserContext } from '../../_lib/router';
import { requireSiteStaff } from './access';
import type { CampaignDoc, ChildDoc, RegistrationDoc, SiteDoc, SlotDoc } from './docs';
import { childView, slotView } from './present';
import { getAll, getCampaign, getSite, getSlot } from './store';

export function staffSlotSummary(slot: SlotDoc, site: SiteDoc, campaign: Pick<CampaignDoc, 'title'>, demand: number): StaffSlotSummary {
  return { ...slotView(slot, demand), siteId: site._id, siteName: site.name, campaignTitle: campaign.title };
}

/** Loads the slot and its site and fails DAYCARE_NOT_STAFF unless the caller is that site's staff. */
export async function staffSlot(ctx: UserContext, slotId: string): Promise<{ slot: SlotDoc; site: SiteDoc; campaign: CampaignDoc }> {
  const slot = await getSlot(ctx, slotId);
  const site = await getSite(ctx, slot.siteId);
  await requireSiteStaff(ctx, site);
  return { slot, site, campaign: await getCampaign(ctx, slot.campaignId) };
}

export async function rosterRows(ctx: UserContext, slot: SlotDoc): Promise<RosterRow[]> {
  const _ = ctx.db.command;
  const regs = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { slotId: slot._id, status: _.in(['admitted', 'offered']) }, [
    'createdAt',
    'asc',
  ]);
  if (regs.length === 0) return [];
  const children = await getAll<ChildDoc>(ctx, C.daycareChildren, { _id: _.in(regs.map((r) => r.childId)) });
  const byId = new Map(children.map((c) => [c._id, c]));
  return regs
    .filter((r) => byId.has(r.childId))
    .map((r) => ({
      registrationId: r._id,
      status: r.status,
      child: childView(byId.get(r.childId)!, { barredReason: null, hasCurrentPlace: true }),
      marks: r.attendance ?? {},
      attendance: attendanceRate(r.attendance),
    }))
    .sort((a, b) => a.child.name.localeCompare(b.child.name, 'zh-CN'));
}
