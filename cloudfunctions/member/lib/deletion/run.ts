/**
 * Runs a 注销账号 job: the steps in order, each recorded once complete. A run stops at its time
 * budget (or when a step must wait, RetryLater) and answers `in_progress`; the next call of
 * member.deleteAccount or the `finishDeletions` timer takes the lease and continues.
 *
 * The day-care, recuperation, benefit and publishing steps are each domain's own part, run by
 * that domain's function (domains.ts); the rest is membership's.
 *
 * Order: first what may still move things for other people (day-care places, recuperation,
 * benefit codes, activity places), then the records, then the account itself (after which the
 * user is a guest), then the follower counters, the messages and the probe budget. Logs carry
 * the step name and counts only, never an openid or a name.
 */
import type { BaseContext } from '../../../_lib/router';
import { accountStep, applicationsStep, followsStep } from './account';
import { consoleStep } from './console';
import { domainStep } from './domains';
import {
  checkTime,
  finishJob,
  findJobById,
  markStep,
  OutOfTime,
  releaseLease,
  RetryLater,
  takeLease,
  type DeletionJobDoc,
  type Step,
} from './job';
import { attemptsStep, messagesStep } from './messages';
import { recordsStep } from './records';
import { tombstoneOf } from './tombstone';

export const STEPS: readonly Step[] = [
  domainStep('daycare'),
  domainStep('recuperation'),
  domainStep('benefit'),
  domainStep('content'),
  applicationsStep,
  recordsStep,
  consoleStep,
  accountStep,
  followsStep,
  messagesStep,
  attemptsStep,
];

/** done: finished now; in_progress: budget used up or waiting; busy: another runner holds the job. */
export type RunOutcome = 'done' | 'in_progress' | 'busy';

export async function runDeletion(
  ctx: BaseContext,
  jobId: string,
  deadline: number,
): Promise<{ outcome: RunOutcome; job: DeletionJobDoc | null }> {
  const token = await takeLease(ctx, jobId);
  if (!token) return { outcome: 'busy', job: await findJobById(ctx, jobId) };
  const job = await findJobById(ctx, jobId);
  if (!job || job.status !== 'running' || !job.openid) return { outcome: 'busy', job };
  const sc = { openid: job.openid, tombstone: tombstoneOf(job.openid), jobId, job, deadline };
  for (const step of STEPS) {
    if (job.stepsDone.includes(step.name)) continue;
    let counts;
    try {
      checkTime(sc);
      counts = await step.run(ctx, sc);
    } catch (err) {
      await releaseLease(ctx, jobId, token).catch(() => undefined);
      if (err instanceof OutOfTime || err instanceof RetryLater) {
        ctx.log.info('account deletion paused', {
          step: step.name,
          why: err instanceof OutOfTime ? 'budget' : 'retry_later',
          round: job.round,
        });
        return { outcome: 'in_progress', job };
      }
      // Database errors can quote ids that hold the openid: log the step and the code only.
      ctx.log.error('account deletion step failed', {
        step: step.name,
        errCode: String((err as { code?: unknown }).code ?? (err as Error).name),
      });
      throw new Error(`account deletion step ${step.name} failed`);
    }
    if (!(await markStep(ctx, jobId, token, step.name, counts))) return { outcome: 'busy', job };
    job.stepsDone.push(step.name);
    ctx.log.info('account deletion step', { step: step.name, round: job.round, ...counts });
  }
  const done = await finishJob(ctx, jobId, token);
  if (!done) return { outcome: 'busy', job: await findJobById(ctx, jobId) };
  ctx.log.info('account deleted', { round: done.round });
  return { outcome: 'done', job: done };
}
