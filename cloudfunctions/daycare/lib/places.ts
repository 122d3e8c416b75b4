/**
 * Places and holds, without transactions on hot documents:
 * - a slot's `remaining` is taken with a conditional update (`remaining > 0` → `inc(-1)`), so
 *   500 concurrent sign-ups for 30 places admit exactly 30 and never more;
 * - a child's period of the summer is a hold document with a deterministic `_id`
 *   (`<childId>_<summer>_<k>`, k ≤ the campaign's limit): a second concurrent sign-up for the
 *   same child collides on the primary key;
 * - the next waitlisted family gets an offer by a conditional status change
 *   (`waitlisted` → `offered`), so two releases never offer the same family twice.
 */
import { createHash } from 'node:crypto';
import { formatBusinessFriendly } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import { AppFailure, type BaseContext } from '../../_lib/router';
import { requireSchema } from '../../_lib/schema';
import type { CampaignDoc, HoldDoc, RegistrationDoc, SlotDoc } from './docs';
import { audit, isDuplicate } from './store';
import { slotLabel, todayOf } from './present';
import { announceOffer, announceRecount } from './schedule';

const STALE_HOLD_MS = 2 * 60_000;
const LINK = '/packages/daycare/mine/index';

/**
 * Registration statuses that occupy one of the slot's places (taken from `remaining`): an
 * admission (first-come sign-up, lottery win, accepted offer) and an open offer (offerNext takes
 * the place before offering it). `registered` (lottery, before the draw) and `waitlisted` hold
 * the child's hold but no place; every other status has given its place back.
 */
export const PLACE_STATUSES: readonly RegistrationDoc['status'][] = ['admitted', 'offered'];

// Every write to `remaining` also stamps `placesChangedAt` in the same update: the recount timer
// (triggers/recountPlaces.ts) only trusts a counter that has been quiet for longer than any
// invocation can live.

export async function takePlace(ctx: BaseContext, slotId: string): Promise<boolean> {
  const _ = ctx.db.command;
  await announceRecount(ctx); // if the registration that uses it is never written
  const res = await ctx.db
    .collection(C.daycareSlots)
    .where({ _id: slotId, remaining: _.gt(0) })
    .update({ remaining: _.inc(-1), placesChangedAt: ctx.now() });
  return res.updated === 1;
}

export async function returnPlace(ctx: BaseContext, slotId: string): Promise<void> {
  await ctx.db
    .collection(C.daycareSlots)
    .where({ _id: slotId })
    .update({ remaining: ctx.db.command.inc(1), placesChangedAt: ctx.now() });
}

/** The registration id of one sign-up request: a retry with the same request id resumes it. */
export function registrationIdFor(openid: string, requestId: string): string {
  return createHash('sha256').update(`daycare:${openid}:${requestId}`).digest('hex').slice(0, 24);
}

/**
 * Take one of the child's `limit` periods of the summer for `registrationId`. Returns the hold
 * id; `resumed` when this very registration already holds one (a retried request).
 */
export async function acquireHold(
  ctx: BaseContext & { requestId: string },
  childId: string,
  summer: number,
  limit: number,
  registrationId: string,
): Promise<{ holdId: string; resumed: boolean }> {
  // One hold per registration is daycare_holds.registration_unique: refuse until the deploy verified it.
  await requireSchema(ctx, 'daycare.acquireHold');
  const coll = ctx.db.collection(C.daycareHolds);
  for (let round = 0; round < 2; round++) {
    for (let k = 1; k <= limit; k++) {
      const holdId = `${childId}_${summer}_${k}`;
      try {
        await coll.add({ _id: holdId, childId, summer, registrationId, requestId: ctx.requestId, createdAt: ctx.now() });
        return { holdId, resumed: false };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const mine = await coll.where({ registrationId }).limit(1).get();
        const hold = mine.data[0] as HoldDoc | undefined;
        if (hold) return { holdId: hold._id, resumed: true };
      }
    }
    // Every hold is taken. A hold whose registration was never written (the function died in
    // between) is released after a grace period, so a crash cannot block a child for the summer.
    if (!(await releaseStaleHolds(ctx, childId, summer, limit))) break;
  }
  throw new AppFailure('DAYCARE_CHILD_HAS_PERIOD');
}

