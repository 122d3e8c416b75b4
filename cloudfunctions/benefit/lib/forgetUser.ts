/**
 * 注销账号, benefit part (the member job calls it through the benefit function: _lib/forgetUser.ts).
 *
 * Claims (`drop_claims/<drop>_<openid>_<slot>`, the openid is in the id):
 * - a code that can still be used (issued, before its deadline) is deleted: the code is void and
 *   the reconcile timer returns a first-come drop's unit to the stock (it counts claims);
 * - a redeemed or expired code is the merchant settlement and the redemption audit: it stays,
 *   moved to `<drop>_<tombstone>_<slot>` with `openid` = the tombstone; its redemption_audit
 *   entries point to the new id. The code is unique (index), so the old document gives the code
 *   up first (`code: moving:<new id>`, `movingCode` keeps it), then the copy takes it, then the old
 *   one goes: every step is repeatable, and a resumed run picks the code up from `movingCode`.
 * Draw registrations (`drop_registrations/<drop>_<openid>`): not drawn yet (or withdrawn with
 * the drop) → deleted; drawn (won / lost / excluded) → kept under `<drop>_<tombstone>` with the
 * published anonymous entrant key, so the public draw record still matches its registrations.
 * While one of the user's draws is being written (`drawing`) the step waits (RetryLater).
 */
import { C } from '../../_lib/collections';
import { checkTime, RetryLater, type ForgetScope, type ForgetUserPart } from '../../_lib/forgetUser';
import { addOnce, allDocs, docById, docsByIds } from '../../_lib/reads';
import type { BaseContext } from '../../_lib/router';
import type { ClaimDoc, DropDoc, RegistrationDoc } from './docs';

type StoredClaim = ClaimDoc & { movingCode?: string };

const ms = (d: Date | string) => new Date(d).getTime();

/** A redeemed or expired code is kept for settlement; anything else is void and deleted. */
export function isKeptClaim(c: Pick<ClaimDoc, 'status' | 'redeemBy'>, now: Date): boolean {
  if (c.status === 'redeemed' || c.status === 'expired') return true;
  return c.status === 'issued' && ms(c.redeemBy) <= now.getTime();
}

const KEPT_RESULTS = ['won', 'lost', 'excluded'];

export function isKeptRegistration(r: Pick<RegistrationDoc, 'result'>): boolean {
  return r.result !== null && KEPT_RESULTS.includes(r.result);
}

export async function benefitCounts(
  ctx: BaseContext,
  openid: string,
): Promise<{ claimsDeleted: number; claimsKept: number; drawDeleted: number; drawKept: number }> {
  const now = ctx.now();
  const [claims, regs] = await Promise.all([
    allDocs<ClaimDoc>(ctx, C.dropClaims, { openid }),
    allDocs<RegistrationDoc>(ctx, C.dropRegistrations, { openid }),
  ]);
  const claimsKept = claims.filter((c) => isKeptClaim(c, now)).length;
  const drawKept = regs.filter(isKeptRegistration).length;
  return { claimsDeleted: claims.length - claimsKept, claimsKept, drawDeleted: regs.length - drawKept, drawKept };
}

async function moveClaim(ctx: BaseContext, sc: ForgetScope, c: StoredClaim): Promise<void> {
  const coll = ctx.db.collection(C.dropClaims);
  const newId = `${c.dropId}_${sc.tombstone}_${c.slot}`;
  const code = c.movingCode ?? c.code;
  if (!c.movingCode) await coll.where({ _id: c._id, code }).update({ code: `moving:${newId}`, movingCode: code });
  const { _id, movingCode: _moving, ...rest } = c;
  await addOnce(ctx, C.dropClaims, { ...rest, _id: newId, code, openid: sc.tombstone, requestId: 'deleted' });
  await ctx.db.collection(C.redemptionAudit).where({ dropId: c.dropId, claimId: _id }).update({ claimId: newId });
  await coll.where({ _id }).remove();
}

async function moveRegistration(ctx: BaseContext, sc: ForgetScope, r: RegistrationDoc): Promise<void> {
  const { _id, ...rest } = r;
  await addOnce(ctx, C.dropRegistrations, { ...rest, _id: `${r.dropId}_${sc.tombstone}`, openid: sc.tombstone, requestId: 'deleted' });
  await ctx.db.collection(C.dropRegistrations).where({ _id }).remove();
}

export const benefitForgetUser: ForgetUserPart = {
  blockers: async () => [],
  counts: benefitCounts,
  async forget(ctx: BaseContext, sc: ForgetScope) {
    const now = ctx.now();
    const counts = { voided: 0, keptClaims: 0, withdrawn: 0, keptRegistrations: 0 };
    for (const first of await allDocs<StoredClaim>(ctx, C.dropClaims, { openid: sc.openid })) {
      checkTime(sc);
      let c: StoredClaim | null = first;
      for (let attempt = 0; attempt < 4 && c && c.openid === sc.openid; attempt++) {
        if (isKeptClaim(c, now)) {
          await moveClaim(ctx, sc, c);
          counts.keptClaims++;
          break;
        }
        // Conditional on the status read: a redemption at the counter meanwhile makes it one to keep.
        const res = await ctx.db.collection(C.dropClaims).where({ _id: c._id, openid: sc.openid, status: c.status }).remove();
        if (res.deleted === 1) {
          counts.voided++;
          break;
        }
        c = await docById<StoredClaim>(ctx, C.dropClaims, c._id);
      }
    }
    const regs = await allDocs<RegistrationDoc>(ctx, C.dropRegistrations, { openid: sc.openid });
    // A draw being written reads the registrations again when it resumes: let it finish first (a minute at most).
    const drops = await docsByIds<DropDoc>(
      ctx,
      C.drops,
      regs.map((r) => r.dropId),
    );
    if ([...drops.values()].some((d) => d.status === 'drawing')) throw new RetryLater('benefit draw in progress');
    for (const first of regs) {
      checkTime(sc);
      let r: RegistrationDoc | null = first;
      for (let attempt = 0; attempt < 4 && r && r.openid === sc.openid; attempt++) {
        if (isKeptRegistration(r)) {
          await moveRegistration(ctx, sc, r);
          counts.keptRegistrations++;
          break;
        }
        // Conditional on the result read: a draw landing meanwhile makes it one to keep.
        const res = await ctx.db.collection(C.dropRegistrations).where({ _id: r._id, openid: sc.openid, result: r.result }).remove();
        if (res.deleted === 1) {
          counts.withdrawn++;
          break;
        }
        r = await docById<RegistrationDoc>(ctx, C.dropRegistrations, r._id);
      }
    }
    return counts;
  },
};
