/**
 * A non-public unit's union claims the 本地行 subsidy for local recuperation it organised: the
 * platform computes 10 % of the actual spend, counting at most 400 元 per person per day
 * (shared/recuperation/subsidy.ts). A retried submit (same requestId) makes no second claim.
 */
import { ok } from '../../../shared/envelope';
import { batchYear } from '../../../shared/recuperation/batch';
import { formatBusiness } from '../../../shared/time';
import type { SubsidySubmitRequest, SubsidySubmitResult } from '../../../shared/recuperation/schemas';
import { computeSubsidy, subsidyProblems } from '../../../shared/recuperation/subsidy';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { findUnit, requireAdmin, unionsById, unitInScope } from '../lib/access';
import type { SubsidyDoc } from '../lib/docs';
import { createdId } from '../lib/ids';
import { subsidyView } from '../lib/present';
import { canReviewClaim } from '../lib/subsidies';

export const subsidySubmit = userAction<SubsidySubmitRequest, SubsidySubmitResult>('recuperation.subsidySubmit', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await unitInScope(ctx, admin, input.unionId);
  const unit = await findUnit(ctx, union._id);
  const problems = subsidyProblems({ ...input, ownership: unit?.ownership ?? null }, formatBusiness(ctx.now(), 'YYYY-MM-DD'));
  if (unit?.ownership !== 'other')
    throw new AppFailure('RECU_SUBSIDY_NOT_ELIGIBLE', unit ? undefined : '请先设置该单位的疗休养信息（单位性质）');
  if (problems.length) throw new AppFailure('RECU_RULE_INVALID', problems.join('；'));
  const id = createdId('subsidy', ctx.openid, ctx.requestId);
  const existing = (await ctx.db.collection(C.recuSubsidies).doc(id).get()).data[0] as SubsidyDoc | undefined;
  const now = ctx.now();
  const figures = computeSubsidy(input);
  const { _id, ...fields }: SubsidyDoc = existing ?? {
    _id: id,
    unionId: union._id,
    unionAncestors: union.ancestors,
    year: batchYear(input.startDate),
    place: input.place.trim(),
    startDate: input.startDate,
    days: input.days,
    persons: input.persons,
    spendPerPersonPerDayFen: input.spendPerPersonPerDayFen,
    ...figures,
    status: 'pending',
    rejectReason: null,
    submittedBy: ctx.openid,
    submittedAt: now,
    decidedBy: null,
    decidedAt: null,
  };
  if (!existing) await ctx.db.collection(C.recuSubsidies).doc(_id).set(fields);
  const unions = await unionsById(ctx, [union._id]);
  return ok({ claim: subsidyView({ _id, ...fields }, unions, canReviewClaim(admin, fields)) });
});