async function releaseStaleHolds(ctx: BaseContext, childId: string, summer: number, limit: number): Promise<boolean> {
  let released = false;
  for (let k = 1; k <= limit; k++) {
    const res = await ctx.db.collection(C.daycareHolds).doc(`${childId}_${summer}_${k}`).get();
    const hold = res.data[0] as HoldDoc | undefined;
    if (!hold || ctx.now().getTime() - new Date(hold.createdAt).getTime() < STALE_HOLD_MS) continue;
    const reg = await ctx.db.collection(C.daycareRegistrations).doc(hold.registrationId).get();
    if (reg.data.length > 0) continue;
    const removed = await ctx.db.collection(C.daycareHolds).where({ _id: hold._id, registrationId: hold.registrationId }).remove();
    released = released || removed.deleted === 1;
  }
  return released;
}

export async function releaseHold(ctx: BaseContext, reg: Pick<RegistrationDoc, '_id' | 'holdId'>): Promise<void> {
  await ctx.db.collection(C.daycareHolds).where({ _id: reg.holdId, registrationId: reg._id }).remove();
}

/**
 * Change a registration's status only if it is still in `from` (two staff, a retry and the
 * timer can race; exactly one wins). Returns whether this call made the change.
 */
export async function transition(
  ctx: BaseContext,
  regId: string,
  from: RegistrationDoc['status'],
  set: Partial<RegistrationDoc>,
): Promise<boolean> {
  // Leaving a place-holding status: if the place is never given back, the recount returns it.
  if (PLACE_STATUSES.includes(from) && set.status !== undefined && !PLACE_STATUSES.includes(set.status)) await announceRecount(ctx);
  const res = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ _id: regId, status: from })
    .update({ ...set, updatedAt: ctx.now() });
  return res.updated === 1;
}

/** Offers are made until the period starts; after that the waitlist closes. */
export function waitlistOpen(ctx: BaseContext, slot: SlotDoc): boolean {
  return todayOf(ctx.now()) < slot.startDate;
}

/**
 * A place of `slot` is free (cancellation, declined or expired offer): offer it to the head of
 * the waitlist with a deadline. The place is taken from the counter first, so concurrent
 * releases each offer their own place; if nobody is waiting, it goes back to the counter.
 */
export async function offerNext(ctx: BaseContext, campaign: CampaignDoc, slot: SlotDoc): Promise<RegistrationDoc | null> {
  if (!waitlistOpen(ctx, slot)) return null;
  if (!(await takePlace(ctx, slot._id))) return null;
  for (let attempt = 0; attempt < 10; attempt++) {
    const head = await ctx.db
      .collection(C.daycareRegistrations)
      .where({ slotId: slot._id, status: 'waitlisted' })
      .orderBy('queueKey', 'asc')
      .limit(1)
      .get();
    const next = head.data[0] as RegistrationDoc | undefined;
    if (!next) break;
    const expires = new Date(ctx.now().getTime() + campaign.offerHours * 3600_000);
    const reason = `有名额空出，请在 ${formatBusinessFriendly(expires)} 前确认，逾期将顺延给下一位候补家庭`;
    if (await transition(ctx, next._id, 'waitlisted', { status: 'offered', offerExpiresAt: expires, reason })) {
      await announceOffer(ctx, expires);
      await audit(ctx, {
        campaignId: campaign._id,
        slotId: slot._id,
        registrationId: next._id,
        event: 'offered',
        actor: 'system',
        detail: `确认期限 ${campaign.offerHours} 小时`,
      });
      await notify(ctx, {
        openid: next.guardianOpenid,
        category: 'daycare',
        title: '暑托班候补递补通知',
        body: `${slotLabel(slot)}有名额空出，请在 ${formatBusinessFriendly(expires)} 前确认，逾期将顺延。`,
        link: LINK,
        dedupeKey: `daycare:${next._id}:offer`,
      });
      return { ...next, status: 'offered', offerExpiresAt: expires, reason };
    }
  }
  await returnPlace(ctx, slot._id);
  return null;
}

export async function notifyResult(
  ctx: BaseContext,
  reg: RegistrationDoc,
  slot: SlotDoc,
  event: 'admitted' | 'waitlisted' | 'expired' | 'not_admitted',
): Promise<void> {
  const titles = { admitted: '暑托班录取通知', waitlisted: '暑托班候补通知', expired: '暑托班递补已逾期', not_admitted: '暑托班未能录取' };
  await notify(ctx, {
    openid: reg.guardianOpenid,
    category: 'daycare',
    title: titles[event],
    body: `${slotLabel(slot)}：${reg.reason}`,
    link: LINK,
    dedupeKey: `daycare:${reg._id}:${event}`,
  });
}
