/**
 * The 注销账号 job: `account_deletions/<openidKey>`, written BEFORE anything is deleted, so a run
 * cut short (timeout, crash, a user with many records) is finished by a retry of the action or
 * by the member timer `finishDeletions`. One runner at a time holds a lease (a conditional update
 * on `leaseUntil`); each step is idempotent and is recorded in `stepsDone` once complete, so a
 * resumed run skips what is done and redoes only the step that was cut off.
 *
 * The document holds the openid only while the job runs (the timer needs it to find the
 * records); finishing sets it to null and keeps the times and counts of each round (a record
 * that the deletion was done, with no identity in it).
 */
import { randomBytes } from 'node:crypto';
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import { openidKey } from './tombstone';
import { isDuplicate } from '../../../_lib/dbErrors';
import { lowerDue } from '../../../_lib/schedule';

/** Longer than a member invocation may run (config.json timeout: 20 s). */
export const LEASE_MS = 30_000;
/** A run starts no new step (and a step no new record) after this much wall time. */
export const BUDGET_MS = 12_000;

export type { StepCounts } from '../../../_lib/forgetUser';
import type { StepCounts } from '../../../_lib/forgetUser';

export interface DeletionRound {
  round: number;
  startedAt: Date;
  finishedAt: Date;
  counts: Record<string, StepCounts>;
}

export interface DeletionJobDoc {
  _id: string;
  status: 'running' | 'done';
  /** Only while running; null once done. */
  openid: string | null;
  /** 1 for the first deletion; a later deletion of the same WeChat user (who came back as a guest) is round 2… */
  round: number;
  startedAt: Date;
  finishedAt: Date | null;
  leaseUntil: Date;
  leaseHolder: string | null;
  stepsDone: string[];
  counts: Record<string, StepCounts>;
  /** Unions whose follower counter still has to lose this follower (set by the account step). */
  pendingUnfollows: string[] | null;
  /** Earlier rounds, oldest first (at most 10): times and counts only. */
  history: DeletionRound[];
  updatedAt: Date;
}

/** Everything a step needs. `deadline` is wall-clock ms (the invocation's budget, not the business clock). */
export interface StepContext {
  openid: string;
  tombstone: string;
  jobId: string;
  job: DeletionJobDoc;
  deadline: number;
}

export interface Step {
  name: string;
  run(ctx: BaseContext, sc: StepContext): Promise<StepCounts>;
}

export { checkTime, OutOfTime, RetryLater } from '../../../_lib/forgetUser';

export async function findJob(ctx: BaseContext, openid: string): Promise<DeletionJobDoc | null> {
  return findJobById(ctx, openidKey(openid));
}

export async function findJobById(ctx: BaseContext, id: string): Promise<DeletionJobDoc | null> {
  const res = await ctx.db.collection(C.accountDeletions).doc(id).get();
  return (res.data[0] as DeletionJobDoc | undefined) ?? null;
}

/**
 * Write the marker (or find the running one). A finished job of the same user starts a new
 * round: the steps run again and find only what was created since (nothing, for a plain retry).
 */
export async function beginDeletion(ctx: BaseContext, openid: string): Promise<DeletionJobDoc> {
  const _ = ctx.db.command;
  const coll = ctx.db.collection(C.accountDeletions);
  const id = openidKey(openid);
  // If this run stops half-way, the timer finishes the job once the lease has run out. Announced
  // before the job is written (a future time: no timer run can miss the job).
  await lowerDue(ctx, 'member.finishDeletions', new Date(ctx.now().getTime() + LEASE_MS + 1000));
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await findJobById(ctx, id);
    if (current?.status === 'running') return current;
    const now = ctx.now();
    const fresh: Omit<DeletionJobDoc, '_id'> = {
      status: 'running',
      openid,
      round: (current?.round ?? 0) + 1,
      startedAt: now,
      finishedAt: null,
      leaseUntil: new Date(0),
      leaseHolder: null,
      stepsDone: [],
      counts: {},
      pendingUnfollows: null,
      history: current?.history ?? [],
      updatedAt: now,
    };
    if (!current) {
      try {
        await coll.add({ _id: id, ...fresh });
        return { _id: id, ...fresh };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        continue; // a parallel request wrote it first: go round and resume that one
      }
    }
    const res = await coll
      .where({ _id: id, status: 'done', round: current.round })
      .update({ ...fresh, stepsDone: _.set([]), counts: _.set({}), history: _.set(fresh.history) });
    if (res.updated === 1) return { _id: id, ...fresh };
  }
  throw new Error('deletion job could not be started');
}

/** Take the job if nobody holds it (or the holder's lease ran out). Returns the holder token. */
export async function takeLease(ctx: BaseContext, id: string): Promise<string | null> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const token = randomBytes(8).toString('hex');
  const res = await ctx.db
    .collection(C.accountDeletions)
    .where({ _id: id, status: 'running', leaseUntil: _.lt(now) })
    .update({ leaseUntil: new Date(now.getTime() + LEASE_MS), leaseHolder: token, updatedAt: now });
  return res.updated === 1 ? token : null;
}

export async function releaseLease(ctx: BaseContext, id: string, token: string): Promise<void> {
  await ctx.db
    .collection(C.accountDeletions)
    .where({ _id: id, leaseHolder: token })
    .update({ leaseUntil: new Date(0), leaseHolder: null });
}

/** Record a finished step (and renew the lease). False when the lease was lost to another runner. */
export async function markStep(ctx: BaseContext, id: string, token: string, step: string, counts: StepCounts): Promise<boolean> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const fields: Record<string, unknown> = { stepsDone: _.addToSet(step), leaseUntil: new Date(now.getTime() + LEASE_MS), updatedAt: now };
  fields[`counts.${step}`] = _.set(counts);
  const res = await ctx.db.collection(C.accountDeletions).where({ _id: id, status: 'running', leaseHolder: token }).update(fields);
  return res.updated === 1;
}

/** The job is done: the openid is erased from it; the round's times and counts stay. */
export async function finishJob(ctx: BaseContext, id: string, token: string): Promise<DeletionJobDoc | null> {
  const _ = ctx.db.command;
  const job = await findJobById(ctx, id);
  if (!job || job.status !== 'running' || job.leaseHolder !== token) return null;
  const now = ctx.now();
  const history = [...(job.history ?? []), { round: job.round, startedAt: job.startedAt, finishedAt: now, counts: job.counts ?? {} }].slice(
    -10,
  );
  const res = await ctx.db
    .collection(C.accountDeletions)
    .where({ _id: id, status: 'running', leaseHolder: token })
    .update({
      status: 'done',
      openid: null,
      finishedAt: now,
      leaseUntil: new Date(0),
      leaseHolder: null,
      pendingUnfollows: null,
      history: _.set(history),
      updatedAt: now,
    });
  return res.updated === 1 ? { ...job, status: 'done', openid: null, finishedAt: now, history } : null;
}
