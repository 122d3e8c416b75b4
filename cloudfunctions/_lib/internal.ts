/**
 * Function-to-function calls. Each function is bundled and deployed on its own, so one domain
 * never imports another's code: it asks the other function through the SDK
 * (`app.callFunction({ name, data })`, CloudBase's `functions.invokeFunction`), and the callee
 * runs its own, current code.
 *
 * The event is `{ internal: { payload, sig } }`: `payload` is the JSON text of
 * `{ fn, op, at, body }` and `sig` its HMAC-SHA256 with `INTERNAL_CALL_SECRET`, a secret in every
 * function's environment. The router (router.ts) runs an internal operation only when the
 * signature is good, for this function, and at most `MAX_AGE_MS` old; a user never sees a signed
 * event (it goes from function to function) and cannot make one, so a user can neither call an
 * internal operation nor forge or re-target one. The invocation context is not part of the test:
 * a call made while serving a user carries that user's source chain (`wx_client,scf`) and maybe
 * identity; the operation runs with the function's own context either way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Result } from '../../shared/envelope';
import { secretFromEnv } from './personal';

/**
 * The operation every function answers (router.ts): runs the named handler of its `triggers`,
 * as a timer event would; body `{ trigger, scheduledFor }`. The schedule tick uses it
 * (_lib/schedule.ts).
 */
export const TIMER_OP = 'timer.run';

/** Oldest accepted call (wall clock, both sides on CloudBase's synchronised hosts). */
export const MAX_AGE_MS = 60_000;

export interface InternalEvent {
  internal: { payload: string; sig: string };
}

export interface InternalCall {
  fn: string;
  op: string;
  at: number;
  body: unknown;
}

/** What a caller needs: the SDK instance of its invocation (router.ts BaseContext has it). */
export interface FunctionCaller {
  app: { callFunction(options: { name: string; data: unknown }): Promise<unknown> };
}

const internalSecret = () => secretFromEnv('INTERNAL_CALL_SECRET');

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`internal-call-v1\n${payload}`).digest('hex');
}

export function signInternal(fn: string, op: string, body: unknown, at = Date.now(), secret = internalSecret()): InternalEvent {
  const payload = JSON.stringify({ fn, op, at, body });
  return { internal: { payload, sig: sign(payload, secret) } };
}

export function isInternalEvent(event: unknown): event is InternalEvent {
  return typeof event === 'object' && event !== null && !Array.isArray(event) && Object.prototype.hasOwnProperty.call(event, 'internal');
}

/** The call, or null when the signature is bad, the call is for another function or too old. */
export function openInternal(event: InternalEvent, fn: string, now = Date.now(), secret = internalSecret()): InternalCall | null {
  const { payload, sig } = (event.internal ?? {}) as { payload?: unknown; sig?: unknown };
  if (typeof payload !== 'string' || typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) return null;
  const expected = Buffer.from(sign(payload, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return null;
  let call: InternalCall;
  try {
    call = JSON.parse(payload) as InternalCall;
  } catch {
    return null;
  }
  if (call.fn !== fn || typeof call.op !== 'string' || typeof call.at !== 'number') return null;
  if (Math.abs(now - call.at) > MAX_AGE_MS) return null;
  return call;
}

/** Calls `op` of function `fn`; its envelope, or a thrown Error when the call did not arrive. */
export async function callInternal<T>(ctx: FunctionCaller, fn: string, op: string, body: unknown): Promise<T> {
  const res = (await ctx.app.callFunction({ name: fn, data: signInternal(fn, op, body) })) as { result?: unknown; code?: unknown };
  const result = res.result as Result<T> | undefined;
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new Error(`internal call ${fn}.${op} failed: ${String(res.code ?? 'no result')}`);
  }
  if (!result.ok) throw new Error(`internal call ${fn}.${op} answered ${result.error.code}`);
  return result.data;
}
