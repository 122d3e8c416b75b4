/**
 * How the console reaches the cloud functions (docs/console.md): one interface, two transports,
 * chosen when the console is built (scripts/build-console.ts, CONSOLE_TARGET):
 * - `local`: the local cloud's front door, POST /api/console/functions/:name with the session
 *   token as `Authorization: Bearer`, which the front door turns into the custom-login user id;
 * - `cloudbase` (cloudbaseTransport.ts): @cloudbase/js-sdk on CloudBase's static hosting,
 *   anonymous sign-in before the console has a session, the session's custom-login ticket after.
 * Either way the function sees the session id as `TCB_CUSTOM_USER_ID` and nothing in the body.
 */

/** What the console sends: the router's event (shared/api.ts CallEvent). */
export interface CallEvent {
  action: string;
  data: unknown;
  requestId: string;
}

/** The poll's answer once an admin confirmed (shared/member/console.ts ConsolePollResult). */
export interface CollectedSession {
  token: string;
  loginTicket?: string;
}

export interface Transport {
  /**
   * Sends one action and resolves to what the function answered (not yet checked to be an
   * envelope); rejects when the request did not get an answer (network, platform refusal).
   * `token` is the console's session token (null before sign-in).
   */
  call(fn: string, event: CallEvent, token: string | null): Promise<unknown>;
  /** The poll collected a session: sign in to the platform with it. False: it could not. */
  signIn(session: CollectedSession): Promise<boolean>;
  /** The session ended (退出登录, revoked, expired): forget the platform's login state. */
  signOut(): Promise<void>;
}

/** The local cloud's console route (identity from the Bearer token only). */
export function localTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return {
    async call(fn, event, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetchImpl(`/api/console/functions/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
      });
      return (await res.json()) as unknown;
    },
    async signIn() {
      return true; // the token itself is the credential here
    },
    async signOut() {},
  };
}
