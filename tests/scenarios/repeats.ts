/**
 * Resending a write with the same request id, as the app does when an answer was lost
 * (miniprogram/hooks/useRetrySafeSend.ts): the raw call with an explicit request id and the
 * local cloud's count of the database requests it made (the x-local-db-requests header).
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/envelope';
import type { As, TestCloud } from './cloud';

export interface Sent<T> {
  result: Result<T>;
  writes: number;
}

function headersFor(who: As): Record<string, string> {
  if (who === 'anonymous') return { 'x-local-persona': 'anonymous' };
  return 'openid' in who ? { 'x-local-openid': who.openid } : { 'x-local-persona': who.persona };
}

export function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

/** One call of `fn.action` as `who` with this request id (the leak check runs on every answer). */
export async function send<T>(t: TestCloud, fn: string, action: string, data: unknown, who: As, requestId: string): Promise<Sent<T>> {
  const res = await t.post(`/api/functions/${fn}`, JSON.stringify({ action, data, requestId }), headersFor(who));
  const counts = /writes=(\d+)/.exec(res.headers.get('x-local-db-requests') ?? '');
  if (!counts) throw new Error('no x-local-db-requests header');
  return { result: res.json as Result<T>, writes: Number(counts[1]) };
}

/** The same request sent twice at the same moment (a retry racing the original through the local cloud). */
export function sendTwiceAtOnce<T>(
  t: TestCloud,
  fn: string,
  action: string,
  data: unknown,
  who: As,
  requestId: string,
): Promise<[Sent<T>, Sent<T>]> {
  return Promise.all([send<T>(t, fn, action, data, who, requestId), send<T>(t, fn, action, data, who, requestId)]);
}
