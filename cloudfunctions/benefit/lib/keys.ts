/**
 * Keyed values derived from the function's secret (CARD_TOKEN_SECRET, domain-separated so no
 * value here can be confused with a member-card token):
 * - the claim pass: `p1.<exp>.<sig>` over (drop, openid, exp), handed out by benefit.list to
 *   eligible members so the claim need not read the member document on the hot path;
 * - the redemption code of a claim: deterministic from the claim id (a retried insert carries
 *   the same code) and unguessable without the secret;
 * - the entrant key of a draw registration: a pseudonym that can be published.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { codeFromBytes } from '../../../shared/benefit/code';
import { secretFromEnv } from '../../_lib/personal';

const PASS_VERSION = 'p1';
/** A pass lives this long after the drop opens (or after issue, when already open). */
export const PASS_TTL_SECONDS = 3600;
/**
 * …and never longer than this after issue: the pass stands in for the membership check, so a
 * card the union suspended after the member opened the 福利 page stops claiming within 2 hours
 * (an older pass just makes the claim read the member document again). The page fetches new
 * passes whenever it is shown.
 */
export const PASS_MAX_AGE_SECONDS = 2 * 3600;

let cachedKeys: { secret: string; pass: Buffer; code: Buffer; entrant: Buffer } | null = null;
function keys() {
  const secret = secretFromEnv('CARD_TOKEN_SECRET');
  if (!cachedKeys || cachedKeys.secret !== secret) {
    const derive = (label: string) => createHmac('sha256', secret).update(`benefit:${label}`).digest();
    cachedKeys = { secret, pass: derive('pass-v1'), code: derive('code-v1'), entrant: derive('entrant-v1') };
  }
  return cachedKeys;
}

function passSig(dropId: string, openid: string, exp: number): Buffer {
  return createHmac('sha256', keys().pass).update(`${PASS_VERSION}.${dropId}.${openid}.${exp}`).digest().subarray(0, 18);
}

export function signPass(dropId: string, openid: string, opensAtMs: number, nowMs: number): string {
  const exp = Math.min(Math.floor(Math.max(opensAtMs, nowMs) / 1000) + PASS_TTL_SECONDS, Math.floor(nowMs / 1000) + PASS_MAX_AGE_SECONDS);
  return `${PASS_VERSION}.${exp}.${passSig(dropId, openid, exp).toString('base64url')}`;
}

/** True for an authentic, unexpired pass of this member for this drop. */
export function verifyPass(pass: string | undefined, dropId: string, openid: string, nowMs: number): boolean {
  if (!pass) return false;
  const parts = pass.split('.');
  if (parts.length !== 3 || parts[0] !== PASS_VERSION || !/^\d{1,12}$/.test(parts[1])) return false;
  const exp = Number(parts[1]);
  if (nowMs / 1000 > exp) return false;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = passSig(dropId, openid, exp);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function codeForClaim(claimId: string): string {
  return codeFromBytes(createHmac('sha256', keys().code).update(claimId).digest());
}

export function entrantKeyOf(dropId: string, openid: string): string {
  return createHmac('sha256', keys().entrant).update(`${dropId}.${openid}`).digest('hex').slice(0, 20);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
