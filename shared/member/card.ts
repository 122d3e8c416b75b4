/**
 * Member card numbers and the QR token's public facts. The token itself is signed and checked
 * only in cloud functions (cloudfunctions/_lib/cardToken.ts); the page just shows it as a QR
 * code and asks for a fresh one before it expires.
 */
import { toHalfWidth } from '../text';

/** Card numbers: "NB51" + 8-digit sequence, e.g. NB5100000042 (sequence from a counter document). */
export const CARD_NO_PREFIX = 'NB51';
export const CARD_NO_PATTERN = /^NB51\d{8}$/;

/**
 * What an admin types or pastes ("nb51 0000 0042", as the card prints it in groups of four,
 * full-width characters from a Chinese keyboard) → "NB5100000042"; null when it is not a card number.
 */
export function normalizeCardNo(input: string): string | null {
  const text = toHalfWidth(input)
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
  return CARD_NO_PATTERN.test(text) ? text : null;
}

export function formatCardNo(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999_999) throw new RangeError('card sequence out of range');
  return CARD_NO_PREFIX + String(seq).padStart(8, '0');
}

/** How long a QR token is accepted. */
export const CARD_TOKEN_TTL_SECONDS = 60;
/** The card page fetches a new token this long after the last one (before the old one lapses). */
export const CARD_TOKEN_REFRESH_SECONDS = 45;
/** Token format version; the whole token is `v1.<cardNo>.<expEpochSec>.<hmac-base64url>`. */
export const CARD_TOKEN_VERSION = 'v1';
