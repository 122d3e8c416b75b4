/**
 * The one retry policy for calls to cloud functions, shared by the mini-program's services
 * (miniprogram/services/cloud.ts) and the Friday rehearsal (scripts/bench/rehearse.ts), so the
 * rehearsal's clients back off exactly as the app does.
 *
 * What is retried: BUSY (the environment refused for its quota, or a function gave up after
 * retrying such refusals; nothing was changed) and NETWORK (no answer reached the phone). Every
 * write is idempotent by request id, so the retry carries the SAME request id and can never act
 * twice. Everything else (a business answer, INTERNAL, QUOTA_EXHAUSTED) is final.
 *
 * Backoff: exponential from BASE_MS, capped at CAP_MS, with "equal jitter" (half fixed, half
 * random): a crowd refused in the same second spreads out instead of coming back together, and
 * no retry comes back at once. The whole call gives up after a budget (BUDGET_MS), then the page
 * says so in plain words.
 */
import type { Result } from '../envelope';

export const RETRY_BASE_MS = 400;
export const RETRY_CAP_MS = 6_000;
/** How long a tap may wait for a final answer before the page gives a clear message instead. */
export const RETRY_BUDGET_MS = 45_000;

export function isRetryable(code: string): boolean {
  return code === 'BUSY' || code === 'NETWORK';
}

/**
 * After a failed send, is the request still "fresh" (shared/api.ts CallEvent.fresh)? Only BUSY
 * (a function's answer or a quota refusal of the call, see callErrors.ts) says nothing ran; after
 * no answer (NETWORK) or a server failure the request may have been applied.
 */
export function stillFresh(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'BUSY';
}

/** The wait before retry number `attempt` (0 = the first retry). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface RetryOptions {
  /** Give up after this long (default RETRY_BUDGET_MS). */
  budgetMs?: number;
  /** Told before each wait: how long the caller has been waiting, and which retry comes next. */
  onWait?: (elapsedMs: number, attempt: number) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Retried<T> {
  result: Result<T>;
  /** Retries made (0 when the first answer was final). */
  retries: number;
  /** True when the budget ran out on a retryable answer. */
  gaveUp: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until its answer is final or the budget is spent. `attempt` must resend the
 * same request (same request id) each time.
 */
export async function withRetries<T>(attempt: () => Promise<Result<T>>, options: RetryOptions = {}): Promise<Retried<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const budget = options.budgetMs ?? RETRY_BUDGET_MS;
  const started = now();
  for (let retries = 0; ; retries++) {
    const result = await attempt();
    if (result.ok || !isRetryable(result.error.code)) return { result, retries, gaveUp: false };
    const elapsed = now() - started;
    const wait = backoffMs(retries, options.random);
    if (elapsed + wait > budget) return { result, retries, gaveUp: true };
    options.onWait?.(elapsed, retries + 1);
    await sleep(wait);
  }
}
