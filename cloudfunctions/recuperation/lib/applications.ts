/**
 * Creating an application (a member applying, or the unit union nominating a member) and the
 * member's standing among the unit's applicants. One application per member per year is the
 * primary key (`<year>_<member hash>`): two simultaneous applies cannot both succeed.
 *
 * The application keeps the request id that wrote it and who sent it (the member for 'self', the
 * nominating admin for 'nominated'): a resend of that request by the same caller (its answer was
 * lost) is answered with the application as it stands and writes nothing; anyone else, or another
 * request id, gets the usual refusal (RECU_DUPLICATE and the rest).
 */
import { verifiedMemberRefusal } from '../../../shared/member/schemas';
import { applicationsOpen } from '../../../shared/recuperation/batch';
import type { Violation } from '../../../shared/recuperation/caps';
import { applyViolation } from '../../../shared/recuperation/eligibility';
import { priorityScore, rankByPriority } from '../../../shared/recuperation/priority';
import type { RankView } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, type ActionContext } from '../../_lib/router';
import type { UserDoc } from '../../_lib/docs';
import { findUnit } from './access';
import type { ApplicationDoc, BatchDoc, UnitDoc } from './docs';
import { applicationId } from './ids';
import { isDuplicate } from '../../_lib/dbErrors';

export function memberKeyOf(user: UserDoc): string {
  return user.memberId ?? user.openid;
}

/** The most recent year the member went (approved or attended), or null. */
export async function lastTripYear(ctx: ActionContext, memberKey: string): Promise<number | null> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.recuApplications)
    .where({ memberKey, status: _.in(['approved', 'attended']) })
    .orderBy('year', 'desc')
    .limit(1)
    .get();
  const last = res.data[0] as ApplicationDoc | undefined;
  return last ? last.year : null;
}

export async function findApplication(ctx: ActionContext, id: string): Promise<ApplicationDoc | null> {
  const res = await ctx.db.collection(C.recuApplications).doc(id).get();
  return (res.data[0] as ApplicationDoc | undefined) ?? null;
}

export interface Standing {
  unit: UnitDoc | null;
  lastTrip: number | null;
  current: ApplicationDoc | null;
  /** The rule that refuses an application now (shown by batchDetail, thrown by createApplication). */
  violation: Violation | null;
}

/** Everything that decides whether the member may apply for the batch now. */
export async function standingFor(ctx: ActionContext, user: UserDoc | null, batch: BatchDoc): Promise<Standing> {
  const join = '疗休养面向已认证的工会会员，请先完成入会认证';
  const refusal = verifiedMemberRefusal(user, { doing: '申请疗休养', join }) ?? (user?.unionId ? null : join);
  if (refusal !== null || !user?.unionId) {
    return { unit: null, lastTrip: null, current: null, violation: { code: 'MEMBER_NOT_VERIFIED', message: refusal ?? join } };
  }
  const key = memberKeyOf(user);
  const [unit, lastTrip, current] = await Promise.all([
    findUnit(ctx, user.unionId),
    lastTripYear(ctx, key),
    findApplication(ctx, applicationId(batch.year, key)),
  ]);
  const v = applyViolation({
    memberVerified: true,
    settings: unit,
    batchOpen: batch.status === 'open' && applicationsOpen(batch.startDate, ctx.now()),
    batchInMemberChain: (user.unionAncestors ?? []).includes(batch.ownerUnionId),
    batchYear: batch.year,
    batchCostFen: batch.costFen,
    currentStatus: current?.status ?? null,
    lastTripYear: lastTrip,
  });
  return { unit, lastTrip, current, violation: v };
}

export function scoreFor(user: UserDoc, lastTrip: number | null) {
  return priorityScore({ tags: user.tags ?? [], firstTime: lastTrip === null });
}

/** The application was written by this very request of this caller (a resend after a lost answer). */
function writtenByThisRequest(app: ApplicationDoc | null, ctx: ActionContext): app is ApplicationDoc {
  if (!app || !ctx.openid || app.requestId !== ctx.requestId) return false;
  return (app.source === 'self' ? app.openid : app.nominatedBy) === ctx.openid;
}

