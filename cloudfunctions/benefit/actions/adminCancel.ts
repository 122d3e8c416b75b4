/**
 * benefit.adminCancel (撤回): an admin of the drop's union or of a union above it withdraws a
 * drop before it opens. Accepted until CANCEL_LEAD_MS before the opening (for a draw, the draw
 * runs at the opening): by then every instance's cached copy of the drop shows the withdrawal,
 * so claims are refused from memory at no cost (shared/benefit/rules.ts, docs/benefit.md).
 *
 * One conditional update sets status, time, who and why, only while the drop is `scheduled`
 * and still before the limit; the database decides a race with the draw timer or another admin.
 * Idempotent: a retry (same request id) or a second cancel of a withdrawn drop answers with the
 * stored withdrawal. The audit entry has a deterministic id, so a retry after a crash adds it
 * once. Registrants of a draw are told by the `draw` timer (triggers/cancelNotices.ts): in
 * bounded batches, resumably, also those whose registration raced with this action.
 */
import { ok } from '../../../shared/envelope';
import { CANCEL_LEAD_MS, cancelDeadline } from '../../../shared/benefit/rules';
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN, type AdminCancelRequest, type AdminCancelResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { lowerDue } from '../../_lib/schedule';
import { adminDrop } from '../lib/admin';
import { cancellationOf } from '../lib/cancel';
import { asDate, isDuplicate, type DropAuditDoc, type DropDoc } from '../lib/docs';
import { noteCancelled } from '../lib/memory';

function answer(drop: DropDoc): AdminCancelResult {
  const cancelled = cancellationOf(drop);
  if (!cancelled) throw new Error(`drop ${drop._id} is not cancelled`);
  return { dropId: drop._id, title: drop.title, cancelled };
}

/** The audit entry of the withdrawal, written once whichever attempt gets here first. */
async function audit(ctx: UserContext, drop: DropDoc, before: DropDoc): Promise<void> {
  const doc: DropAuditDoc = {
    _id: `${drop._id}_cancel`,
    dropId: drop._id,
    action: 'cancel',
    by: drop.cancelledBy ?? ctx.openid,
    byName: drop.cancelledByName ?? '',
    at: asDate(drop.cancelledAt),
    reason: drop.cancelReason ?? '',
    requestId: drop.cancelRequestId ?? ctx.requestId,
    unionAncestors: drop.unionAncestors,
    before: {
      title: before.title,
      mode: before.mode,
      stock: before.stock,
      opensAt: asDate(before.opensAt),
      status: before.status === 'cancelled' ? 'scheduled' : before.status,
    },
  };
  try {
    await ctx.db.collection(C.dropAudit).add(doc);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

function tooLate(): AppFailure {
  return new AppFailure('DROP_CANCEL_TOO_LATE', `福利已开始或即将开始（开始前 ${CANCEL_LEAD_MS / 60_000} 分钟内不能撤回）`);
}

export const adminCancel = userAction<AdminCancelRequest, AdminCancelResult>('benefit.adminCancel', async (input, ctx) => {
  const reason = input.reason.trim().replace(/\s+/g, ' ');
  if ([...reason].length < CANCEL_REASON_MIN) {
    throw new AppFailure('INVALID_ARGUMENT', `请填写撤回原因（${CANCEL_REASON_MIN}–${CANCEL_REASON_MAX} 个字），会员会看到`);
  }
  const { admin, drop } = await adminDrop(ctx, input.dropId);
  if (drop.status === 'cancelled') {
    await audit(ctx, drop, drop); // a retry after a crash between the update and the audit
    return ok(answer(drop));
  }
  const now = ctx.now();
  const deadline = cancelDeadline(asDate(drop.opensAt).getTime());
  if (drop.status !== 'scheduled' || now.getTime() >= deadline) throw tooLate();

  const fields = {
    status: 'cancelled' as const,
    cancelledAt: now,
    cancelledBy: ctx.openid,
    cancelledByName: admin.user.nameMasked || '工会管理员',
    cancelReason: reason,
    cancelRequestId: ctx.requestId,
    // First-come drops have nobody to tell; a draw's registrants are told by the `draw` timer.
    cancelNoticesDoneAt: drop.mode === 'draw' ? null : now,
  };
  const _ = ctx.db.command;
  const upd = await ctx.db
    .collection(C.drops)
    .where({ _id: drop._id, status: 'scheduled', opensAt: _.gt(new Date(now.getTime() + CANCEL_LEAD_MS)) })
    .update(fields);
  if (upd.updated !== 1) {
    // Lost a race: another admin withdrew it (answer theirs) or the draw started (too late).
    const fresh = (await ctx.db.collection(C.drops).doc(drop._id).get()).data[0] as DropDoc | undefined;
    if (fresh?.status === 'cancelled') {
      await audit(ctx, fresh, drop);
      return ok(answer(fresh));
    }
    throw tooLate();
  }
  const cancelled: DropDoc = { ...drop, ...fields };
  noteCancelled(drop._id, fields);
  await audit(ctx, cancelled, drop);
  ctx.log.info('drop cancelled', { dropId: drop._id, mode: drop.mode });
  // A withdrawn draw's registrants are told by the draw timer: at its next tick.
  if (drop.mode === 'draw') await lowerDue(ctx, 'benefit.draw', ctx.now());
  return ok(answer(cancelled));
});
