/**
 * 注销账号, messages and the identity-probe budget.
 * - In-app notices, the subscribe-message outbox (pending messages are never sent), the
 *   subscription credits and the opt-in reports are deleted.
 * - `member_attempts/idproof:<openid>` counts tries of claim / apply. With no counted try in a
 *   running window it is deleted now. Otherwise it stays until those windows end (at most 24 h:
 *   `purgeAfter`), so that deleting the account is no way to reset the limit; the member timer
 *   deletes it then (purgeAttempts).
 */
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import { PROOF_LIMITS, proofKey, type AttemptDoc } from '../attempts';
import type { Step, StepContext } from './job';
import { docById } from '../../../_lib/reads';
import { lowerDue } from '../../../_lib/schedule';

export const messagesStep: Step = {
  name: 'messages',
  async run(ctx: BaseContext, sc: StepContext) {
    const notices = await ctx.db.collection(C.notifications).where({ openid: sc.openid }).remove();
    const outbox = await ctx.db.collection(C.outbox).where({ openid: sc.openid }).remove();
    await ctx.db.collection(C.subscriptions).where({ _id: sc.openid }).remove();
    const optIns = await ctx.db.collection(C.subscriptionOptIns).where({ openid: sc.openid }).remove();
    return { notices: notices.deleted ?? 0, outbox: outbox.deleted ?? 0, optIns: optIns.deleted ?? 0 };
  },
};

/** When the windows holding counted tries end (ms), or 0 when none does. */
export function countedUntil(doc: Pick<AttemptDoc, 'hourFrom' | 'hourCount' | 'dayFrom' | 'dayCount'>, now: number): number {
  const hourEnd = new Date(doc.hourFrom).getTime() + PROOF_LIMITS.hour.ms;
  const dayEnd = new Date(doc.dayFrom).getTime() + PROOF_LIMITS.day.ms;
  return Math.max(doc.hourCount > 0 && hourEnd > now ? hourEnd : 0, doc.dayCount > 0 && dayEnd > now ? dayEnd : 0);
}

export const attemptsStep: Step = {
  name: 'attempts',
  async run(ctx: BaseContext, sc: StepContext) {
    const key = proofKey(sc.openid);
    const doc = await docById<AttemptDoc>(ctx, C.memberAttempts, key);
    if (!doc) return { deleted: 0, held: 0 };
    const until = countedUntil(doc, ctx.now().getTime());
    if (until === 0) {
      const res = await ctx.db.collection(C.memberAttempts).where({ _id: key }).remove();
      return { deleted: res.deleted ?? 0, held: 0 };
    }
    await ctx.db
      .collection(C.memberAttempts)
      .where({ _id: key })
      .update({ purgeAfter: new Date(until) });
    await lowerDue(ctx, 'member.finishDeletions', new Date(until + 1000)); // purgeAttempts deletes it then
    return { deleted: 0, held: 1 };
  },
};

/**
 * Timer part: delete the budgets kept after a deletion once no counted try is in a running
 * window. A budget the same WeChat user is using again (they came back) is left until its own
 * windows end — deleting an expired budget changes nothing, the next try would start afresh.
 */
export async function purgeAttempts(ctx: BaseContext): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const res = await ctx.db
    .collection(C.memberAttempts)
    .where({ purgeAfter: _.lt(now) })
    .limit(100)
    .get();
  let purged = 0;
  for (const doc of res.data as Array<AttemptDoc & { purgeAfter: Date }>) {
    const until = countedUntil(doc, now.getTime());
    if (until > 0) {
      await ctx.db
        .collection(C.memberAttempts)
        .where({ _id: doc._id, purgeAfter: doc.purgeAfter })
        .update({ purgeAfter: new Date(until) });
      continue;
    }
    const removed = await ctx.db
      .collection(C.memberAttempts)
      .where({ _id: doc._id, hourFrom: doc.hourFrom, dayFrom: doc.dayFrom, hourCount: doc.hourCount, dayCount: doc.dayCount })
      .remove();
    purged += removed.deleted ?? 0;
  }
  return purged;
}
