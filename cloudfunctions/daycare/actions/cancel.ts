/**
 * The parent gives up: withdraws a sign-up or a waitlist place, declines an offer, or cancels
 * an admission before the period starts. The child's hold is released; a place that frees up
 * goes to the next family on the waitlist (lib/places.ts offerNext).
 */
import { ok } from '../../../shared/envelope';
import type { RegistrationStatus } from '../../../shared/daycare/rules';
import type { CancelRequest } from '../../../shared/daycare/schemas';
import type { RegistrationResult } from '../../../shared/daycare/views';
import { AppFailure, userAction } from '../../_lib/router';
import { ownRegistration } from '../lib/mine';
import { offerNext, releaseHold, returnPlace, transition } from '../lib/places';
import { todayOf } from '../lib/present';
import { viewOf } from '../lib/registrations';
import { audit, getCampaign, getSlot } from '../lib/store';

const NEXT: Partial<Record<RegistrationStatus, { to: RegistrationStatus; reason: string; freesPlace: boolean }>> = {
  registered: { to: 'withdrawn', reason: '您已撤回报名', freesPlace: false },
  waitlisted: { to: 'withdrawn', reason: '您已退出候补', freesPlace: false },
  offered: { to: 'declined', reason: '您已放弃递补名额，名额已顺延给下一位', freesPlace: true },
  admitted: { to: 'cancelled', reason: '您已取消录取，名额已释放给候补家庭', freesPlace: true },
};

export const cancel = userAction<CancelRequest, RegistrationResult>('daycare.cancel', async (input, ctx) => {
  const reg = await ownRegistration(ctx, input.registrationId);
  const step = NEXT[reg.status];
  if (!step) throw new AppFailure('DAYCARE_BAD_STATE');
  const [campaign, slot] = await Promise.all([getCampaign(ctx, reg.campaignId), getSlot(ctx, reg.slotId)]);
  if (campaign.status === 'allocating' || (reg.status === 'registered' && campaign.status !== 'open'))
    throw new AppFailure('DAYCARE_BAD_STATE', '正在摇号，请稍后刷新查看结果');
  if (reg.status === 'admitted' && todayOf(ctx.now()) >= slot.startDate)
    throw new AppFailure('DAYCARE_BAD_STATE', '本期已开班，如需请假或退出请联系托管点');
  if (!(await transition(ctx, reg._id, reg.status, { status: step.to, reason: step.reason, offerExpiresAt: null }))) {
    throw new AppFailure('DAYCARE_BAD_STATE');
  }
  await releaseHold(ctx, reg);
  await audit(ctx, { campaignId: reg.campaignId, slotId: reg.slotId, registrationId: reg._id, event: step.to, actor: 'guardian' });
  if (step.freesPlace) {
    await returnPlace(ctx, slot._id);
    await offerNext(ctx, campaign, slot);
  }
  return ok({ registration: await viewOf(ctx, { ...reg, status: step.to, reason: step.reason, offerExpiresAt: null }) });
});
