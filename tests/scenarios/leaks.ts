/**
 * The leak check every function call of the integration and e2e suites goes through
 * (tests/scenarios/cloud.ts `post`, tests/e2e/harness.ts): an answer must not carry
 *
 * - an openid other than the caller's own: any `o_…` token (the tests' and personas' openids all
 *   start so), also inside a longer id such as `<postId>_<openid>`; the caller's own (alone or
 *   followed by `_…`, as in an id of their own record) is fine;
 * - a full 18-digit ID number;
 * - an 11-digit mobile number, except in the fields that hold one by design for the callers who
 *   may read them: a day-care site's public `contactPhone`, a child's `emergencyPhone` (guardian
 *   and that site's staff; the authorization matrix checks who gets it) and the staff roster CSV.
 *
 * docs/security.md lists the rules; a finding fails the test that made the call.
 */
import { personaById } from '../../scripts/local-cloud/demo/personas';

const OPENID_TOKEN = /(?<![A-Za-z0-9])o_[A-Za-z0-9_-]{3,}/g;
const ID_NUMBER = /(?<![A-Za-z0-9])[1-9]\d{16}[\dXx](?![A-Za-z0-9])/g;
const MOBILE = /(?<![A-Za-z0-9])1[3-9]\d{9}(?![A-Za-z0-9])/g;

/**
 * A signed token of ours (`<version>.<payload>.<base64url HMAC>`: a claim pass `p1.`, a card
 * token `v1.`, an upload token `u1.`). Its signature is random base64url, which can hold `o_…` by
 * chance (1 in a few thousand passes); none of these tokens carries an openid in its payload (the
 * HMAC covers it unseen).
 */
const SIGNED_TOKEN = /^[pvu]\d+(\.[0-9A-Za-z-]+)+\.[A-Za-z0-9_-]{16,}$/;

/** Fields whose mobile numbers are there by design (see the header). */
const PHONE_FIELDS = new Set(['contactPhone', 'emergencyPhone']);
/** Actions whose whole answer may hold mobiles by design (staff only, checked by the matrix). */
const PHONE_ACTIONS = new Set(['daycare.staffRosterCsv']);

function isCallers(token: string, caller: string | null): boolean {
  return !!caller && token.startsWith(caller) && (token.length === caller.length || token[caller.length] === '_');
}

/** The caller's openid for the front door's identity headers (null: anonymous). */
export function callerOpenid(headers: Record<string, string | undefined>): string | null {
  const explicit = headers['x-local-openid'];
  if (explicit) return explicit;
  const persona = headers['x-local-persona'] ?? 'member';
  if (persona === 'anonymous') return null;
  return personaById(persona)?.openid ?? null;
}

/** What in `body` (a function's answer to `caller` for `action`) must not be there; [] when clean. */
export function findLeaks(body: unknown, caller: string | null, action: string): string[] {
  const found: string[] = [];
  const check = (text: string, key: string | null) => {
    if (!SIGNED_TOKEN.test(text)) for (const m of text.match(OPENID_TOKEN) ?? []) if (!isCallers(m, caller)) found.push(`openid ${m}`);
    for (const m of text.match(ID_NUMBER) ?? []) found.push(`ID number ${m.slice(0, 6)}…`);
    if (!PHONE_ACTIONS.has(action) && !(key && PHONE_FIELDS.has(key)))
      for (const m of text.match(MOBILE) ?? []) found.push(`mobile ${m.slice(0, 3)}…`);
  };
  const walk = (value: unknown, key: string | null) => {
    if (typeof value === 'string') check(value, key);
    else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        check(k, null);
        walk(v, k);
      }
  };
  walk(body, null);
  return [...new Set(found)];
}

/** Throws when `findLeaks` finds anything: the message names what leaked (shortened) and where. */
export function assertNoLeaks(body: unknown, caller: string | null, action: string): void {
  const leaks = findLeaks(body, caller, action);
  if (leaks.length) throw new Error(`leak check: the answer to ${action} for ${caller ?? 'anonymous'} carries ${leaks.join(', ')}`);
}
