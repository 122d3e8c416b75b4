/**
 * A member's phone as the app behaves: one tap = one request id, sent again with the shared retry
 * policy (shared/net/retry.ts) while the answer is BUSY or no answer / a quota refusal
 * (HTTP 429 {errCode, errMsg}, classified by the app's own shared/net/callErrors.ts).
 * Used by the quota tests and, with the same code paths, by `npm run rehearse`.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/envelope';
import { stillFresh, withRetries, type Retried } from '../../shared/net/retry';
import { classifyCallError } from '../../shared/net/callErrors';

export interface AppCall<T> extends Retried<T> {
  /** Refusals seen by this tap, by kind: HTTP 429 from the function quota, BUSY from a function. */
  refused: { fn: number; busy: number };
}

export async function tapAsApp<T>(
  appUrl: string,
  fn: string,
  action: string,
  data: unknown,
  openid: string,
  budgetMs?: number,
): Promise<AppCall<T>> {
  const requestId = randomBytes(12).toString('hex');
  const refused = { fn: 0, busy: 0 };
  let fresh = true; // as services/cloud.ts: false once a send may have been applied
  const send = async (): Promise<Result<T>> => {
    const result = await once();
    if (!result.ok && !stillFresh(result)) fresh = false;
    return result;
  };
  const once = async (): Promise<Result<T>> => {
    let res: Response;
    try {
      res = await fetch(`${appUrl}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, data, requestId, fresh }),
      });
    } catch (err) {
      return classifyCallError(err);
    }
    const body = (await res.json()) as Result<T> | { errCode: number; errMsg: string };
    if ('errCode' in body) {
      refused.fn++;
      return classifyCallError(body);
    }
    if (!body.ok && body.error.code === 'BUSY') refused.busy++;
    return body;
  };
  const out = await withRetries(send, { budgetMs });
  return { ...out, refused };
}
