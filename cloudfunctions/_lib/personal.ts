/**
 * Keyed hashes of personal identifiers. A plain SHA-256 of an ID number could be reversed by
 * trying every birth date and sequence (about 10^10 candidates); an HMAC with a secret kept in
 * the function's environment cannot be, yet the same person always gets the same value, which
 * is all that uniqueness and "claim my imported record" need. The plain values are dropped
 * right after hashing and masking: never stored, logged or returned.
 */
import { createHmac } from 'node:crypto';
import { normalizeIdNumber } from '../../shared/member/idNumber';
import { normalizeName } from '../../shared/member/mask';

/**
 * The secrets the functions read from their environment: personal-data hashes, card tokens and
 * upload slots, and the signature of calls between functions (internal.ts). The deploy passes
 * them to every function (cloudbaserc.json `envVariables`); the local cloud generates them.
 */
export const SECRET_NAMES = ['ID_HASH_SECRET', 'CARD_TOKEN_SECRET', 'INTERNAL_CALL_SECRET'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Read a required secret; a missing secret is a deployment error, never a silent default. */
export function secretFromEnv(name: SecretName): string {
  const value = process.env[name];
  if (!value || value.length < 32) throw new Error(`${name} is not configured (set it in the function's environment)`);
  return value;
}

// Domain separation: a hash of an ID number can never equal a hash of a phone or a name.
function keyedHash(kind: string, value: string, secret = secretFromEnv('ID_HASH_SECRET')): string {
  return createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
}

/** 64 hex chars; the key of members and applications (one person, one record). */
export function hashIdNumber(idNumber: string, secret?: string): string {
  return keyedHash('id', normalizeIdNumber(idNumber), secret);
}

export function hashPhone(phone: string, secret?: string): string {
  return keyedHash('phone', phone.replace(/[\s-]/g, ''), secret);
}

/** Lets a claim check "name matches the imported record" without storing the full name. */
export function hashName(name: string, secret?: string): string {
  return keyedHash('name', normalizeName(name), secret);
}
