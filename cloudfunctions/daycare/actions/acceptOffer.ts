/**
 * The parent accepts a waitlist offer before its deadline: 递补待确认 → 已录取.
 * A parent whose card the union suspended cannot accept (the card is the key to every benefit):
 * the refusal changes nothing, so the offer stays 递补待确认 until the parent declines it
 * (`cancel`) or the `expireOffers` timer moves it on; if the card is reinstated in time, the
 * parent can still accept.
 */
import { ok } from '../../../shared/envelope';
import { suspendedRefusal } from '../../../shared/member/schemas';
import type { AcceptOfferRequest } from '../../../shared/daycare/schemas';
import type { RegistrationResult } from '../../../shared/daycare/views';
import { loadUser } from '../../_lib/roles';
import { AppFailure, userAction } from '../../_lib/router';
import { ownRegistration } from '../lib/mine';
import { viewOf } from '../lib/registrations';
import { audit } from '../lib/store';
import { C } from '../../_lib/collections';

export const acceptOffer = userAction<AcceptOfferRequest, RegistrationResult>('daycare.acceptOffer', async (input, ctx) => {
  const reg = await ownRegistration(ctx, input.registrationId);
  if (reg.status === 'admitted') return ok({ registration: await viewOf(ctx, reg) }); // a retry
  if (reg.status !== 'offered') throw new AppFailure('DAYCARE_BAD_STATE');
  const user = await loadUser(ctx);
  if (user?.memberStatus === 'suspended') throw new AppFailure('MEMBER_NOT_VERIFIED', suspendedRefusal('接受暑托班名额'));
  const now = ctx.now();
  const accepted = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ _id: reg._id, status: 'offered', offerExpiresAt: ctx.db.command.gt(now) })
    .update({ status: 'admitted', reason: '候补递补成功，您已确认，已录取', updatedAt: now });
  if (accepted.updated !== 1) throw new AppFailure('DAYCARE_OFFER_EXPIRED');
  await audit(ctx, { campaignId: reg.campaignId, slotId: reg.slotId, registrationId: reg._id, event: 'accepted', actor: 'guardian' });
  return ok({ registration: await viewOf(ctx, { ...reg, status: 'admitted', reason: '候补递补成功，您已确认，已录取' }) });
});