/** Writes the application (or reopens a refused / withdrawn one of the same year); a rule that refuses it is thrown. */
export async function createApplication(
  ctx: ActionContext,
  input: { user: UserDoc | null; batch: BatchDoc; source: 'self' | 'nominated'; nominatedBy: string | null },
): Promise<ApplicationDoc> {
  const { user, batch } = input;
  const standing = await standingFor(ctx, user, batch);
  if (writtenByThisRequest(standing.current, ctx)) return standing.current;
  if (standing.violation) throw new AppFailure(standing.violation.code, standing.violation.message);
  if (!user) throw new AppFailure('MEMBER_NOT_VERIFIED');
  const key = memberKeyOf(user);
  const score = scoreFor(user, standing.lastTrip);
  const tags = user.tags ?? [];
  const { _id, ...fields }: ApplicationDoc = {
    _id: applicationId(batch.year, key),
    year: batch.year,
    memberKey: key,
    openid: user.openid,
    memberId: user.memberId ?? null,
    nameMasked: user.nameMasked,
    tags,
    isLeader: tags.includes('leader'),
    unionId: user.unionId as string,
    unionAncestors: user.unionAncestors,
    batchId: batch._id,
    score: score.score,
    scoreLines: score.lines,
    status: 'pending',
    source: input.source,
    nominatedBy: input.nominatedBy,
    submittedAt: ctx.now(),
    decidedAt: null,
    decidedBy: null,
    refuseReason: null,
    costFen: batch.costFen,
    requestId: ctx.requestId,
  };
  const duplicate = new AppFailure('RECU_DUPLICATE', `您 ${batch.year} 年已有一份疗休养申请，每人每年只能申请一次`);
  if (standing.current) {
    // Reopen only a closed-without-a-place application; the condition makes a race harmless.
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection(C.recuApplications)
      .where({ _id, status: _.in(['refused', 'withdrawn']) })
      // Arrays are replaced whole (_.set), never merged element by element.
      .update({ ...fields, tags: _.set(fields.tags), scoreLines: _.set(fields.scoreLines), unionAncestors: _.set(fields.unionAncestors) });
    if (res.updated !== 1) return answerIfOurs(ctx, _id, duplicate);
  } else {
    try {
      await ctx.db.collection(C.recuApplications).add({ _id, ...fields });
    } catch (err) {
      if (isDuplicate(err)) return answerIfOurs(ctx, _id, duplicate);
      throw err;
    }
  }
  return { _id, ...fields };
}

/** Another write won the race: the same request sent twice at once gets what it wrote, anyone else the refusal. */
async function answerIfOurs(ctx: ActionContext, id: string, refusal: AppFailure): Promise<ApplicationDoc> {
  const stored = await findApplication(ctx, id);
  if (writtenByThisRequest(stored, ctx)) return stored;
  throw refusal;
}

/** The unit's pending and approved applicants for one batch, ranked. */
export async function rankedForBatch(ctx: ActionContext, unionId: string, batchId: string): Promise<ApplicationDoc[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.recuApplications)
    .where({ unionId, batchId, status: _.in(['pending', 'approved']) })
    .limit(1000)
    .get();
  const docs = res.data as ApplicationDoc[];
  return rankByPriority(docs.map((a) => ({ id: a._id, score: a.score, submittedAt: new Date(a.submittedAt).getTime(), doc: a }))).map(
    (r) => r.doc,
  );
}

export async function rankOf(ctx: ActionContext, app: ApplicationDoc): Promise<RankView | null> {
  if (app.status !== 'pending' && app.status !== 'approved') return null;
  const ranked = await rankedForBatch(ctx, app.unionId, app.batchId);
  const position = ranked.findIndex((a) => a._id === app._id);
  return position < 0 ? null : { position: position + 1, of: ranked.length };
}
