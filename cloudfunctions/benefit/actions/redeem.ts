/**
 * benefit.redeem (核销): staff of the drop's union (an admin of it or of a union above it) scan or
 * type a code. Valid once: the conditional update `where({_id, status: 'issued'})` lets exactly
 * one of two simultaneous scans succeed. Every attempt, good or bad, goes to the audit trail.
 * A code whose member's card was suspended after claiming is refused (`MEMBER_SUSPENDED`) and
 * stays unredeemed, so it works again if the card is reinstated before `redeemBy`. The member's
 * user document is the one read this costs; it is read before the update instead of after it
 * (for the masked name), so a successful scan costs what it did before.
 */
import { ok } from '../../../shared/envelope';
import { formatCode, normalizeCode } from '../../../shared/benefit/code';
import type { RedeemRequest, RedeemResult } from '../../../shared/benefit/schemas';
import { formatBusiness } from '../../../shared/time';
import { isInScope } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext, forConsole } from '../../_lib/router';
import { requireAdmin } from '../../_lib/roles';
import { asDate, type AuditDoc, type ClaimDoc, type UserDoc } from '../lib/docs';

async function audit(ctx: UserContext, entry: Omit<AuditDoc, 'by' | 'at'>): Promise<void> {
  await ctx.db.collection(C.redemptionAudit).add({ ...entry, by: ctx.openid, at: ctx.now() });
}

// 工会工作台 → 福利 → 核销 too (forConsole): the same admin and scope checks below.
export const redeem = forConsole(
  userAction<RedeemRequest, RedeemResult>('benefit.redeem', async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const code = normalizeCode(input.code);
    if (!code) throw new AppFailure('CODE_NOT_FOUND');
    const res = await ctx.db.collection(C.dropClaims).where({ code }).limit(1).get();
    const claim = res.data[0] as ClaimDoc | undefined;
    if (!claim) {
      await audit(ctx, { code, claimId: null, dropId: null, outcome: 'not_found' });
      throw new AppFailure('CODE_NOT_FOUND');
    }
    const base = { code, claimId: claim._id, dropId: claim.dropId };
    if (!isInScope(admin.unionIds, claim.unionAncestors)) {
      await audit(ctx, { ...base, outcome: 'out_of_scope' });
      throw new AppFailure('OUT_OF_SCOPE', `该兑换码属于“${claim.unionName}”发放的福利，不在您的核销范围内`);
    }
    if (claim.status === 'redeemed') {
      await audit(ctx, { ...base, outcome: 'already_redeemed' });
      throw new AppFailure(
        'CODE_ALREADY_REDEEMED',
        `该兑换码已于 ${formatBusiness(claim.redeemedAt as Date, 'YYYY-MM-DD HH:mm:ss')} 核销，不能重复使用`,
      );
    }
    const now = ctx.now();
    if (claim.status === 'expired' || now > asDate(claim.redeemBy)) {
      await audit(ctx, { ...base, outcome: 'expired' });
      throw new AppFailure('CODE_EXPIRED', `该兑换码已于 ${formatBusiness(claim.redeemBy, 'YYYY-MM-DD HH:mm')} 过期`);
    }
    // "The card is the key to every benefit": checked at the counter, not only when claiming.
    const member = (await ctx.db.collection(C.users).doc(claim.openid).get()).data[0] as UserDoc | undefined;
    if (member?.memberStatus === 'suspended') {
      await audit(ctx, { ...base, outcome: 'member_suspended' });
      throw new AppFailure('MEMBER_SUSPENDED', '该会员卡已被所属工会停用，不能核销；如有疑问请会员联系所属工会');
    }
    const upd = await ctx.db
      .collection(C.dropClaims)
      .where({ _id: claim._id, status: 'issued' })
      .update({ status: 'redeemed', redeemedAt: now, redeemedBy: ctx.openid });
    if (upd.updated !== 1) {
      await audit(ctx, { ...base, outcome: 'already_redeemed' });
      throw new AppFailure('CODE_ALREADY_REDEEMED');
    }
    await audit(ctx, { ...base, outcome: 'redeemed' });
    return ok({
      code: formatCode(code),
      title: claim.title,
      memberName: member?.nameMasked ?? '会员',
      claimedAt: asDate(claim.claimedAt).getTime(),
      redeemedAt: now.getTime(),
    });
  }),
);
