/**
 * The one place that calls cloud functions. It hides the transport:
 * - weapp: `Taro.cloud.callFunction` (CloudBase); the function's return value is the envelope;
 * - h5 (local demo): HTTP POST to the local cloud (./localCloud); the JSON body is the envelope.
 * It never throws. A failed call is classified (shared/net/callErrors.ts): no answer at all is NETWORK, a
 * quota refusal of the environment is BUSY, a failure on the cloud's side INTERNAL — a server
 * problem is never worded as the user's network.
 *
 * BUSY and NETWORK are retried here with the shared policy (shared/net/retry.ts: jittered
 * exponential backoff within a time budget) and the SAME request id, so a write can never run
 * twice (every write is idempotent by request id). `onWait` lets a page show 排队中 meanwhile.
 * `process.env.TARO_ENV` is replaced at build time, so webpack keeps only one transport per build
 * (the H5 one, with its persona header, never reaches the weapp package).
 */
import Taro from '@tarojs/taro';
import { fail, isResult, type Result } from '../../shared/envelope';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../shared/api';
import { stillFresh, withRetries } from '../../shared/net/retry';
import { classifyCallError } from '../../shared/net/callErrors';
import { newRequestId } from './requestId';
import type { FunctionPayload } from './payload';

/** Reads give up sooner than a tap the member is waiting on (claims pass their own budget). */
export const DEFAULT_BUDGET_MS = 15_000;

export interface CallOptions {
  /** Reuse the same id when retrying a call that must not run twice (claims, sign-ups). */
  requestId?: string;
  /** How long BUSY/NETWORK answers are retried (default DEFAULT_BUDGET_MS; 0 = once). */
  budgetMs?: number;
  /** Told before each retry: how long the call has been waiting so far. */
  onWait?: (elapsedMs: number) => void;
}

export type { FunctionPayload };

type Transport = (name: string, payload: FunctionPayload) => Promise<unknown>;

const transport: Transport =
  process.env.TARO_ENV === 'h5' ? (require('./localCloud') as typeof import('./localCloud')).postToLocalCloud : callCloud;

async function callOnce<T>(name: string, payload: FunctionPayload): Promise<Result<T>> {
  let raw: unknown;
  try {
    raw = await transport(name, payload);
  } catch (err) {
    const failure = classifyCallError(err);
    logFailure(name, payload, failure.error.code, err);
    return failure;
  }
  if (!isResult(raw)) {
    logFailure(name, payload, 'INTERNAL', 'malformed response');
    return fail('INTERNAL');
  }
  return raw as Result<T>;
}

/**
 * Request ids whose send may have been applied (no answer, or a server failure): a later send
 * with the same id (a re-tap after giving up) is not fresh. Kept for the app's lifetime.
 */
const maybeApplied = new Set<string>();

export async function callFunction<T>(name: string, action: string, data: object = {}, options: CallOptions = {}): Promise<Result<T>> {
  // One id for every attempt of this call: the server applies it at most once.
  const requestId = options.requestId ?? newRequestId();
  let fresh = !maybeApplied.has(requestId);
  const send = async () => {
    const result = await callOnce<T>(name, { action, data, requestId, fresh });
    if (!result.ok && !stillFresh(result)) {
      fresh = false;
      maybeApplied.add(requestId);
    }
    return result;
  };
  const { result } = await withRetries(send, {
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    onWait: options.onWait ? (elapsed) => options.onWait?.(elapsed) : undefined,
  });
  return result;
}

/**
 * `callFunction` checked against the contract in shared/api.ts: the request and response types are
 * the ones the function's router validates. Domain clients (./system, …) are built on this.
 */
export function callApi<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  data: RequestOf<F, A>,
  options?: CallOptions,
): Promise<Result<ResponseOf<F, A>>> {
  return callFunction<ResponseOf<F, A>>(name, action, data as object, options);
}

async function callCloud(name: string, payload: FunctionPayload): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data: { ...payload } });
  return (res as { result?: unknown }).result;
}

function logFailure(name: string, payload: FunctionPayload, code: string, reason: unknown): void {
  console.warn(`[cloud] ${name}.${payload.action} failed: ${code} (requestId ${payload.requestId})`, reason);
}
