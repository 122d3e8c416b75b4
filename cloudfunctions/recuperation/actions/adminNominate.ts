/**
 * The unit union nominates a member for a batch (工会推荐): the same rules as a member's own
 * application (verified, one per year, no-repeat period, cost cap), ranked and approved the same way.
 * A suspended card (`members.status: 'revoked'`, or the linked user `suspended`) is refused with
 * `MEMBER_SUSPENDED` in the admin's words.
 */
import { ok } from '../../../shared/envelope';
import type { AdminNominateRequest, AdminNominateResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import type { MemberDoc, UserDoc } from '../../_lib/docs';
import { assertInScope, getBatch, requireAdmin } from '../lib/access';
import { createApplication } from '../lib/applications';
import { applicantView } from '../lib/present';
import { notify } from '../../_lib/notify';

export const adminNominate = userAction<AdminNominateRequest, AdminNominateResult>('recuperation.adminNominate', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const member = (await ctx.db.collection(C.members).doc(input.memberId).get()).data[0] as MemberDoc | undefined;
  if (!member) throw new AppFailure('NOT_FOUND', '会员不存在');
  assertInScope(admin, member.unionAncestors);
  const suspended = new AppFailure('MEMBER_SUSPENDED', '该会员的会员卡已被所属工会停用，不能推荐其参加疗休养');
  if (member.status === 'revoked') throw suspended;
  if (!member.openid) throw new AppFailure('MEMBER_NOT_VERIFIED', '该会员尚未绑定微信，无法推荐（请会员先在小程序中认领会员身份）');
  const user = (await ctx.db.collection(C.users).doc(member.openid).get()).data[0] as UserDoc | undefined;
  if (user?.memberStatus === 'suspended') throw suspended;
  const batch = await getBatch(ctx, input.batchId);
  const created = await createApplication(ctx, { user: user ?? null, batch, source: 'nominated', nominatedBy: ctx.openid }).catch(
    (err: unknown) => {
      // The member-facing wording ("您…") is turned around for the admin.
      throw err instanceof AppFailure ? new AppFailure(err.code, err.message.replace(/^您/, '该会员')) : err;
    },
  );
  await notify(ctx, {
    openid: created.openid,
    category: 'recuperation',
    title: '单位工会推荐您参加疗休养',
    body: `单位工会推荐您参加「${batch.title}」，审核结果将另行通知。`,
    link: '/packages/recuperation/mine/index',
    dedupeKey: `recu:${created._id}:nominated:${new Date(created.submittedAt).getTime()}`,
  });
  return ok({ applicant: applicantView(created, batch, 0, false) });
});
