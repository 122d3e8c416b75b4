/**
 * Approve or reject a join application. Everything is decided inside one transaction that
 * re-reads the application: two admins approving at once → one commits, the other is retried,
 * sees "approved" and answers alreadyReviewed with the same card number. Approval creates (or,
 * for an imported record, reuses) the member and links the applicant's WeChat user.
 */
import { ok } from '../../../shared/envelope';
import { formatCardNo } from '../../../shared/member/card';
import type { AdminReviewRequest, AdminReviewResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { takeCardSequence } from '../lib/cards';
import type { ApplicationDoc, MemberDoc, UserDoc } from '../lib/docs';
import { holdsMembership, writeLinkedUser } from '../lib/link';
import { applicationView } from '../lib/present';
import { assertInScope, requireAdmin, type Admin } from '../../_lib/roles';
import { inTransaction, txGet, type Tx } from '../lib/tx';
import { unionsById } from '../../_lib/unions';
import { notify } from '../../_lib/notify';
import { formatBusiness } from '../../../shared/time';
import type { UserContext } from '../../_lib/router';

type Outcome = { app: ApplicationDoc; alreadyReviewed: boolean };

async function approve(tx: Tx, app: ApplicationDoc, admin: Admin, now: Date): Promise<ApplicationDoc> {
  const existing = await txGet<MemberDoc>(tx, C.members, app._id);
  if (existing?.openid && existing.openid !== app.openid) throw new AppFailure('MEMBER_ALREADY_CLAIMED');
  const user = await txGet<UserDoc>(tx, C.users, app.openid);
  if (holdsMembership(user) && user?.memberId && user.memberId !== app._id) {
    throw new AppFailure('ALREADY_MEMBER', '申请人已通过其他方式成为会员，请驳回此申请');
  }
  let member: MemberDoc;
  if (existing) {
    // Imported earlier (or claimed by this same user): keep its card number and union.
    member = { ...existing, openid: app.openid };
    if (!existing.openid) await tx.collection(C.members).doc(app._id).update({ openid: app.openid, claimedAt: now });
  } else {
    const cardNo = formatCardNo(await takeCardSequence(tx, 1, now));
    const { _id, ...fields }: MemberDoc = {
      _id: app._id,
      cardNo,
      status: 'active',
      nameMasked: app.nameMasked,
      nameHash: app.nameHash,
      idMasked: app.idMasked,
      phoneMasked: app.phoneMasked,
      phoneHash: app.phoneHash,
      employer: app.employer,
      unionId: app.unionId,
      unionAncestors: app.unionAncestors,
      tags: app.tags,
      source: 'application',
      openid: app.openid,
      joinedAt: now,
      createdBy: admin.user.openid,
    };
    await tx.collection(C.members).doc(_id).set(fields);
    member = { _id, ...fields };
  }
  await writeLinkedUser(tx, app.openid, user, member, now);
  const decided = {
    status: 'approved' as const,
    cardNo: member.cardNo,
    reviewedAt: now,
    reviewedBy: admin.user.openid,
    rejectReason: null,
    realName: null,
  };
  await tx.collection(C.memberApplications).doc(app._id).update(decided);
  return { ...app, ...decided };
}

async function reject(tx: Tx, app: ApplicationDoc, admin: Admin, reason: string, now: Date): Promise<ApplicationDoc> {
  const decided = { status: 'rejected' as const, rejectReason: reason, reviewedAt: now, reviewedBy: admin.user.openid, realName: null };
  await tx.collection(C.memberApplications).doc(app._id).update(decided);
  const user = await txGet<UserDoc>(tx, C.users, app.openid);
  if (user?.memberStatus === 'pending') await tx.collection(C.users).doc(app.openid).update({ memberStatus: 'rejected', updatedAt: now });
  return { ...app, ...decided };
}

/**
 * Tell the applicant the outcome (消息, and the 入会审核结果 subscribe message when they accepted
 * it on applying). Once per decision: a retried review does not tell them twice.
 */
async function tellApplicant(ctx: UserContext, app: ApplicationDoc, unionName: string): Promise<void> {
  const approved = app.status === 'approved';
  const union = unionName || '工会';
  await notify(ctx, {
    openid: app.openid,
    category: 'membership',
    title: approved ? '入会申请已通过' : '入会申请未通过',
    body: approved
      ? `您已成为${union}会员，会员卡号 ${app.cardNo ?? ''}。在「首页 → 会员卡」可以出示电子会员卡。`
      : `${union}未通过您的入会申请，原因：${app.rejectReason ?? '未说明'}。您可以修改信息后重新申请，如有疑问请联系${union}。`,
    link: approved ? '/packages/member/card/index' : '/packages/member/status/index',
    template: 'membership_review',
    templateData: {
      thing1: '工会入会申请',
      phrase2: approved ? '已通过' : '未通过',
      thing3: approved ? `欢迎加入${union}` : (app.rejectReason ?? ''),
      time4: formatBusiness(app.reviewedAt ?? ctx.now(), 'YYYY-MM-DD HH:mm'),
    },
    dedupeKey: `application:${app._id}:${app.status}:${new Date(app.reviewedAt ?? 0).getTime()}`,
  });
}

export const adminReview = userAction<AdminReviewRequest, AdminReviewResult>('member.adminReview', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && reason.length === 0) throw new AppFailure('REJECT_REASON_REQUIRED');
  const now = ctx.now();
  const target = input.decision === 'approve' ? 'approved' : 'rejected';

  const outcome = await inTransaction<Outcome>(ctx.db, async (tx) => {
    const app = await txGet<ApplicationDoc>(tx, C.memberApplications, input.applicationId);
    if (!app) throw new AppFailure('NOT_FOUND', '入会申请不存在');
    assertInScope(admin, app.unionAncestors);
    if (app.status !== 'pending') {
      if (app.status === target) return { app, alreadyReviewed: true };
      throw new AppFailure('ALREADY_REVIEWED');
    }
    const decided = input.decision === 'approve' ? await approve(tx, app, admin, now) : await reject(tx, app, admin, reason, now);
    return { app: decided, alreadyReviewed: false };
  });
  ctx.log.info('application reviewed', { decision: input.decision, unionId: outcome.app.unionId, already: outcome.alreadyReviewed });
  const unions = await unionsById(ctx, [outcome.app.unionId]);
  if (!outcome.alreadyReviewed) await tellApplicant(ctx, outcome.app, unions.get(outcome.app.unionId)?.name ?? '');
  return ok({ application: applicationView(outcome.app, unions), alreadyReviewed: outcome.alreadyReviewed });
});
