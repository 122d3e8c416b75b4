/**
 * The console's one caller of the cloud functions, typed against shared/api.ts like the
 * mini-program's services/cloud.ts. Locally it posts to the front door's console route with the
 * session as `Authorization: Bearer`; identity is never in the body (docs/console.md has the
 * CloudBase path). It never throws: transport failures become NETWORK, a non-envelope INTERNAL,
 * and an ended session signs the console out.
 */
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../../shared/api';
import { fail, isResult, type Result } from '../../../shared/envelope';

const TOKEN_KEY = 'ygh.console.session';
let signedOutListener: (() => void) | null = null;

/** The session token lives in this tab only (sessionStorage): closing the tab forgets it. */
export const session = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
  onSignedOut(listener: () => void) {
    signedOutListener = listener;
  },
};

export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function callApi<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: RequestOf<F, A>,
  options: { requestId?: string } = {},
): Promise<Result<ResponseOf<F, A>>> {
  const token = session.get();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let raw: unknown;
  try {
    const res = await fetch(`/api/console/functions/${fn}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, data, requestId: options.requestId ?? newRequestId() }),
    });
    raw = await res.json();
  } catch {
    return fail('NETWORK');
  }
  if (!isResult(raw)) return fail('INTERNAL');
  const result = raw as Result<ResponseOf<F, A>>;
  if (!result.ok && result.error.code === 'CONSOLE_SESSION_INVALID' && token) {
    session.clear();
    signedOutListener?.();
  }
  return result;
}
