/**
 * Job `finishDeletions` (run by the schedule tick when a lease runs out, _lib/schedule.ts): finishes 注销账号 jobs whose run stopped
 * half-way (the member closed the page, a timeout, a crash — their lease ran out), and deletes
 * identity-probe budgets kept after a deletion once their windows have ended, and purges the
 * 工会工作台 sign-in's spent tickets, ended sessions and ended ticket-limit windows
 * (lib/consolePurge.ts: any timer may call it; it rides this one until a shared tick exists).
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';
import { BUDGET_MS, type DeletionJobDoc } from '../lib/deletion/job';
import { purgeConsoleSignIns } from '../lib/consolePurge';
import { purgeAttempts } from '../lib/deletion/messages';
import { runDeletion } from '../lib/deletion/run';
import { earliest } from '../../_lib/schedule';

export const finishDeletions: TriggerHandler = async (ctx) => {
  const deadline = Date.now() + BUDGET_MS;
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection(C.accountDeletions)
    .where({ status: 'running', leaseUntil: _.lt(ctx.now()) })
    .orderBy('leaseUntil', 'asc')
    .limit(10)
    .get();
  let finished = 0;
  let pending = 0;
  for (const job of due.data as DeletionJobDoc[]) {
    if (Date.now() >= deadline) {
      pending++;
      continue;
    }
    try {
      const run = await runDeletion(ctx, job._id, deadline);
      if (run.outcome === 'done') finished++;
      else pending++;
    } catch {
      // Logged by runDeletion (step and code only); the lease is released, the next run retries.
      pending++;
    }
  }
  const purged = await purgeAttempts(ctx);
  const signIns = await purgeConsoleSignIns(ctx);
  const consolePurged = signIns.tickets + signIns.sessions + signIns.limits;
  if (due.data.length > 0 || purged > 0 || consolePurged > 0)
    ctx.log.info('deletions timer', {
      finished,
      pending,
      purged,
      consoleTickets: signIns.tickets,
      consoleSessions: signIns.sessions,
      consoleLimits: signIns.limits,
    });
  // For the schedule: the next lease to run out and the next kept budget to delete (both
  // announced by their writers); work left over → the next minute.
  const [lease, budget] = await Promise.all([
    ctx.db
      .collection(C.accountDeletions)
      .where({ status: 'running' })
      .field({ leaseUntil: true })
      .orderBy('leaseUntil', 'asc')
      .limit(1)
      .get(),
    ctx.db
      .collection(C.memberAttempts)
      .where({ purgeAfter: _.gte(ctx.now()) })
      .field({ purgeAfter: true })
      .orderBy('purgeAfter', 'asc')
      .limit(1)
      .get(),
  ]);
  const leaseUntil = (lease.data[0] as DeletionJobDoc | undefined)?.leaseUntil;
  const purgeAfter = (budget.data[0] as { purgeAfter?: Date } | undefined)?.purgeAfter;
  const nextDueAt =
    pending > 0 || due.data.length === 10
      ? ctx.now()
      : earliest(
          leaseUntil ? new Date(new Date(leaseUntil).getTime() + 1000) : null,
          purgeAfter ? new Date(new Date(purgeAfter).getTime() + 1000) : null,
        );
  return ok({ finished, pending, purged, console: signIns, nextDueAt });
};
