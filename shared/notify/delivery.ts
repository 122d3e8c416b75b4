/**
 * What the sender does after a delivery attempt: a pure rule, so it is unit-tested apart from
 * the transport. WeChat answers `errcode`; some codes can never succeed on retry (the member
 * refused or never subscribed, a wrong template id or page), others are transient.
 */
export const MAX_ATTEMPTS = 5;
/** Minutes to wait before attempt n+1 after n failed attempts (1, 2, 4, 8…). */
export function backoffMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/** WeChat error codes that no retry can fix. */
const PERMANENT: Record<number, string> = {
  40003: '接收者 openid 不正确',
  40037: '订阅模板 id 不正确',
  41030: '跳转页面路径不正确',
  43101: '用户拒绝接收或未订阅该消息',
  47003: '模板参数不正确',
};

export interface AttemptOutcome {
  ok: boolean;
  /** WeChat errcode, or null for a transport error (timeout, platform error). */
  errcode: number | null;
  message: string;
}

export type NextStep =
  { status: 'sent' } | { status: 'failed'; reason: string } | { status: 'pending'; retryInMinutes: number; reason: string };

export function nextStep(outcome: AttemptOutcome, attemptsSoFar: number): NextStep {
  if (outcome.ok) return { status: 'sent' };
  const permanent = outcome.errcode !== null ? PERMANENT[outcome.errcode] : undefined;
  const detail =
    permanent && outcome.message && outcome.message !== permanent ? `${permanent}（${outcome.message}）` : (permanent ?? outcome.message);
  const reason = `${outcome.errcode ?? 'transport'}: ${detail}`.slice(0, 200);
  if (permanent) return { status: 'failed', reason };
  if (attemptsSoFar >= MAX_ATTEMPTS) return { status: 'failed', reason: `重试 ${MAX_ATTEMPTS} 次仍失败（${reason}）`.slice(0, 200) };
  return { status: 'pending', retryInMinutes: backoffMinutes(attemptsSoFar), reason };
}
