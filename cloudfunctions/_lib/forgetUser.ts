/**
 * 注销账号 across domains. The member function owns the job (its order, its guard, its lease:
 * member/lib/deletion/); each domain owns its own part, `cloudfunctions/<domain>/lib/forgetUser.ts`,
 * behind this one interface, and serves it as internal operations of its own function
 * (`forgetUserOps`, reached through the SDK: internal.ts). So member never bundles another domain's
 * code or stored shapes, and each part runs the code deployed with its domain.
 */
import { ok } from '../../shared/envelope';
import type { DeletionCounts } from '../../shared/member/deletion';
import { callInternal } from './internal';
import type { BaseContext, InternalHandler } from './router';

export type StepCounts = Record<string, number>;

/** Whose records, the stand-in that replaces the openid in what is kept, and the wall-clock deadline (ms). */
export interface ForgetScope {
  openid: string;
  tombstone: string;
  deadline: number;
}

export interface ForgetUserPart {
  /** What in this domain must be settled before the account can go (Chinese, one line each). */
  blockers(ctx: BaseContext, openid: string): Promise<string[]>;
  /** This domain's figures for the preview (its own fields of DeletionCounts only). */
  counts(ctx: BaseContext, openid: string): Promise<Partial<DeletionCounts>>;
  /** Deletes or anonymizes the user's records. Repeatable; throws OutOfTime / RetryLater to pause. */
  forget(ctx: BaseContext, scope: ForgetScope): Promise<StepCounts>;
}

/** The invocation's budget ran out: stop here, a retry or the timer continues. */
export class OutOfTime extends Error {}
/** Something in the domain is mid-way (e.g. a day-care draw is writing): try again later. */
export class RetryLater extends Error {}

export function checkTime(scope: Pick<ForgetScope, 'deadline'>): void {
  if (Date.now() >= scope.deadline) throw new OutOfTime('deletion budget used up');
}

/** A part's run, as it travels back: done with its counts, or paused. */
export type ForgetOutcome = { status: 'done'; counts: StepCounts } | { status: 'paused'; why: 'budget' | 'retry_later' };

interface RunBody {
  openid: string;
  tombstone: string;
  /** What is left of the caller's budget (ms); the callee's own clock starts it. */
  budgetMs: number;
}

/** A callee never runs longer than this, whatever budget it is given (its own timeout is 20 s). */
const MAX_BUDGET_MS = 12_000;

function openidOf(body: unknown): string {
  const openid = (body as { openid?: unknown } | null)?.openid;
  if (typeof openid !== 'string' || openid.length === 0) throw new Error('forgetUser: no openid');
  return openid;
}

/** The internal operations a domain function registers for its part. */
export function forgetUserOps(part: ForgetUserPart): Record<string, InternalHandler> {
  return {
    'forgetUser.blockers': async (ctx, body) => ok(await part.blockers(ctx, openidOf(body))),
    'forgetUser.counts': async (ctx, body) => ok(await part.counts(ctx, openidOf(body))),
    'forgetUser.run': async (ctx, body) => {
      const { tombstone, budgetMs } = body as RunBody;
      if (typeof tombstone !== 'string' || typeof budgetMs !== 'number') throw new Error('forgetUser.run: bad body');
      const scope = { openid: openidOf(body), tombstone, deadline: Date.now() + Math.min(Math.max(budgetMs, 0), MAX_BUDGET_MS) };
      try {
        return ok<ForgetOutcome>({ status: 'done', counts: await part.forget(ctx, scope) });
      } catch (err) {
        if (err instanceof OutOfTime) return ok<ForgetOutcome>({ status: 'paused', why: 'budget' });
        if (err instanceof RetryLater) return ok<ForgetOutcome>({ status: 'paused', why: 'retry_later' });
        throw err;
      }
    },
  };
}

/** The functions that hold a part, in the order the job runs them. */
export const FORGET_USER_DOMAINS = ['daycare', 'recuperation', 'benefit', 'content'] as const;
export type ForgetUserDomain = (typeof FORGET_USER_DOMAINS)[number];

/** The member job's side: ask a domain's function for its part. */
export const remoteForgetUser = {
  blockers: (ctx: BaseContext, fn: ForgetUserDomain, openid: string) => callInternal<string[]>(ctx, fn, 'forgetUser.blockers', { openid }),
  counts: (ctx: BaseContext, fn: ForgetUserDomain, openid: string) =>
    callInternal<Partial<DeletionCounts>>(ctx, fn, 'forgetUser.counts', { openid }),
  async run(ctx: BaseContext, fn: ForgetUserDomain, scope: ForgetScope): Promise<StepCounts> {
    const body: RunBody = { openid: scope.openid, tombstone: scope.tombstone, budgetMs: scope.deadline - Date.now() };
    const outcome = await callInternal<ForgetOutcome>(ctx, fn, 'forgetUser.run', body);
    if (outcome.status === 'done') return outcome.counts;
    if (outcome.why === 'retry_later') throw new RetryLater(`${fn} asks to wait`);
    throw new OutOfTime(`${fn} used up the budget`);
  },
};
