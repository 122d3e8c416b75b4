/**
 * Approve or refuse an application. Approval checks every rule first (to name the one that
 * would break: cost cap, yearly places, staff share, batch capacity, leader share), then takes
 * the place on the counters with conditional updates (lib/counters.ts) and only then marks the
 * application approved, with a condition on its status; if someone else decided it meanwhile,
 * the place is given back. Refusal needs a reason. Both notify the member.
 * A member whose card the union suspended cannot be approved (`MEMBER_SUSPENDED`, before any
 * counter is touched); refusing their application is still allowed.
 */
import { ok } from '../../../shared/envelope';
import { approvalViolations } from '../../../shared/recuperation/caps';
import { formatYuan } from '../../../shared/recuperation/money';
import type { AdminDecideRequest, AdminDecideResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import type { UserDoc } from '../../_lib/docs';
import { notify } from '../../_lib/notify';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { assertInScope, findUnit, getBatch, requireAdmin } from '../lib/access';
import { findApplication } from '../lib/applications';
import { ensureYearCounter, isViolation, reservePlace, rosterCounter } from '../lib/counters';
import type { ApplicationDoc, BatchDoc } from '../lib/docs';
import { applicantView } from '../lib/present';

const LINK = '/packages/recuperation/mine/index';

async function tellMember(ctx: UserContext, app: ApplicationDoc, batch: BatchDoc): Promise<void> {
  const approved = app.status === 'approved';
  await notify(ctx, {
    openid: app.openid,
    category: 'recuperation',
    title: approved ? '疗休养申请已批准' : '疗休养申请未获批准',
    body: approved
      ? `您已获批参加「${batch.title}」（${batch.startDate} 起 ${batch.days} 天，人均 ${formatYuan(batch.costFen)}），请按时报到。`
      : `您申请的「${batch.title}」未获批准：${app.refuseReason ?? ''}`,
    link: LINK,
    dedupeKey: `recu:${app._id}:${app.status}:${new Date(app.decidedAt ?? 0).getTime()}`,
  });
}

export const adminDecide = userAction<AdminDecideRequest, AdminDecideResult>('recuperation.adminDecide', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const app = await findApplication(ctx, input.applicationId);
  if (!app) throw new AppFailure('NOT_FOUND', '疗休养申请不存在');
  assertInScope(admin, app.unionAncestors);
  const [batch, userRes] = await Promise.all([getBatch(ctx, app.batchId), ctx.db.collection(C.users).doc(app.openid).get()]);
  const memberSuspended = (userRes.data[0] as UserDoc | undefined)?.memberStatus === 'suspended';
  const target = input.decision === 'approve' ? 'approved' : 'refused';
  if (app.status !== 'pending') {
    if (app.status === target) return ok({ applicant: applicantView(app, batch, 0, memberSuspended), alreadyDecided: true });
    throw new AppFailure('ALREADY_REVIEWED', '该申请已处理，请刷新列表');
  }
  const now = ctx.now();
  const apps = ctx.db.collection(C.recuApplications);

  if (input.decision === 'refuse') {
    const reason = input.reason?.trim() ?? '';
    if (!reason) throw new AppFailure('REJECT_REASON_REQUIRED', '不予批准时请填写原因');
    const decided = { status: 'refused' as const, refuseReason: reason, decidedAt: now, decidedBy: ctx.openid };
    const res = await apps.where({ _id: app._id, status: 'pending' }).update(decided);
    if (res.updated !== 1) throw new AppFailure('ALREADY_REVIEWED', '该申请已处理，请刷新列表');
    const refused = { ...app, ...decided };
    await tellMember(ctx, refused, batch);
    return ok({ applicant: applicantView(refused, batch, 0, memberSuspended), alreadyDecided: false });
  }

  if (memberSuspended)
    throw new AppFailure('MEMBER_SUSPENDED', '该会员的会员卡已被所属工会停用，不能批准其疗休养申请；如不再安排，请填写原因后不予批准');

  const unit = await findUnit(ctx, app.unionId);
  if (!unit) throw new AppFailure('RECU_UNIT_NOT_SET', '该单位尚未设置疗休养名额，请先设置');
  if (batch.status !== 'open') throw new AppFailure('RECU_BATCH_CLOSED', '该批次已结束，不能再批准');
  // Name the first rule the approval would break, from the current figures.
  const [yc, roster] = await Promise.all([ensureYearCounter(ctx, app.unionId, app.year, unit), rosterCounter(ctx, batch._id, app.unionId)]);
  const violations = approvalViolations({
    settings: unit,
    unitApprovedThisYear: yc.approved,
    batch: { capacity: batch.capacity, approved: batch.capacity - batch.seatsLeft, costFen: batch.costFen },
    roster,
    applicant: { isLeader: app.isLeader, yearSpendFen: 0 },
  });
  if (violations.length) throw new AppFailure(violations[0].code, violations[0].message);

  // Take the place atomically (the figures above may be stale under concurrent approvals).
  const reservation = await reservePlace(ctx, app, batch, unit);
  if (isViolation(reservation)) throw new AppFailure(reservation.code, reservation.message);
  const decided = { status: 'approved' as const, decidedAt: now, decidedBy: ctx.openid, refuseReason: null };
  const res = await apps.where({ _id: app._id, status: 'pending' }).update(decided);
  if (res.updated !== 1) {
    await reservation.release();
    const fresh = await findApplication(ctx, app._id);
    if (fresh?.status === 'approved') return ok({ applicant: applicantView(fresh, batch, 0, memberSuspended), alreadyDecided: true });
    throw new AppFailure('ALREADY_REVIEWED', '该申请已处理，请刷新列表');
  }
  const approved = { ...app, ...decided };
  ctx.log.info('recuperation approved', { unionId: app.unionId, batchId: batch._id });
  await tellMember(ctx, approved, batch);
  return ok({ applicant: applicantView(approved, batch, 0, memberSuspended), alreadyDecided: false });
});
