/**
 * Job `reconcile` (run by the schedule tick every minute while a drop sells, _lib/schedule.ts), off the hot path:
 * 1. Stock recount. A crash between "take a unit" and "insert the claim" leaves a unit taken
 *    without a claim. When a drop's stock has been quiet for longer than any invocation can
 *    live (QUIET_MS > the function timeout), every take has its claim or never will, so
 *    `taken − claims` units are returned, with a conditional update that fails if a take
 *    happened meanwhile. Races can only make it return too few (fixed next minute), never too
 *    many, so claims ≤ stock still holds.
 * 2. Claim notices ("福利领取成功") for claims older than a few seconds, by a per-drop cursor;
 *    notify() dedupes by claim id, so a repeated run sends nothing twice.
 * 3. Expiry after the redemption deadline, per the drop's policy.
 */
import { quoted } from '../../../shared/text';
import { formatBusiness, formatBusinessFriendly } from '../../../shared/time';
import { formatCode } from '../../../shared/benefit/code';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { BaseContext } from '../../_lib/router';
import { earliest } from '../../_lib/schedule';
import { asDate, ms, type ClaimDoc, type DropDoc, type StockDoc } from '../lib/docs';

export const QUIET_MS = 90_000;
const NOTICE_SETTLE_MS = 5_000;
const DAY = 24 * 3600_000;
/**
 * After a drop closes, the last takes (started before the close, within the function timeout)
 * settle and their units can only be recounted once the stock has been quiet QUIET_MS: the
 * schedule keeps this timer every minute until then, and a little longer for the last notices.
 */
export const AFTER_CLOSE_MS = QUIET_MS + 3 * 60_000;

/**
 * `settled`: set to true when the drop is sold out, its stock quiet and every taken unit has its
 * claim: no take can happen any more (a unit only comes back from a take's own invocation, which
 * is over after QUIET_MS, or from this recount), so the per-minute runs can stop.
 */
export async function recountStock(ctx: BaseContext, drop: DropDoc, seen: { settled: boolean } = { settled: false }): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now().getTime();
  const shards = (await ctx.db.collection(C.dropStock).where({ dropId: drop._id }).get()).data as StockDoc[];
  if (shards.length === 0) return 0;
  const last = Math.max(0, ...shards.map((s) => ms(s.lastTakenAt) ?? 0));
  if (last > 0 && now - last < QUIET_MS) return 0;
  const claims = (await ctx.db.collection(C.dropClaims).where({ dropId: drop._id }).count()).total ?? 0;
  const left = shards.reduce((sum, s) => sum + s.left, 0);
  const taken = drop.stock - left;
  const missing = taken - claims;
  if (missing < 0) {
    ctx.log.error('claims exceed taken units', { dropId: drop._id, taken, claims });
    return 0;
  }
  if (missing === 0) {
    seen.settled = left === 0;
    return 0;
  }
  const target = shards[0];
  const res = await ctx.db
    .collection(C.dropStock)
    .where({ _id: target._id, left: target.left })
    .update({ left: _.inc(missing) });
  if (res.updated === 1) ctx.log.info('stock returned', { dropId: drop._id, units: missing });
  return res.updated === 1 ? missing : 0;
}

async function sendClaimNotices(ctx: BaseContext, drop: DropDoc): Promise<number> {
  const _ = ctx.db.command;
  const cursor = drop.noticeCursor ? asDate(drop.noticeCursor) : new Date(0);
  const until = new Date(ctx.now().getTime() - NOTICE_SETTLE_MS);
  const res = await ctx.db
    .collection(C.dropClaims)
    .where({ dropId: drop._id, via: 'first_come', claimedAt: _.and(_.gte(cursor), _.lt(until)) })
    .orderBy('claimedAt', 'asc')
    .limit(500)
    .get();
  const claims = res.data as ClaimDoc[];
  for (let i = 0; i < claims.length; i += 20) {
    await Promise.all(
      claims.slice(i, i + 20).map((c) =>
        notify(ctx, {
          openid: c.openid,
          category: 'benefit',
          title: '福利领取成功',
          body: `您已抢到${quoted(c.title)}，兑换码 ${formatCode(c.code).slice(0, 4)}-****，请在 ${formatBusinessFriendly(c.redeemBy)} 前到“我的福利”出示核销`,
          link: '/packages/benefit/mine/index',
          template: 'benefit_result',
          templateData: {
            thing1: c.title.slice(0, 20),
            phrase2: '领取成功',
            thing3: '兑换码见我的福利',
            time4: formatBusiness(c.claimedAt, 'YYYY-MM-DD HH:mm'),
          },
          dedupeKey: `claim:${c._id}`,
        }),
      ),
    );
  }
  if (claims.length > 0)
    await ctx.db
      .collection(C.drops)
      .doc(drop._id)
      .update({ noticeCursor: claims[claims.length - 1].claimedAt });
  return claims.length;
}

