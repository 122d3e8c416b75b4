/** Add a period × grade band with its capacity to a site (before the window closes). */
import { createHash } from 'node:crypto';
import { ok } from '../../../shared/envelope';
import type { AdminAddSlotRequest } from '../../../shared/daycare/schemas';
import type { AdminSlotResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { requireCampaignAdmin } from '../lib/access';
import type { SlotDoc } from '../lib/docs';
import { slotView } from '../lib/present';
import { audit, getCampaign, getSite, getSlot, isDuplicate } from '../lib/store';
import { announceStart } from '../lib/schedule';

export const adminAddSlot = userAction<AdminAddSlotRequest, AdminSlotResult>('daycare.adminAddSlot', async (input, ctx) => {
  const site = await getSite(ctx, input.siteId);
  const campaign = await getCampaign(ctx, site.campaignId);
  await requireCampaignAdmin(ctx, campaign);
  if (campaign.status !== 'open' || ctx.now().getTime() >= new Date(campaign.closesAt).getTime()) {
    throw new AppFailure('DAYCARE_CLOSED', '报名已截止，不能再增加班期');
  }
  if (input.endDate < input.startDate) throw new AppFailure('INVALID_ARGUMENT', '结班日期须不早于开班日期');
  if (!input.startDate.startsWith(`${campaign.summer}-`) || !input.endDate.startsWith(`${campaign.summer}-`)) {
    throw new AppFailure('INVALID_ARGUMENT', `班期须在 ${campaign.summer} 年暑期内`);
  }
  const slot: SlotDoc = {
    _id: `dp_${createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`,
    campaignId: campaign._id,
    siteId: site._id,
    summer: campaign.summer,
    periodName: input.periodName.trim(),
    startDate: input.startDate,
    endDate: input.endDate,
    band: input.band,
    capacity: input.capacity,
    remaining: input.capacity,
    placesChangedAt: ctx.now(),
    createdAt: ctx.now(),
  };
  // Its waitlist closes at its start (expireOffers).
  await announceStart(ctx, slot.startDate);
  try {
    await ctx.db.collection(C.daycareSlots).add(slot);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    return ok({ slot: slotView(await getSlot(ctx, slot._id), 0) });
  }
  await audit(ctx, { campaignId: campaign._id, slotId: slot._id, event: 'slot_added', actor: 'admin', detail: `名额 ${slot.capacity}` });
  return ok({ slot: slotView(slot, 0) });
});
