/**
 * A stand-in for @cloudbase/js-sdk as the 工会工作台's CloudBase transport uses it
 * (console/src/api/cloudbaseTransport.ts; its `Sdk` shapes are checked against the real SDK's
 * declarations by console/src/api/sdkShapes.ts), backed by the local cloud and doing what
 * CloudBase does for the calls the console makes, with no network:
 * - `signInAnonymously`: a new anonymous user; its calls carry `TCB_UUID` (and the caller's IP);
 * - `signInWithCustomTicket`: checks the ticket as CloudBase does — `<private_key_id>/@@/<JWT>`,
 *   RS256 signature with the environment key's public half, this environment, not expired — and
 *   answers `{ error }` (the v3 SDK's way) when it does not hold; after it, calls carry the
 *   ticket's uid as `TCB_CUSTOM_USER_ID`;
 * - `callFunction({ name, data })`: invokes the function on the local host with that identity,
 *   and answers `{ requestId, result }`; with no login state it rejects, as the SDK does.
 */
import { randomBytes, verify, type KeyObject } from 'node:crypto';
import type { Sdk, SdkApp, SdkAuth } from '../../console/src/api/cloudbaseTransport';
import type { TestCloud } from './cloud';

export type LoginState = { kind: 'anonymous'; uid: string } | { kind: 'custom'; uid: string } | null;

export interface JsSdkStandIn {
  sdk: Sdk;
  /** The login state the platform holds for this browser. */
  state(): LoginState;
  /** Every function call as the platform saw it (name, action, identity). */
  calls: { name: string; action: unknown; as: LoginState }[];
}

const SOURCE_IP = '198.51.100.23';

function b64url(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** The custom user id a ticket signs in as, or null when CloudBase would refuse it. */
export function checkCustomTicket(ticket: string, key: { keyId: string; publicKey: KeyObject; envId: string }): string | null {
  const [keyId, jwt, extra] = ticket.split('/@@/');
  if (extra !== undefined || keyId !== key.keyId || !jwt) return null;
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return null;
  if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key.publicKey, b64url(s))) return null;
  const header = JSON.parse(b64url(h).toString('utf8')) as { alg?: string };
  const claims = JSON.parse(b64url(p).toString('utf8')) as { env?: string; uid?: string; exp?: number };
  if (header.alg !== 'RS256' || claims.env !== key.envId || typeof claims.uid !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp < Date.now()) return null;
  return claims.uid;
}

export function jsSdkStandIn(t: TestCloud, key: { keyId: string; publicKey: KeyObject; envId: string }): JsSdkStandIn {
  let login: LoginState = null;
  const calls: JsSdkStandIn['calls'] = [];

  const auth: SdkAuth = {
    async getLoginState() {
      return login ? { user: { uid: login.uid } } : null;
    },
    async signInAnonymously() {
      login = { kind: 'anonymous', uid: `anon-${randomBytes(8).toString('hex')}` };
      return { data: { user: { id: login.uid, is_anonymous: true } }, error: null };
    },
    async signInWithCustomTicket(getTicket) {
      const uid = checkCustomTicket(await getTicket(), key);
      if (!uid) return { data: { user: null, session: null }, error: { code: 'invalid_ticket', message: 'ticket invalid' } };
      login = { kind: 'custom', uid };
      return { data: { user: { id: uid } }, error: null };
    },
    async signOut() {
      login = null;
    },
  };

  const app: SdkApp = {
    auth(options) {
      if (options.persistence !== 'session') throw new Error(`unexpected persistence ${options.persistence}`);
      return auth;
    },
    async callFunction({ name, data }) {
      if (!login) throw new Error('unauthenticated: sign in first');
      const as = login;
      calls.push({ name, action: data.action, as });
      const caller = as.kind === 'custom' ? { customUserId: as.uid, sourceIp: SOURCE_IP } : { anonymousUid: as.uid, sourceIp: SOURCE_IP };
      const out = await t.cloud.host.invoke(name, data, caller);
      if (out.refused) throw new Error(`${out.refused.errCode} ${out.refused.errMsg}`);
      return { requestId: out.invocationId, result: out.result };
    },
  };

  return {
    sdk: {
      init(config) {
        if (config.env !== key.envId) throw new Error(`init for ${config.env}, not this environment`);
        return app;
      },
    },
    state: () => login,
    calls,
  };
}
