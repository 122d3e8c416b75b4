/**
 * The member card's QR token: `v1.<cardNo>.<expEpochSec>.<sig>`, sig = base64url
 * HMAC-SHA256(CARD_TOKEN_SECRET, "v1.<cardNo>.<exp>"). It lives CARD_TOKEN_TTL_SECONDS, so a
 * screenshot stops working within a minute; the card page fetches a new one before that.
 * Any function that checks membership at a venue can verify it with the same secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CARD_NO_PATTERN, CARD_TOKEN_TTL_SECONDS, CARD_TOKEN_VERSION } from '../../shared/member/card';
import { secretFromEnv } from './personal';

export type TokenCheck =
  { status: 'valid'; cardNo: string; exp: number } | { status: 'expired'; cardNo: string; exp: number } | { status: 'forged' };

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signCardToken(cardNo: string, nowMs: number, secret = secretFromEnv('CARD_TOKEN_SECRET')): { token: string; exp: number } {
  const exp = Math.floor(nowMs / 1000) + CARD_TOKEN_TTL_SECONDS;
  const payload = `${CARD_TOKEN_VERSION}.${cardNo}.${exp}`;
  return { token: `${payload}.${signature(payload, secret).toString('base64url')}`, exp };
}

/**
 * Check the signature first: an altered or made-up token is "forged" whatever its date says.
 * Only an authentic token can be "expired". A small grace absorbs clock skew between phones and
 * functions but never extends a token by more than a few seconds.
 */
export function verifyCardToken(token: string, nowMs: number, secret = secretFromEnv('CARD_TOKEN_SECRET'), graceSeconds = 5): TokenCheck {
  const parts = token.trim().split('.');
  if (parts.length !== 4) return { status: 'forged' };
  const [version, cardNo, expText, sig] = parts;
  if (version !== CARD_TOKEN_VERSION || !CARD_NO_PATTERN.test(cardNo) || !/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) {
    return { status: 'forged' };
  }
  const expected = signature(`${version}.${cardNo}.${expText}`, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 'forged' };
  const exp = Number(expText);
  const now = nowMs / 1000;
  // A genuine token never claims more than its lifetime: one that does was signed with a leaked
  // key or a bug, so treat it as forged rather than honour it.
  if (exp - now > CARD_TOKEN_TTL_SECONDS + graceSeconds) return { status: 'forged' };
  if (now > exp + graceSeconds) return { status: 'expired', cardNo, exp };
  return { status: 'valid', cardNo, exp };
}
