/**
 * 注销账号, the account itself.
 * - applications: every join application of the user is deleted (a pending one is thereby
 *   withdrawn; a decided one is recorded on the member record, which stays).
 * - account: in one transaction, the member record(s) linked to the user are unlinked
 *   (`openid: null`, `unlinkedAt`: the union's roster keeps the member, who can claim the record
 *   again from another WeChat account), the unions the user followed are noted on the job, and
 *   `users/<openid>` is deleted. From then on the same WeChat user is a guest.
 * - follows: each followed union's follower counter loses one (content's counters, moved by the
 *   content function's `follows.leave`; the nightly recount would correct them anyway), each union once: it is taken off the job's list after.
 */
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import { callInternal } from '../../../_lib/internal';
import { allDocs } from '../../../_lib/reads';
import type { MemberDoc, UserDoc } from '../docs';
import { inTransaction, txGet } from '../tx';
import { checkTime, findJobById, type Step, type StepContext } from './job';

export const applicationsStep: Step = {
  name: 'applications',
  async run(ctx: BaseContext, sc: StepContext) {
    const res = await ctx.db.collection(C.memberApplications).where({ openid: sc.openid }).remove();
    return { deleted: res.deleted ?? 0 };
  },
};

export const accountStep: Step = {
  name: 'account',
  async run(ctx: BaseContext, sc: StepContext) {
    const now = ctx.now();
    // Queries are not allowed inside a transaction: find the linked records first, re-read each inside.
    const linked = await allDocs<MemberDoc>(ctx, C.members, { openid: sc.openid });
    return inTransaction(ctx.db, async (tx) => {
      const user = await txGet<UserDoc>(tx, C.users, sc.openid);
      const ids = new Set(linked.map((m) => m._id));
      if (user?.memberId) ids.add(user.memberId);
      let unlinked = 0;
      for (const id of ids) {
        const member = await txGet<MemberDoc>(tx, C.members, id);
        if (member?.openid !== sc.openid) continue;
        await tx.collection(C.members).doc(id).update({ openid: null, unlinkedAt: now });
        unlinked++;
      }
      if (user) {
        await tx
          .collection(C.accountDeletions)
          .doc(sc.jobId)
          .update({ pendingUnfollows: [...new Set(user.follows ?? [])] });
        await tx.collection(C.users).doc(sc.openid).remove();
      }
      return { unlinked, users: user ? 1 : 0 };
    });
  },
};

export const followsStep: Step = {
  name: 'follows',
  async run(ctx: BaseContext, sc: StepContext) {
    const job = await findJobById(ctx, sc.jobId);
    let unfollowed = 0;
    for (const unionId of job?.pendingUnfollows ?? []) {
      checkTime(sc);
      await callInternal(ctx, 'content', 'follows.leave', { unionId });
      await ctx.db
        .collection(C.accountDeletions)
        .doc(sc.jobId)
        .update({ pendingUnfollows: ctx.db.command.pull(unionId) });
      unfollowed++;
    }
    return { unfollowed };
  },
};
