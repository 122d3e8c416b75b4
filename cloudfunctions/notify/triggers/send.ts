import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';
import { earliest } from '../../_lib/schedule';
import { deliver, dueEntries, requeueStale, STALE_SENDING_MS, type DeliveryResult, type OutboxDoc } from '../lib/outbox';
import { transportFromEnv } from '../lib/transport';

/** Entries per query; several rounds per run, bounded so one run ends well within its timeout. */
export const BATCH_SIZE = 50;
const MAX_ROUNDS = 10;
/** Parallel sends within a batch (WeChat's per-app limit is far above this). */
const PARALLEL = 10;

/**
 * Job `send` (run by the schedule tick when an entry is queued, a retry's time has come or a
 * claim may have gone stale; _lib/schedule.ts): first puts back entries a dead run left
 * `sending`, then delivers due outbox entries and records each result. Safe to overlap with
 * another run: entries are claimed one by one with a conditional update, so each is sent by
 * exactly one run. Its answer names when it next has work (`nextDueAt`): the earliest retry,
 * or the moment the oldest `sending` claim goes stale.
 */
export const send: TriggerHandler = async (ctx) => {
  const _ = ctx.db.command;
  const transport = transportFromEnv();
  const requeued = await requeueStale(ctx);
  const counts: Record<DeliveryResult, number> = { sent: 0, failed: 0, retry: 0, taken: 0 };
  let drained = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = await dueEntries(ctx, BATCH_SIZE);
    for (let i = 0; i < due.length; i += PARALLEL) {
      const results = await Promise.all(due.slice(i, i + PARALLEL).map((entry) => deliver(ctx, entry, transport)));
      for (const r of results) counts[r]++;
    }
    // Every entry of this batch was handled by some run; a short batch means the queue is drained.
    if (due.length < BATCH_SIZE) {
      drained = true;
      break;
    }
  }
  if (counts.sent + counts.failed + counts.retry > 0) ctx.log.info('outbox run', { ...counts, requeued });
  const outbox = ctx.db.collection(C.outbox);
  const [retry, claimed] = await Promise.all([
    outbox.where({ status: 'pending' }).field({ nextAttemptAt: true }).orderBy('nextAttemptAt', 'asc').limit(1).get(),
    outbox
      .where({ status: 'sending', claimedAt: _.exists(true) })
      .field({ claimedAt: true })
      .orderBy('claimedAt', 'asc')
      .limit(1)
      .get(),
  ]);
  const claimedAt = (claimed.data[0] as OutboxDoc | undefined)?.claimedAt;
  const nextDueAt = drained
    ? earliest(
        (retry.data[0] as OutboxDoc | undefined)?.nextAttemptAt,
        claimedAt ? new Date(new Date(claimedAt).getTime() + STALE_SENDING_MS + 1000) : null,
      )
    : ctx.now();
  return ok({ ...counts, requeued, nextDueAt });
};
