/**
 * 注销账号 (PIPL art. 47; what is deleted and what is kept: docs/membership.md). The caller is the
 * invocation's user, confirmed by typing 「注销」.
 *
 * Refused with ACCOUNT_DELETION_BLOCKED — nothing changed — while the user is a union admin or
 * something under way needs the account (shared with the preview: lib/deletion/preview.ts).
 * Otherwise the job marker is written first and the steps run within a time budget. Safe to
 * repeat: a call while a job runs continues it (no second guard check: the job is committed),
 * a call after it finished runs a new round that finds nothing left and answers done. What a
 * run leaves (budget, crash, timeout) is finished by the next call or the `finishDeletions` timer.
 */
import { ok } from '../../../shared/envelope';
import { blockedMessage, DELETE_CONFIRM_WORD, type DeleteAccountResult } from '../../../shared/member/deletion';
import type { DeleteAccountRequest } from '../../../shared/member/schemas';
import { AppFailure, userAction } from '../../_lib/router';
import { beginDeletion, BUDGET_MS, findJob } from '../lib/deletion/job';
import { findBlockers } from '../lib/deletion/preview';
import { runDeletion } from '../lib/deletion/run';

export const deleteAccount = userAction<DeleteAccountRequest, DeleteAccountResult>('member.deleteAccount', async (input, ctx) => {
  const deadline = Date.now() + BUDGET_MS;
  if (input.confirm.trim() !== DELETE_CONFIRM_WORD)
    throw new AppFailure('INVALID_ARGUMENT', `请输入“${DELETE_CONFIRM_WORD}”两个字确认注销`);
  let job = await findJob(ctx, ctx.openid);
  if (job?.status !== 'running') {
    const blockers = await findBlockers(ctx, ctx.openid);
    if (blockers.length > 0) throw new AppFailure('ACCOUNT_DELETION_BLOCKED', blockedMessage(blockers));
    job = await beginDeletion(ctx, ctx.openid);
  }
  const run = await runDeletion(ctx, job._id, deadline);
  const finishedAt = run.outcome === 'done' && run.job?.finishedAt ? new Date(run.job.finishedAt).toISOString() : null;
  return ok({ status: run.outcome === 'done' ? 'done' : 'in_progress', finishedAt });
});
