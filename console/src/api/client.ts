/**
 * The console's one caller of the cloud functions, typed against shared/api.ts like the
 * mini-program's services/cloud.ts. The transport (transport.ts) is chosen when the console is
 * built: `local` posts to the local cloud's console route with the session as
 * `Authorization: Bearer`; `cloudbase` calls the functions through @cloudbase/js-sdk, signed in
 * with the session's custom-login ticket (docs/console.md). Identity is never in the body. It
 * never throws: transport failures become NETWORK, a non-envelope INTERNAL, and an ended session
 * signs the console out (of the platform too).
 */
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../../shared/api';
import { fail, isResult, type Result } from '../../../shared/envelope';
import { localTransport, type CollectedSession, type Transport } from './transport';

/** Set by scripts/build-console.ts (esbuild `define`); absent (tests): the local transport. */
declare const __CONSOLE_TARGET__: string | undefined;
declare const __CONSOLE_ENV_ID__: string | undefined;

const TOKEN_KEY = 'ygh.console.session';
let signedOutListener: (() => void) | null = null;

function builtTransport(): Promise<Transport> {
  if (typeof __CONSOLE_TARGET__ !== 'undefined' && __CONSOLE_TARGET__ === 'cloudbase') {
    // Only the CloudBase build reaches this import: the local build never bundles the SDK.
    return Promise.all([import('./cloudbaseSdk'), import('./cloudbaseTransport')]).then(([m, t]) =>
      t.cloudbaseTransport(m.sdk, typeof __CONSOLE_ENV_ID__ !== 'undefined' ? __CONSOLE_ENV_ID__ : ''),
    );
  }
  return Promise.resolve(localTransport());
}

let transport: Promise<Transport> | null = null;
function currentTransport(): Promise<Transport> {
  transport ??= builtTransport();
  return transport;
}

/** For tests: drive the client through another transport (a stand-in for the platform). */
export function useTransport(next: Transport): void {
  transport = Promise.resolve(next);
}

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
  let raw: unknown;
  try {
    const t = await currentTransport();
    raw = await t.call(fn, { action, data, requestId: options.requestId ?? newRequestId() }, token);
  } catch {
    return fail('NETWORK');
  }
  if (!isResult(raw)) return fail('INTERNAL');
  const result = raw as Result<ResponseOf<F, A>>;
  // CONSOLE_SESSION_INVALID: the session ended. UNAUTHENTICATED with a token: the platform no
  // longer holds the console's sign-in (CloudBase's login state was lost), which only a new
  // scan can restore. Either way the console signs out.
  if (!result.ok && token && (result.error.code === 'CONSOLE_SESSION_INVALID' || result.error.code === 'UNAUTHENTICATED')) {
    session.clear();
    await signOutOfPlatform();
    signedOutListener?.();
  }
  return result;
}

/**
 * The poll collected a session: sign in to the platform with it (CloudBase: the custom-login
 * ticket). False when that failed; the console then stays signed out.
 */
export async function signInToPlatform(collected: CollectedSession): Promise<boolean> {
  try {
    return await (await currentTransport()).signIn(collected);
  } catch {
    return false;
  }
}

export async function signOutOfPlatform(): Promise<void> {
  try {
    await (await currentTransport()).signOut();
  } catch {
    // Nothing to forget.
  }
}
