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
 * Entries left `sending` by a run that died are put back every REQUEUE_EVERY_MIN minutes, not every
 * minute: that sweep is a database write per run, the largest part of what a quiet day costs this
 * timer (docs/operations.md). Such an entry is sent again at most STALE_SENDING_MS + 10 min late.
 */
export const REQUEUE_EVERY_MIN = 10;

/** Whether this run also sweeps stale claims: by the minute the timer was scheduled for. */
export function sweepsStale(scheduledFor: Date): boolean {
  return scheduledFor.getUTCMinutes() % REQUEUE_EVERY_MIN === 0;
}

/**
 * Timer `send` (every minute): delivers due outbox entries and records each result (and every
 * tenth minute first puts back entries a dead run left `sending`). Safe to
 * overlap with another run (a slow run and the next minute's): entries are claimed one by one
 * with a conditional update, so each is sent by exactly one run.
 */
export const send: TriggerHandler = async (ctx, event) => {
  const transport = transportFromEnv();
  const scheduled = typeof event.Time === 'string' && !Number.isNaN(Date.parse(event.Time)) ? new Date(event.Time) : ctx.now();
  const requeued = sweepsStale(scheduled) ? await requeueStale(ctx) : 0;
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
