/**
 * The union checks one declared circumstance of a family registered in its campaign:
 * verified, or rejected (a rejected one does not count for the tier).
 */
import { ok } from '../../../shared/envelope';
import { CHECK_LABELS, CIRCUMSTANCE_LABELS } from '../../../shared/daycare/rules';
import type { AdminCheckFamilyRequest } from '../../../shared/daycare/schemas';
import type { AdminCheckFamilyResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { requireCampaignAdmin } from '../lib/access';
import type { FamilyDoc } from '../lib/docs';
import { familyView } from '../lib/present';
import { audit, findDoc, getCampaign, getRegistration } from '../lib/store';

export const adminCheckFamily = userAction<AdminCheckFamilyRequest, AdminCheckFamilyResult>(
  'daycare.adminCheckFamily',
  async (input, ctx) => {
    const reg = await getRegistration(ctx, input.registrationId);
    const campaign = await getCampaign(ctx, reg.campaignId);
    await requireCampaignAdmin(ctx, campaign);
    const family = await findDoc<FamilyDoc>(ctx, C.daycareFamilies, reg.guardianOpenid);
    const declared = family?.circumstances.find((c) => c.kind === input.kind);
    if (!family || !declared) throw new AppFailure('NOT_FOUND', '该家庭未申报此项情况');
    const circumstances = family.circumstances.map((c) => (c.kind === input.kind ? { ...c, status: input.decision } : c));
    await ctx.db
      .collection(C.daycareFamilies)
      .doc(family._id)
      .update({ circumstances: ctx.db.command.set(circumstances), updatedAt: ctx.now() });
    await audit(ctx, {
      campaignId: campaign._id,
      slotId: reg.slotId,
      registrationId: reg._id,
      event: 'family_checked',
      actor: 'admin',
      detail: `${CIRCUMSTANCE_LABELS[input.kind]}：${CHECK_LABELS[input.decision]}`,
    });
    return ok({ family: familyView(circumstances) });
  },
);