async function expireClaims(ctx: BaseContext, drop: DropDoc): Promise<number> {
  const res = await ctx.db
    .collection(C.dropClaims)
    .where({ dropId: drop._id, status: 'issued' })
    .update({ status: 'expired', released: drop.expiryPolicy === 'release' });
  await ctx.db.collection(C.drops).doc(drop._id).update({ expiredAt: ctx.now() });
  return res.updated ?? 0;
}

/**
 * When this timer next has work, for the schedule (_lib/schedule.ts): every minute while a
 * first-come drop is open or just closed and not settled (a crash can orphan units at any take,
 * and no write announces it; the claim notices go out from here too), else the next opening or
 * redemption deadline.
 */
async function nextWork(ctx: BaseContext, active: DropDoc[], settled: Set<string>, busy: boolean): Promise<Date | null> {
  const _ = ctx.db.command;
  const now = ctx.now();
  // Draw drops take no units here (the draw job writes their claims and notices).
  const live = active.some(
    (d) =>
      d.status !== 'cancelled' &&
      d.mode === 'first_come' &&
      !settled.has(d._id) &&
      asDate(d.closesAt).getTime() + AFTER_CLOSE_MS > now.getTime(),
  );
  if (busy || live) return now;
  const [opening, deadline] = await Promise.all([
    ctx.db
      .collection(C.drops)
      .where({ opensAt: _.gt(now), status: _.neq('cancelled') })
      .orderBy('opensAt', 'asc')
      .field({ opensAt: true })
      .limit(1)
      .get(),
    ctx.db
      .collection(C.drops)
      .where({ redeemBy: _.gte(now), expiredAt: null })
      .orderBy('redeemBy', 'asc')
      .field({ redeemBy: true })
      .limit(1)
      .get(),
  ]);
  const redeemBy = (deadline.data[0] as DropDoc | undefined)?.redeemBy;
  // Expiry runs once the deadline has passed (`redeemBy < now`): a second after it.
  return earliest((opening.data[0] as DropDoc | undefined)?.opensAt, redeemBy ? new Date(asDate(redeemBy).getTime() + 1000) : null);
}

export async function reconcile(
  ctx: BaseContext,
): Promise<{ ok: true; data: { returned: number; notices: number; expired: number; nextDueAt: Date | null } }> {
  const _ = ctx.db.command;
  const now = ctx.now();
  let returned = 0;
  let notices = 0;
  let expired = 0;
  const settled = new Set<string>();
  const active = await ctx.db
    .collection(C.drops)
    .where({ opensAt: _.lte(now), closesAt: _.gt(new Date(now.getTime() - DAY)) })
    .limit(100)
    .get();
  for (const drop of active.data as DropDoc[]) {
    if (drop.status === 'cancelled') continue; // withdrawn before it opened: no takes, no claims
    const seen = { settled: false };
    if (drop.mode === 'first_come') returned += await recountStock(ctx, drop, seen);
    const sent = await sendClaimNotices(ctx, drop);
    notices += sent;
    // Settled means quiet for QUIET_MS, so every claim is older than NOTICE_SETTLE_MS and this
    // run's page told them all unless it was full.
    if (seen.settled && sent < 500) settled.add(drop._id);
  }
  const due = await ctx.db
    .collection(C.drops)
    .where({ redeemBy: _.lt(now), expiredAt: null })
    .limit(50)
    .get();
  for (const drop of due.data as DropDoc[]) expired += await expireClaims(ctx, drop);
  const nextDueAt = await nextWork(
    ctx,
    active.data as DropDoc[],
    settled,
    active.data.length === 100 || due.data.length === 50 || notices >= 500,
  );
  return { ok: true, data: { returned, notices, expired, nextDueAt } };
}
