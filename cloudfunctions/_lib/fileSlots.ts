/**
 * Upload slots for images (post covers, drop pictures). Keys are derived from CARD_TOKEN_SECRET
 * with their own labels (as benefit/lib/keys.ts does), so no new production secret is needed and
 * no value here can be confused with a card token or a claim pass.
 *
 * - The **path signature** makes a cloud path provable: `covers/<union>/<yyyymm>/<p|d>_<nonce>_<sig>.<ext>`,
 *   sig = HMAC(slot key, "<union>/<yyyymm>/<p|d>_<nonce>.<ext>") (80 bits). Only a slot action,
 *   after checking the caller administers that union, can produce one; a post or drop is saved with
 *   a `cloud://` image only when its path carries a valid signature for that post's (drop's) union.
 *   A file someone uploaded to a made-up path under covers/ (CloudBase storage rules cannot tell
 *   an admin from a member) can therefore never be linked.
 * - The **upload token** (`u1.<exp>.<sig>` over path + caller openid + exp) lets the local cloud's
 *   storage endpoint accept an upload only to a path a slot issued to that caller, until the slot
 *   expires. CloudBase does not use it.
 *
 * A 工会工作台 session uploads as itself, not as the admin's WeChat user: its slots bind the token
 * to `consoleUploader(sessionId)` (the custom-login user id CloudBase storage would see; the ':'
 * never occurs in an openid, so neither token works on the other route). docs/console.md.
 *
 * Pure node:crypto (no SDK): the local cloud's front door imports it to check uploads.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseSlotPath, PURPOSE_LETTER, type ImageExt, type SlotPath, type UploadPurpose } from '../../shared/files/images';
import { formatBusiness } from '../../shared/time';
import { secretFromEnv } from './personal';

/** How long an issued slot accepts its upload. */
export const SLOT_TTL_MS = 10 * 60_000;
const TOKEN_VERSION = 'u1';

function keys(secret: string): { path: Buffer; token: Buffer } {
  const derive = (label: string) => createHmac('sha256', secret).update(`files:${label}`).digest();
  return { path: derive('slot-path-v1'), token: derive('upload-token-v1') };
}

function pathSig(key: Buffer, unionId: string, yyyymm: string, letter: string, nonce: string, ext: string): string {
  return createHmac('sha256', key).update(`${unionId}/${yyyymm}/${letter}_${nonce}.${ext}`).digest('hex').slice(0, 20);
}

function tokenSig(key: Buffer, path: string, openid: string, exp: number): Buffer {
  return createHmac('sha256', key).update(`${TOKEN_VERSION}.${exp}.${openid}.${path}`).digest().subarray(0, 24);
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The uploader a console session's slots are bound to (see above). */
export function consoleUploader(sessionId: string): string {
  return `console:${sessionId}`;
}

export interface NewSlot {
  cloudPath: string;
  uploadToken: string;
  expiresAt: number;
}

/** A fresh, signed cloud path for `unionId` and an upload token for `openid` (scope checked by the caller). */
export function issueSlot(
  input: { purpose: UploadPurpose; unionId: string; ext: ImageExt; openid: string; nowMs: number },
  secret = secretFromEnv('CARD_TOKEN_SECRET'),
): NewSlot {
  const k = keys(secret);
  const yyyymm = formatBusiness(input.nowMs, 'YYYYMM');
  const letter = PURPOSE_LETTER[input.purpose];
  const nonce = randomBytes(6).toString('hex');
  const sig = pathSig(k.path, input.unionId, yyyymm, letter, nonce, input.ext);
  const cloudPath = `covers/${input.unionId}/${yyyymm}/${letter}_${nonce}_${sig}.${input.ext}`;
  const expiresAt = input.nowMs + SLOT_TTL_MS;
  const exp = Math.floor(expiresAt / 1000);
  const uploadToken = `${TOKEN_VERSION}.${exp}.${tokenSig(k.token, cloudPath, input.openid, exp).toString('base64url')}`;
  return { cloudPath, uploadToken, expiresAt: exp * 1000 };
}

/** The parts of a cloud path a slot issued (its signature checks out), or null. */
export function verifySlotPath(path: string, secret = secretFromEnv('CARD_TOKEN_SECRET')): SlotPath | null {
  const parts = parseSlotPath(path);
  if (!parts) return null;
  const expected = pathSig(keys(secret).path, parts.unionId, parts.yyyymm, PURPOSE_LETTER[parts.purpose], parts.nonce, parts.ext);
  return sameHex(parts.sig, expected) ? parts : null;
}

export type TokenCheck = 'valid' | 'expired' | 'forged';

/** Whether `token` authorises `openid` to upload to `path` at `nowMs`. */
export function checkUploadToken(
  token: string,
  path: string,
  openid: string,
  nowMs: number,
  secret = secretFromEnv('CARD_TOKEN_SECRET'),
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION || !/^\d{1,12}$/.test(parts[1]) || !/^[A-Za-z0-9_-]{32}$/.test(parts[2]))
    return 'forged';
  const exp = Number(parts[1]);
  const given = Buffer.from(parts[2], 'base64url');
  const expected = tokenSig(keys(secret).token, path, openid, exp);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  if (nowMs / 1000 > exp) return 'expired';
  // A genuine token never lives longer than a slot: one that claims to was not issued by issueSlot.
  if (exp * 1000 - nowMs > SLOT_TTL_MS + 5000) return 'forged';
  return 'valid';
}
