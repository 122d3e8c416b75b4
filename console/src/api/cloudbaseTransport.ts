/**
 * The console's transport on CloudBase (docs/console.md, production path steps 2–4), through
 * @cloudbase/js-sdk:
 * - before sign-in the console signs in anonymously (the environment must allow anonymous
 *   login) to call the public `member.consoleTicket` / `consolePoll`;
 * - when the poll collects a session, `auth.signInWithCustomTicket` with the session's
 *   custom-login ticket (issued by the member function): from then on `callFunction` reaches the
 *   functions as that custom user, `TCB_CUSTOM_USER_ID` = the session id, which the router
 *   resolves to the admin; the session document still decides every call;
 * - the SDK keeps its login state in sessionStorage (`persistence: 'session'`), like the token:
 *   closing the tab forgets both.
 * The SDK is handed in (client.ts imports it only in the CloudBase build), so a test can drive
 * this code with a stand-in that has the SDK's shapes (the `Sdk*` types are checked against
 * the SDK's own declarations in sdkShapes.ts).
 */
import type { CollectedSession, Transport } from './transport';

/** The part of the js-sdk's auth this console uses (v3 answers `{ error }` rather than throwing). */
export interface SdkAuth {
  getLoginState(): Promise<unknown>;
  signInAnonymously(): Promise<unknown>;
  signInWithCustomTicket(getTicket: () => Promise<string>): Promise<unknown>;
  signOut(): Promise<unknown>;
}
export interface SdkApp {
  auth(options: { persistence: 'session' }): SdkAuth;
  callFunction(options: { name: string; data: Record<string, unknown> }): Promise<{ result: unknown }>;
}
export interface Sdk {
  init(config: { env: string }): SdkApp;
}

/** The SDK's v3 auth calls resolve with `{ error }` on failure; older ones throw. */
function failed(res: unknown): boolean {
  return typeof res === 'object' && res !== null && 'error' in res && Boolean((res as { error: unknown }).error);
}

export function cloudbaseTransport(sdk: Sdk, envId: string): Transport {
  const app = sdk.init({ env: envId });
  const auth = app.auth({ persistence: 'session' });
  let signingInAnonymously: Promise<void> | null = null;

  /** Any login state will do for the public actions; without one, sign in anonymously (once). */
  async function ensureLoginState(): Promise<void> {
    if (await auth.getLoginState()) return;
    signingInAnonymously ??= (async () => {
      const res = await auth.signInAnonymously();
      if (failed(res)) throw new Error('anonymous sign-in refused');
    })().finally(() => {
      signingInAnonymously = null;
    });
    await signingInAnonymously;
  }

  return {
    async call(fn, event) {
      await ensureLoginState();
      const res = await app.callFunction({ name: fn, data: { ...event } });
      return res.result;
    },
    async signIn(session: CollectedSession) {
      // No ticket: the member function has no custom-login key (the deployer did not set it).
      if (!session.loginTicket) return false;
      const ticket = session.loginTicket;
      try {
        return !failed(await auth.signInWithCustomTicket(() => Promise.resolve(ticket)));
      } catch {
        return false;
      }
    },
    async signOut() {
      try {
        await auth.signOut();
      } catch {
        // Already signed out on the platform: nothing to forget.
      }
    },
  };
}
