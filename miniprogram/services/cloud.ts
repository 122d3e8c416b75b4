/**
 * The one place that calls cloud functions. It hides the transport:
 * - weapp: `Taro.cloud.callFunction` (CloudBase); the function's return value is the envelope;
 * - h5 (local demo): HTTP POST to the local cloud (./localCloud); the JSON body is the envelope.
 * It never throws: transport failures become NETWORK, anything that is not an envelope INTERNAL.
 * `process.env.TARO_ENV` is replaced at build time, so webpack keeps only one transport per build
 * (the H5 one, with its persona header, never reaches the weapp package).
 */
import Taro from '@tarojs/taro';
import { fail, isResult, type Result } from '../../shared/envelope';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../shared/api';
import { newRequestId } from './requestId';
import type { FunctionPayload } from './payload';

export interface CallOptions {
  /** Reuse the same id when retrying a call that must not run twice (claims, sign-ups). */
  requestId?: string;
}

export type { FunctionPayload };

type Transport = (name: string, payload: FunctionPayload) => Promise<unknown>;

const transport: Transport =
  process.env.TARO_ENV === 'h5'
    ? (require('./localCloud') as typeof import('./localCloud')).postToLocalCloud
    : callCloud;

export async function callFunction<T>(
  name: string,
  action: string,
  data: object = {},
  options: CallOptions = {},
): Promise<Result<T>> {
  const payload: FunctionPayload = { action, data, requestId: options.requestId ?? newRequestId() };
  let raw: unknown;
  try {
    raw = await transport(name, payload);
  } catch (err) {
    logFailure(name, payload, err);
    return fail('NETWORK');
  }
  if (!isResult(raw)) {
    logFailure(name, payload, 'malformed response');
    return fail('INTERNAL');
  }
  return raw as Result<T>;
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

function logFailure(name: string, payload: FunctionPayload, reason: unknown): void {
  console.warn(`[cloud] ${name}.${payload.action} failed (requestId ${payload.requestId})`, reason);
}
