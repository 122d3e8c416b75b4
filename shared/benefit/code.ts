/**
 * Redemption codes: 12 characters from a 32-letter alphabet without look-alikes (no I, O, 0, 1),
 * shown as XXXX-XXXX-XXXX. Staff may type them with spaces, dashes or lower case.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;
/** What the redeem form accepts before normalisation (validated again after it). */
export const CODE_INPUT_PATTERN = '^[A-Za-z0-9 -]{12,20}$';
const NORMAL = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Upper case without separators, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const c = input.replace(/[\s-]/g, '').toUpperCase();
  return NORMAL.test(c) ? c : null;
}

export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Encode bytes (≥ CODE_LENGTH) as a code: 5 bits per character. */
export function codeFromBytes(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length === CODE_LENGTH) break;
  }
  if (out.length < CODE_LENGTH) throw new Error('not enough bytes for a code');
  return out;
}
