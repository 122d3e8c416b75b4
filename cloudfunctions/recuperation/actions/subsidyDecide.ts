/** A union above the unit approves or rejects a 本地行 claim (never the unit's own admins, never the submitter). */
import { ok } from '../../../shared/envelope';
import type { SubsidyDecideRequest, SubsidyDecideResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, forConsole } from '../../_lib/router';
import { assertInScope, requireAdmin, unionsById } from '../lib/access';
import type { SubsidyDoc } from '../lib/docs';
import { subsidyView } from '../lib/present';
import { canReviewClaim } from '../lib/subsidies';

// 工会工作台 → 疗休养 → 本地行奖励 too (forConsole): requireAdmin, scope and the no-self-review rule below.
export const subsidyDecide = forConsole(
  userAction<SubsidyDecideRequest, SubsidyDecideResult>('recuperation.subsidyDecide', async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const claim = (await ctx.db.collection(C.recuSubsidies).doc(input.claimId).get()).data[0] as SubsidyDoc | undefined;
    if (!claim) throw new AppFailure('NOT_FOUND', '本地行奖励申请不存在');
    assertInScope(admin, claim.unionAncestors);
    if (!canReviewClaim(admin, claim)) throw new AppFailure('RECU_SUBSIDY_SELF_REVIEW');
    const reason = input.reason?.trim() ?? '';
    if (input.decision === 'reject' && !reason) throw new AppFailure('REJECT_REASON_REQUIRED');
    const now = ctx.now();
    const decided = {
      status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
      rejectReason: input.decision === 'reject' ? reason : null,
      decidedBy: ctx.openid,
      decidedAt: now,
    };
    const res = await ctx.db.collection(C.recuSubsidies).where({ _id: claim._id, status: 'pending' }).update(decided);
    if (res.updated !== 1) throw new AppFailure('ALREADY_REVIEWED', '该申请已处理，请刷新列表');
    const unions = await unionsById(ctx, [claim.unionId]);
    return ok({ claim: subsidyView({ ...claim, ...decided }, unions, false) });
  }),
);
