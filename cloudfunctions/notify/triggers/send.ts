import { ok } from '../../../shared/envelope';
import type { TriggerHandler } from '../../_lib/router';
import { deliver, dueEntries, requeueStale, type DeliveryResult } from '../lib/outbox';
import { transportFromEnv } from '../lib/transport';

/** Entries per query; several rounds per run, bounded so one run ends well within its timeout. */
export const BATCH_SIZE = 50;
const MAX_ROUNDS = 10;
/** Parallel sends within a batch (WeChat's per-app limit is far above this). */
const PARALLEL = 10;

/**
 * Timer `send` (every minute): delivers due outbox entries and records each result. Safe to
 * overlap with another run (a slow run and the next minute's): entries are claimed one by one
 * with a conditional update, so each is sent by exactly one run.
 */
export const send: TriggerHandler = async (ctx) => {
  const transport = transportFromEnv();
  const requeued = await requeueStale(ctx);
  const counts: Record<DeliveryResult, number> = { sent: 0, failed: 0, retry: 0, taken: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = await dueEntries(ctx, BATCH_SIZE);
    if (due.length === 0) break;
    for (let i = 0; i < due.length; i += PARALLEL) {
      const results = await Promise.all(due.slice(i, i + PARALLEL).map((entry) => deliver(ctx, entry, transport)));
      for (const r of results) counts[r]++;
    }
    // Every entry of this batch was handled by some run; a short batch means the queue is drained.
    if (due.length < BATCH_SIZE) break;
  }
  if (counts.sent + counts.failed + counts.retry > 0) ctx.log.info('outbox run', { ...counts, requeued });
  return ok({ ...counts, requeued });
};
