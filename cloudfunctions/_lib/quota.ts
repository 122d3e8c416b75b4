/**
 * Riding CloudBase's quota inside an invocation. A database request refused for the quota
 * (EXCEED_RATELIMIT past the QPS, EXCEED_CONCURRENT_REQUEST_LIMIT past the connections) was
 * refused before it ran: it changed nothing, so sending the same request again is safe for any
 * step, a conditional update included. `retryRefused` does that with bounded, jittered
 * exponential backoff. A request that failed any other way (a timeout: did it run?) is never
 * retried here. When the refusals outlast the retries, the error goes up and the router answers
 * BUSY (the client retries the whole action with the same request id); a used-up daily or
 * monthly allowance (EXCEED_REQUEST_LIMIT) is not retried and answers QUOTA_EXHAUSTED.
 */
const TRANSIENT = new Set(['EXCEED_RATELIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT']);
const EXHAUSTED = new Set(['EXCEED_REQUEST_LIMIT']);

export type QuotaRefusal = 'transient' | 'exhausted';

export function quotaRefusal(err: unknown): QuotaRefusal | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (TRANSIENT.has(code)) return 'transient';
  if (EXHAUSTED.has(code)) return 'exhausted';
  return null;
}

/** Retries after the first refusal; the waits add up to at most ~3 s (well inside the 60 s timeout). */
export const DB_RETRIES = 6;
/**
 * For a step whose failure would waste work already done (the claim insert while a unit is
 * held): the waits add up to at most ~25 s, still well inside the 60 s function timeout.
 */
export const HELD_UNIT_RETRIES = 30;
/** For a step that starts new work (benefit's take of a unit): give way quickly to the held units. */
export const TAKE_RETRIES = 2;
const BASE_MS = 50;
const CAP_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs one database step; a transient quota refusal is retried up to `retries` times. */
export async function retryRefused<T>(step: () => Promise<T>, retries = DB_RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= retries || quotaRefusal(err) !== 'transient') throw err;
      const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
    }
  }
}
