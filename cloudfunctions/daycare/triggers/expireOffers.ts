/**
 * Job (run by the schedule tick at each offer's deadline and period start, _lib/schedule.ts): waitlist offers past their deadline expire and the place moves on to
 * the next family; once a period has started, its remaining waitlist is closed (未录取).
 */
import { ok } from '../../../shared/envelope';
import { formatBusinessFriendly } from '../../../shared/time';
import { C } from '../../_lib/collections';
import type { BaseContext, TriggerHandler } from '../../_lib/router';
import type { CampaignDoc, RegistrationDoc, SlotDoc } from '../lib/docs';
import { notifyResult, offerNext, releaseHold, returnPlace, transition } from '../lib/places';
import { slotLabel, todayOf } from '../lib/present';
import { audit, findDoc, getAll } from '../lib/store';
import { startOfDay } from '../lib/schedule';
import { earliest } from '../../_lib/schedule';

async function expireOne(ctx: BaseContext, reg: RegistrationDoc): Promise<boolean> {
  const reason = `未在 ${formatBusinessFriendly(reg.offerExpiresAt as Date)} 前确认递补，名额已顺延给下一位候补家庭`;
  if (!(await transition(ctx, reg._id, 'offered', { status: 'expired', reason }))) return false;
  await releaseHold(ctx, reg);
  await audit(ctx, { campaignId: reg.campaignId, slotId: reg.slotId, registrationId: reg._id, event: 'expired', actor: 'system' });
  const [campaign, slot] = await Promise.all([
    findDoc<CampaignDoc>(ctx, C.daycareCampaigns, reg.campaignId),
    findDoc<SlotDoc>(ctx, C.daycareSlots, reg.slotId),
  ]);
  if (!campaign || !slot) return true;
  await notifyResult(ctx, { ...reg, status: 'expired', reason }, slot, 'expired');
  await returnPlace(ctx, slot._id);
  await offerNext(ctx, campaign, slot);
  return true;
}

async function closeStartedWaitlists(ctx: BaseContext): Promise<{ closed: number; full: boolean }> {
  const _ = ctx.db.command;
  const started = await ctx.db
    .collection(C.daycareSlots)
    .where({ startDate: _.lte(todayOf(ctx.now())), waitlistClosed: _.neq(true) })
    .limit(50)
    .get();
  let closed = 0;
  for (const slot of started.data as SlotDoc[]) {
    const waiting = await getAll<RegistrationDoc>(ctx, C.daycareRegistrations, { slotId: slot._id, status: 'waitlisted' });
    for (const reg of waiting) {
      const reason = `${slotLabel(slot)}已开班，候补未能递补`;
      if (!(await transition(ctx, reg._id, 'waitlisted', { status: 'not_admitted', reason }))) continue;
      await releaseHold(ctx, reg);
      await audit(ctx, {
        campaignId: reg.campaignId,
        slotId: slot._id,
        registrationId: reg._id,
        event: 'not_admitted',
        actor: 'system',
        detail: '开班后候补关闭',
      });
      // The family learns the outcome instead of finding a silent status change.
      await notifyResult(ctx, { ...reg, status: 'not_admitted', reason }, slot, 'not_admitted');
      closed += 1;
    }
    await ctx.db.collection(C.daycareSlots).doc(slot._id).update({ waitlistClosed: true });
  }
  return { closed, full: started.data.length === 50 };
}

export const expireOffers: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ status: 'offered', offerExpiresAt: _.lte(ctx.now()) })
    .orderBy('offerExpiresAt', 'asc')
    .limit(100)
    .get();
  let expired = 0;
  for (const reg of due.data as RegistrationDoc[]) if (await expireOne(ctx, reg)) expired += 1;
  const { closed: waitlistsClosed, full: moreStarted } = await closeStartedWaitlists(ctx);
  // For the schedule: the next offer's deadline or the next period's start (offerNext and
  // adminAddSlot announce new ones); a full page → the next minute.
  const [offer, slot] = await Promise.all([
    ctx.db
      .collection(C.daycareRegistrations)
      .where({ status: 'offered' })
      .field({ offerExpiresAt: true })
      .orderBy('offerExpiresAt', 'asc')
      .limit(1)
      .get(),
    ctx.db
      .collection(C.daycareSlots)
      .where({ startDate: _.gt(todayOf(ctx.now())), waitlistClosed: _.neq(true) })
      .field({ startDate: true })
      .orderBy('startDate', 'asc')
      .limit(1)
      .get(),
  ]);
  const startDate = (slot.data[0] as SlotDoc | undefined)?.startDate;
  const full = due.data.length === 100 || moreStarted;
  const nextDueAt = full
    ? ctx.now()
    : earliest((offer.data[0] as RegistrationDoc | undefined)?.offerExpiresAt, startDate ? startOfDay(startDate) : null);
  return ok({ expired, waitlistsClosed, nextDueAt });
};
