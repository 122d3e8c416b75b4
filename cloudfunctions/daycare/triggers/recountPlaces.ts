/**
 * Job (run by the schedule tick after writes that move places, _lib/schedule.ts): gives back places lost to a crash. Taking a place and writing
 * the registration (or offer) that uses it are two writes, as are ending a registration and
 * returning its place; a function that dies in between leaves `remaining` one lower than it
 * should be, for good (never higher: the slot under-admits, it never over-admits).
 *
 * For a slot whose places are still in play, once its counter has been quiet for longer than any
 * invocation can live (QUIET_MS > the 60 s function timeout), every take has its registration or
 * never will, so `capacity − registrations holding a place` is what `remaining` should be. A
 * shortfall is returned with an update conditional on `remaining` and `placesChangedAt` being
 * what was read: a take or return in between makes it a no-op (redone at the next run). Races can
 * only make it return too few, never too many. A surplus (over-admission, which the design
 * prevents) is only logged: taking places away could evict families.
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { BaseContext, TriggerHandler } from '../../_lib/router';
import type { CampaignDoc, SlotDoc } from '../lib/docs';
import { offerNext, PLACE_STATUSES, waitlistOpen } from '../lib/places';
import { todayOf } from '../lib/present';
import { audit, getAll } from '../lib/store';
import { QUIET_MS } from '../lib/schedule';

export { QUIET_MS };

/**
 * Whether a place of `slot` can still be taken: by a first-come sign-up while the window is open,
 * or by a waitlist offer until the period starts. Lottery campaigns before the draw take no
 * places (`remaining` = capacity); while the draw writes (`allocating`) the counter and the
 * admissions are deliberately out of step, so those are left alone.
 */
function placesInPlay(ctx: BaseContext, campaign: CampaignDoc, slot: SlotDoc): boolean {
  const tracked =
    campaign.mode === 'first_come' ? campaign.status === 'open' || campaign.status === 'closed' : campaign.status === 'allocated';
  if (!tracked) return false;
  const signUpOpen =
    campaign.mode === 'first_come' && campaign.status === 'open' && ctx.now().getTime() < new Date(campaign.closesAt).getTime();
  return signUpOpen || waitlistOpen(ctx, slot);
}

function msOf(at: Date | string | null | undefined): number | null {
  return at ? new Date(at).getTime() : null;
}

/** Recount one slot; returns the number of places given back. */
/** `seen.busy`: set when a slot was left for later because it moved within QUIET_MS. */
export async function recountSlot(
  ctx: BaseContext,
  campaign: CampaignDoc,
  slot: SlotDoc,
  seen: { busy: boolean } = { busy: false },
): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now().getTime();
  const changedAt = msOf(slot.placesChangedAt);
  if (changedAt !== null && now - changedAt < QUIET_MS) {
    seen.busy = true;
    return 0;
  }
  const regs = ctx.db.collection(C.daycareRegistrations);
  const holding = (await regs.where({ slotId: slot._id, status: _.in([...PLACE_STATUSES]) }).count()).total ?? 0;
  const expected = slot.capacity - holding;
  if (slot.remaining === expected) return 0;
  // Cancelling and expiring change the status first and return the place after: in between the
  // counter is quiet but one short. Only a registration untouched for QUIET_MS is settled. This
  // read comes after the count on purpose: a status change after it was counted as holding.
  const recent = (await regs.where({ slotId: slot._id, updatedAt: _.gt(new Date(now - QUIET_MS)) }).count()).total ?? 0;
  if (recent > 0) {
    seen.busy = true;
    return 0;
  }
  if (slot.remaining > expected) {
    ctx.log.error('daycare slot has more free places than capacity allows', {
      slotId: slot._id,
      capacity: slot.capacity,
      holding,
      remaining: slot.remaining,
    });
    return 0;
  }
  const missing = expected - slot.remaining;
  const res = await ctx.db
    .collection(C.daycareSlots)
    .where({ _id: slot._id, remaining: slot.remaining, placesChangedAt: slot.placesChangedAt ?? _.exists(false) })
    .update({ remaining: _.inc(missing), placesChangedAt: ctx.now() });
  if (res.updated !== 1) return 0;
  ctx.log.info('daycare places returned', { slotId: slot._id, places: missing });
  await audit(ctx, {
    campaignId: campaign._id,
    slotId: slot._id,
    event: 'recounted',
    actor: 'system',
    detail: `名额核对：归还 ${missing} 个名额`,
  });
  // As after a cancellation: a freed place goes to the head of the waitlist, not to whoever signs
  // up next. offerNext takes the place back from the counter itself and stops when nobody waits.
  for (let i = 0; i < missing; i++) if (!(await offerNext(ctx, campaign, slot))) break;
  return missing;
}

export const recountPlaces: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  // Candidates: periods not started yet (waitlist open), and every period of a first-come
  // campaign whose window is still open (its sign-ups take places whatever the start date).
  const [upcoming, openFirstCome] = await Promise.all([
    getAll<SlotDoc>(ctx, C.daycareSlots, { startDate: _.gt(todayOf(ctx.now())) }, ['startDate', 'asc']),
    getAll<CampaignDoc>(ctx, C.daycareCampaigns, { mode: 'first_come', status: 'open' }),
  ]);
  const slots = new Map(upcoming.map((s) => [s._id, s]));
  if (openFirstCome.length > 0) {
    const more = await getAll<SlotDoc>(ctx, C.daycareSlots, { campaignId: _.in(openFirstCome.map((c) => c._id)) });
    for (const s of more) slots.set(s._id, s);
  }
  const campaignIds = [...new Set([...slots.values()].map((s) => s.campaignId))];
  const campaigns = new Map<string, CampaignDoc>();
  for (let i = 0; i < campaignIds.length; i += 500) {
    const page = await getAll<CampaignDoc>(ctx, C.daycareCampaigns, { _id: _.in(campaignIds.slice(i, i + 500)) });
    for (const c of page) campaigns.set(c._id, c);
  }
  const live = [...slots.values()].filter((s) => {
    const c = campaigns.get(s.campaignId);
    return c !== undefined && placesInPlay(ctx, c, s);
  });
  let returned = 0;
  const seen = { busy: false };
  for (let i = 0; i < live.length; i += 10) {
    const counts = await Promise.all(live.slice(i, i + 10).map((s) => recountSlot(ctx, campaigns.get(s.campaignId)!, s, seen)));
    returned += counts.reduce((a, b) => a + b, 0);
  }
  // For the schedule: every write that moves places announces a run QUIET_MS after it
  // (lib/schedule.ts); a slot still moving now is looked at again once it has been quiet.
  return ok({ checked: live.length, returned, nextDueAt: seen.busy ? new Date(ctx.now().getTime() + QUIET_MS + 1000) : null });
};
