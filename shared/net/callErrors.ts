/**
 * What a failed call means, from the shapes the transports fail with. The weapp's
 * `Taro.cloud.callFunction` (wx.cloud) rejects with an Error carrying `errCode` and `errMsg`
 * (developers.weixin.qq.com/minigame/en/dev/wxcloud/reference/errcode.html); the H5 transport
 * (miniprogram/services/localCloud.ts) throws the same `{errCode, errMsg}` for what the local cloud's quota refuses,
 * and a TypeError when fetch got no answer. Shared with the Friday rehearsal (scripts/bench/rehearse.ts).
 *
 * The rule this file exists for: a failure on the server side is never described as the
 * user's network. Only a call that got no answer at all is NETWORK.
 */
import { fail, type Fail } from '../envelope';

/** The environment refused for its quota; nothing ran; the same request may be sent again. */
const QUOTA_CODES = new Set([
  -501003, // the number of requests exceeds the environment quota
  -501004, // the number of concurrent requests exceeds the environment quota
]);
/** The cloud answered, with a failure of its own (the function ran or could not be run). */
const SERVER_CODES = new Set([
  -501001, // cloud system error
  -501002, // cloud response timed out
  -501005, // environment information exception
  -401001, // SDK: no permission to use the API
  -401002, // SDK: invalid API parameter
  -401003, // SDK: invalid API parameter type
  -404011, // cloud function execution failed (SDK)
  -504001, // cloud function call failed
  -504002, // cloud function execution failed
]);

export function errCodeOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { errCode?: unknown }).errCode;
  if (typeof code === 'number') return code;
  // Some base-library versions only put the code in the message: "errCode: -504002 ...".
  const text = String((err as { errMsg?: unknown }).errMsg ?? (err as { message?: unknown }).message ?? '');
  const m = /errCode:\s*(-?\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

export function classifyCallError(err: unknown): Fail {
  const code = errCodeOf(err);
  if (code !== null && QUOTA_CODES.has(code)) return fail('BUSY');
  if (code !== null && SERVER_CODES.has(code)) return fail('INTERNAL');
  return fail('NETWORK');
}
