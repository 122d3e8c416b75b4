/**
 * Timer `tick` (every minute), the one timer behind the scheduled jobs (_lib/schedule.ts,
 * docs/operations.md "What a quiet day costs"). A quiet minute costs this invocation and one
 * database read: the whole `schedule` collection (a dozen small documents). A job whose
 * `dueAt` has come, or that has no document yet (a fresh environment, or one a writer could not
 * find), is claimed and run by the function that owns it through a signed internal call; due
 * jobs run side by side and the tick waits for them (config.json: its timeout covers the
 * longest job's). Afterwards each job's next due time is what the job reported, at the latest
 * its safety sweep.
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import { isDuplicate } from '../../_lib/dbErrors';
import { callInternal } from '../../_lib/internal';
import type { BaseContext, TriggerHandler } from '../../_lib/router';
import { nextDue, RETRY_MS, SCHEDULED_JOBS, TIMER_OP, type ScheduledJob, type ScheduleDoc } from '../../_lib/schedule';
import { heartbeat } from './heartbeat';

type Outcome = 'ran' | 'taken' | 'failed';

/** Handlers of this function's own jobs: run in the tick's invocation, no call needed. */
const LOCAL: Record<string, TriggerHandler> = { heartbeat };

function asDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}

/** What the job reported as its next work (`nextDueAt` in its answer's data), if anything. */
function reportedNext(result: unknown): Date | null {
  const data = (result as { ok?: boolean; data?: { nextDueAt?: unknown } } | null)?.data;
  const at = data?.nextDueAt;
  if (typeof at !== 'string' && !(at instanceof Date)) return null;
  const d = asDate(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Claims the job (so an overlapping tick leaves it alone); its version after the claim, or null. */
async function claim(ctx: BaseContext, job: ScheduledJob, doc: ScheduleDoc | null, now: Date): Promise<number | null> {
  const _ = ctx.db.command;
  const retryAt = new Date(now.getTime() + RETRY_MS);
  if (!doc) {
    try {
      await ctx.db.collection(C.schedule).add({ _id: job.id, dueAt: retryAt, v: 1, lastRunAt: now, lastOkAt: null });
      return 1;
    } catch (err) {
      if (isDuplicate(err)) return null; // another tick created it first
      throw err;
    }
  }
  const res = await ctx.db
    .collection(C.schedule)
    .where({ _id: job.id, v: doc.v })
    .update({ dueAt: retryAt, v: _.inc(1), lastRunAt: now });
  return res.updated === 1 ? doc.v + 1 : null;
}

async function runJob(ctx: BaseContext, job: ScheduledJob, doc: ScheduleDoc | null, now: Date, scheduledFor: string): Promise<Outcome> {
  const v = await claim(ctx, job, doc, now);
  if (v === null) return 'taken';
  let result: unknown;
  try {
    const local = job.fn === 'system' ? LOCAL[job.trigger] : undefined;
    result = local
      ? await local(ctx, { Type: 'Timer', TriggerName: job.trigger, Time: scheduledFor })
      : { ok: true, data: await callInternal(ctx, job.fn, TIMER_OP, { trigger: job.trigger, scheduledFor }) };
  } catch (err) {
    // The claim left dueAt RETRY_MS ahead: the job comes back then.
    ctx.log.error('scheduled job failed', { job: job.id, err });
    return 'failed';
  }
  const _ = ctx.db.command;
  const dueAt = nextDue(reportedNext(result), now, job.sweepMs);
  // Only if nobody lowered dueAt since the claim: a writer's earlier time stands.
  await ctx.db
    .collection(C.schedule)
    .where({ _id: job.id, v })
    .update({ dueAt, v: _.inc(1), lastOkAt: now });
  return 'ran';
}

export const tick: TriggerHandler = async (ctx, event) => {
  const now = ctx.now();
  const scheduledFor = typeof event.Time === 'string' && !Number.isNaN(Date.parse(event.Time)) ? event.Time : now.toISOString();
  const res = await ctx.db.collection(C.schedule).limit(100).get();
  const docs = new Map((res.data as ScheduleDoc[]).map((d) => [d._id, d]));
  const due = SCHEDULED_JOBS.filter((j) => {
    const d = docs.get(j.id);
    if (!d) return true;
    const at = asDate(d.dueAt).getTime();
    // Further ahead than any run or writer puts it: written under a clock that has since gone
    // back (the local cloud's demo clock). Run it rather than sleep past its sweep.
    return at <= now.getTime() || at > now.getTime() + j.sweepMs + RETRY_MS;
  });
  if (due.length === 0) return ok({ ran: [], taken: [], failed: [] });
  const outcomes = await Promise.all(
    due.map((j) => runJob(ctx, j, docs.get(j.id) ?? null, now, scheduledFor).then((o) => [j.id, o] as const)),
  );
  const by = (o: Outcome) => outcomes.filter(([, x]) => x === o).map(([id]) => id);
  ctx.log.info('tick', { ran: by('ran').join(','), taken: by('taken').join(','), failed: by('failed').join(',') });
  return ok({ ran: by('ran'), taken: by('taken'), failed: by('failed') });
};
