/** The campaign's registrations with the families' declared circumstances, for the union to check. Child names masked. */
import { ok } from '../../../shared/envelope';
import type { AdminFamiliesRequest } from '../../../shared/daycare/schemas';
import type { AdminFamiliesResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireCampaignAdmin } from '../lib/access';
import type { FamilyDoc, RegistrationDoc, SlotDoc } from '../lib/docs';
import { familyView, slotLabel } from '../lib/present';
import { getAll, getCampaign } from '../lib/store';

export const adminFamilies = userAction<AdminFamiliesRequest, AdminFamiliesResult>('daycare.adminFamilies', async (input, ctx) => {
  const campaign = await getCampaign(ctx, input.campaignId);
  await requireCampaignAdmin(ctx, campaign);
  const _ = ctx.db.command;
  const regs = await getAll<RegistrationDoc>(
    ctx,
    C.daycareRegistrations,
    { campaignId: campaign._id, status: _.in(['registered', 'admitted', 'waitlisted', 'offered']) },
    ['createdAt', 'asc'],
  );
  const [families, slots] = await Promise.all([
    regs.length
      ? getAll<FamilyDoc>(ctx, C.daycareFamilies, { _id: _.in([...new Set(regs.map((r) => r.guardianOpenid))]) })
      : Promise.resolve([]),
    getAll<SlotDoc>(ctx, C.daycareSlots, { campaignId: campaign._id }),
  ]);
  const famById = new Map(families.map((f) => [f._id, f]));
  const slotById = new Map(slots.map((s) => [s._id, s]));
  const items = regs
    .filter((r) => (famById.get(r.guardianOpenid)?.circumstances.length ?? 0) > 0)
    .map((r) => {
      const slot = slotById.get(r.slotId);
      return {
        registrationId: r._id,
        childNameMasked: r.childNameMasked,
        slotLabel: slot ? slotLabel(slot) : '',
        status: r.status,
        circumstances: familyView(famById.get(r.guardianOpenid)?.circumstances).circumstances,
      };
    });
  return ok({ items });
});
