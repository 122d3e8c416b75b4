/**
 * The schedule: when each scheduled job next has work (docs/operations.md, "What a quiet day
 * costs"). One timer trigger, `system.tick`, fires every minute and reads the whole `schedule`
 * collection in one request (one small document per job, `_id` = job id); when no `dueAt` has
 * come it returns. A due job is run through the signed internal call (internal.ts, op
 * TIMER_OP) by the function that owns it, with the same handler its timer used to run.
 *
 * Who sets `dueAt`:
 * - the writers that create work lower it (`lowerDue`: an idempotent minimum, one conditional
 *   update) — a drop created (its opening), a post scheduled, a campaign created, an offer with
 *   a deadline, a deletion started, a subscribe message queued…;
 * - after a run, the tick sets it to the earliest time the job itself reports (`nextDueAt` in
 *   its answer, from its own pending work), at the latest `sweepMs` after the run: the safety
 *   sweep that finds work a writer failed to announce.
 *
 * Each document carries a version `v`, raised by every change. The tick claims a due job by a
 * conditional update on the `v` it read (so two overlapping ticks never both run it) that moves
 * `dueAt` RETRY_MS ahead (if the run dies, the job comes back then); after the run it writes
 * the next due time only if `v` is still its own: a writer that lowered `dueAt` meanwhile keeps
 * its earlier time, so announced work is never pushed back by a run that did not see it.
 */
import { C } from './collections';
import { createLogger } from './log';
import { retryRefused } from './quota';
import type { BaseContext } from './router';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ScheduledJob {
  /** `<function>.<trigger>`: the schedule document's `_id`. */
  id: string;
  /** The function that runs it, and the name of its handler in that function's `triggers`. */
  fn: 'benefit' | 'content' | 'daycare' | 'member' | 'notify' | 'system';
  trigger: string;
  /** Safety sweep: the longest a job waits after a run, whatever it reported. */
  sweepMs: number;
}

const job = (fn: ScheduledJob['fn'], trigger: string, sweepMs = DAY): ScheduledJob => ({ id: `${fn}.${trigger}`, fn, trigger, sweepMs });

/** Every job the tick runs. `system.heartbeat` runs inside the tick's own invocation. */
export const SCHEDULED_JOBS = [
  job('benefit', 'draw'),
  job('benefit', 'reconcile'),
  job('content', 'publishDue'),
  job('content', 'remindActivities'),
  job('content', 'recountPlaces'),
  job('daycare', 'closeWindows'),
  job('daycare', 'expireOffers'),
  job('daycare', 'recountPlaces'),
  job('member', 'finishDeletions'),
  job('notify', 'send'),
  job('system', 'heartbeat', HOUR),
] as const satisfies readonly ScheduledJob[];

export type JobId = (typeof SCHEDULED_JOBS)[number]['id'];

export { TIMER_OP } from './internal';

/** A claimed run that never reported back is retried after this long. */
export const RETRY_MS = 3 * MINUTE;

export interface ScheduleDoc {
  _id: JobId;
  dueAt: Date;
  v: number;
  lastRunAt?: Date | null;
  lastOkAt?: Date | null;
}

/** Jobs that report work in the past (or now) mean: again at the next tick. */
export function nextDue(reported: Date | null, ranAt: Date, sweepMs: number): Date {
  const sweep = new Date(ranAt.getTime() + sweepMs);
  if (!reported || reported.getTime() >= sweep.getTime()) return sweep;
  return reported;
}

/** The earliest of the given times (nulls ignored), or null. */
export function earliest(...times: Array<Date | string | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const t of times) {
    if (!t) continue;
    const d = t instanceof Date ? t : new Date(t);
    if (Number.isNaN(d.getTime())) continue;
    if (!best || d.getTime() < best.getTime()) best = d;
  }
  return best;
}

const log = createLogger({ fn: 'schedule' });

/**
 * Announces work for `job` at `at`: lowers its `dueAt` to `at` unless it is already at or before
 * it (one conditional update; repeating it changes nothing). Never throws: the work is already
 * written, and the job's safety sweep (at most `sweepMs` later) finds it if this write is lost;
 * a failure is logged. A job whose document does not exist yet is due anyway (the tick runs it).
 */
export async function lowerDue(ctx: Pick<BaseContext, 'db'>, jobId: JobId, at: Date): Promise<boolean> {
  const _ = ctx.db.command;
  try {
    const res = await retryRefused(() =>
      ctx.db
        .collection(C.schedule)
        .where({ _id: jobId, dueAt: _.gt(at) })
        .update({ dueAt: at, v: _.inc(1) }),
    );
    return res.updated === 1;
  } catch (err) {
    log.error('schedule lowering failed; the safety sweep will find the work', {
      job: jobId,
      errCode: String((err as { code?: unknown }).code ?? (err as Error).name),
    });
    return false;
  }
}
