/**
 * benefit.claim (first-come). The hot path: a successful claim costs 2 database requests
 * (take a unit, insert the claim) when the drop is in instance memory and the member brings the
 * pass from benefit.list; a sold-out attempt costs 0 writes and 1 read (the member's own claim,
 * so a retry of a successful request still gets its claim back). See docs/benefit.md.
 *
 * Order of the writes: stock first, claim second. A crash between them leaves a unit taken
 * without a claim (the reconcile timer returns it); a claim without its unit can never exist.
 */
import { ok, type Ok } from '../../../shared/envelope';
import { checkEligibility } from '../../../shared/benefit/eligibility';
import { soldOutSentence } from '../../../shared/benefit/rules';
import type { ClaimRequest, ClaimView } from '../../../shared/benefit/schemas';
import { friendly } from '../../../shared/benefit/fastTime';
import { C } from '../../_lib/collections';
import { HELD_UNIT_RETRIES, quotaRefusal, retryRefused } from '../../_lib/quota';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { requireSchema } from '../../_lib/schema';
import { claimView, newClaim, readMine } from '../lib/claims';
import { cancelledRefusal, isCancelled } from '../lib/cancel';
import { asDate, isDuplicate, type ClaimDoc, type UserDoc } from '../lib/docs';
import { verifyPass } from '../lib/keys';
import { knownClaims, rememberClaims, soldOutAt, withMemberLock, type DropEntry } from '../lib/memory';
import { giveBack, loadDrop, recheckSoldOut, takeUnit } from '../lib/stock';

export const claim = userAction<ClaimRequest, ClaimView>('benefit.claim', async (input, ctx) => {
  // No oversell or double without drop_claims.code_unique: refuse until the deploy verified it (no request once verified).
  await requireSchema(ctx, 'benefit.claim');
  const entry = await loadDrop(ctx, input.dropId);
  if (!entry) throw new AppFailure('NOT_FOUND', '福利不存在或已下架');
  const drop = entry.drop;
  // Withdrawn: refused from the cached copy, no request (the copy shows it by the opening, see CANCEL_LEAD_MS).
  if (isCancelled(drop)) throw cancelledRefusal(drop);
  if (drop.mode !== 'first_come') throw new AppFailure('DROP_WRONG_MODE');
  const now = ctx.now().getTime();
  const opensAt = asDate(drop.opensAt).getTime();
  if (now < opensAt) throw new AppFailure('DROP_NOT_OPEN', `${friendly(opensAt)} 开抢，请稍候`);

  if (!verifyPass(input.pass, drop._id, ctx.openid, now)) {
    const res = await retryRefused(() => ctx.db.collection(C.users).doc(ctx.openid).get());
    const why = checkEligibility((res.data[0] as UserDoc | undefined) ?? null, drop);
    if (why) throw new AppFailure(why.code, why.message);
  }
  return withMemberLock(drop._id, ctx.openid, () => claimLocked(ctx, entry, now));
});

/** What to answer when no new claim is made: the same claim for the same request, else why not (thrown). */
function settle(ctx: UserContext, entry: DropEntry, mine: ClaimDoc[], now: number, soldOut: boolean): Ok<ClaimView> {
  const same = mine.find((c) => c.requestId === ctx.requestId);
  if (same) return ok(claimView(same, now));
  const limit = entry.drop.perMemberLimit;
  if (mine.length >= limit) throw new AppFailure('DROP_LIMIT_REACHED', `您已领取过本福利（每人限 ${limit} 份），兑换码见“我的福利”`);
  if (soldOut) {
    const at = soldOutAt(entry);
    throw new AppFailure('DROP_SOLD_OUT', soldOutSentence(entry.drop.stock, at === false ? null : at));
  }
  throw new AppFailure('DROP_CLOSED');
}

async function claimLocked(ctx: UserContext, entry: DropEntry, now: number): Promise<Ok<ClaimView>> {
  const drop = entry.drop;
  const limit = drop.perMemberLimit;
  let mine = knownClaims(drop._id, ctx.openid);
  if (mine && (mine.length >= limit || mine.some((c) => c.requestId === ctx.requestId))) return settle(ctx, entry, mine, now, false);
  if (now >= asDate(drop.closesAt).getTime()) return settle(ctx, entry, mine ?? (await readMine(ctx, drop, ctx.openid)), now, false);

  // Units may have come back since this instance learnt it was sold out (reconcile, another
  // instance's give-back): a memory older than SOLD_OUT_RECHECK_MS is re-read first.
  if (soldOutAt(entry) !== false) await recheckSoldOut(ctx, entry);
  if (soldOutAt(entry) !== false) {
    // Sold out: no write. A resend of a request that may have been applied reads the member's
    // claims (1 read) so that it gets its claim back; a fresh request (every earlier send was
    // refused before it ran) cannot have a claim of its own: 0 requests. (A member holding a
    // claim from another request is then told 已抢完 — true — and finds it in 我的福利.)
    if (!mine && ctx.fresh) return settle(ctx, entry, [], now, true);
    return settle(ctx, entry, mine ?? (await readMine(ctx, drop, ctx.openid)), now, true);
  }
  if (!mine && limit > 1) {
    mine = await readMine(ctx, drop, ctx.openid);
    rememberClaims(drop._id, ctx.openid, mine);
    if (mine.length >= limit || mine.some((c) => c.requestId === ctx.requestId)) return settle(ctx, entry, mine, now, false);
  }

  const shard = await takeUnit(ctx, entry, ctx.openid);
  if (!shard) return settle(ctx, entry, mine ?? (await readMine(ctx, drop, ctx.openid)), now, true);

  const used = new Set((mine ?? []).map((c) => c.slot));
  for (let slot = 1; slot <= limit; slot++) {
    if (used.has(slot)) continue;
    const doc = newClaim(drop, ctx.openid, slot, ctx.requestId, ctx.now());
    try {
      // An insert refused for the quota did not run: retried while the unit is held, for longer
      // than other steps (giving the unit back would waste the request that took it).
      await retryRefused(() => ctx.db.collection(C.dropClaims).add(doc), HELD_UNIT_RETRIES);
    } catch (err) {
      if (isDuplicate(err)) continue; // this slot was filled by another attempt of the member: try the next
      // Not recorded, nothing acknowledged; the router answers BUSY (or INTERNAL). The unit goes
      // back only when the insert surely did not run (a quota refusal): after any other failure
      // (a timeout) the claim may exist, and giving its unit back could sell it twice. A unit
      // kept without a claim is returned by the reconcile timer (taken − claims), and
      // recheckSoldOut offers it again.
      if (quotaRefusal(err)) await giveBack(ctx, entry, shard).catch(() => undefined);
      throw err;
    }
    rememberClaims(drop._id, ctx.openid, [...(mine ?? []), doc]);
    return ok(claimView(doc, now));
  }
  // Every slot is taken (a concurrent or earlier attempt of this member): the unit goes back.
  await giveBack(ctx, entry, shard);
  const fresh = await readMine(ctx, drop, ctx.openid);
  rememberClaims(drop._id, ctx.openid, fresh);
  return settle(ctx, entry, fresh, now, false);
}
