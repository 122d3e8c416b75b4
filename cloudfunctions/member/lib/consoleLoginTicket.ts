/**
 * The CloudBase custom-login ticket for a new 工会工作台 session (docs/console.md, production
 * path step 3). On CloudBase the console signs in with it (`auth.signInWithCustomTicket`), and
 * from then on every call it makes carries the session id as `TCB_CUSTOM_USER_ID`, which the
 * router resolves to the admin (_lib/consoleSession.ts).
 *
 * The key is the environment's custom-login private key, the JSON file the CloudBase console
 * downloads (`{ private_key_id, private_key, env_id }`), given to the member function as the
 * environment variable CONSOLE_LOGIN_KEY (`npm run deploy` passes it on when the deployer sets
 * it; never in the repository, never sent to a browser). Without it (the local cloud) no ticket
 * is issued and the console uses the local front door's Bearer route.
 *
 * Signing is the node-sdk's own `auth().createTicket` (RS256 JWT `{ env, uid, iat, exp = iat +
 * 10 min, refresh, expire }`, prefixed with `<private_key_id>/@@/`), with the app initialised for
 * this environment so the SDK's check that the key belongs to it applies.
 */
import tcb from '@cloudbase/node-sdk';
import { CONSOLE_SESSION_MAX_MS } from '../../../shared/member/console';

export const CONSOLE_LOGIN_KEY_ENV = 'CONSOLE_LOGIN_KEY';

interface CustomLoginKey {
  private_key_id: string;
  private_key: string;
  env_id: string;
}

function parseKey(raw: string): CustomLoginKey {
  let key: unknown;
  try {
    key = JSON.parse(raw);
  } catch {
    throw new Error(`${CONSOLE_LOGIN_KEY_ENV} is not the JSON of the custom-login key file`);
  }
  const k = key as Partial<Record<keyof CustomLoginKey, unknown>>;
  for (const field of ['private_key_id', 'private_key', 'env_id'] as const) {
    if (typeof k[field] !== 'string' || (k[field] as string).length === 0) throw new Error(`${CONSOLE_LOGIN_KEY_ENV} has no ${field}`);
  }
  return key as CustomLoginKey;
}

/** The environment this function runs in (SCF sets SCF_NAMESPACE; the local host sets TCB_ENV). */
function currentEnvId(): string {
  const env = process.env.SCF_NAMESPACE || process.env.TCB_ENV;
  if (!env) throw new Error('no environment id (SCF_NAMESPACE / TCB_ENV) to issue a console login ticket for');
  return env;
}

let cached: { raw: string; app: ReturnType<typeof tcb.init> } | null = null;

/** Whether this function can issue login tickets (the deployer set the key). */
export function loginTicketsEnabled(): boolean {
  return Boolean(process.env[CONSOLE_LOGIN_KEY_ENV]);
}

/**
 * A login ticket for `sessionId`, valid 10 minutes for the sign-in; CloudBase's login state it
 * opens ends with the session's 8-hour limit (the session document still decides every call).
 * Null when no key is configured. A configured but broken key throws (a deployment error: the
 * caller has written nothing yet, so the console's next poll can succeed once it is fixed).
 */
export function issueLoginTicket(sessionId: string): string | null {
  const raw = process.env[CONSOLE_LOGIN_KEY_ENV];
  if (!raw) return null;
  if (!cached || cached.raw !== raw) {
    const credentials = parseKey(raw);
    cached = { raw, app: tcb.init({ env: currentEnvId(), credentials }) };
  }
  return cached.app.auth().createTicket(sessionId, { expire: Date.now() + CONSOLE_SESSION_MAX_MS });
}
