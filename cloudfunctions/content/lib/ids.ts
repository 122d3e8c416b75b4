import { createHash, createHmac } from 'node:crypto';
import { secretFromEnv } from '../../_lib/personal';
export { isDuplicate } from '../../_lib/dbErrors';

/** A post created from a request gets an id derived from (admin, requestId): a retry creates nothing twice. */
export function postIdFor(openid: string, requestId: string): string {
  return `p_${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

export function signupIdFor(postId: string, openid: string): string {
  return `${postId}_${openid}`.slice(0, 140);
}

export function readIdFor(postId: string, openid: string): string {
  return `${postId}_${openid}`.slice(0, 140);
}

/**
 * The opaque key a roster gives for a sign-up and adminCheckIn takes back (the document id holds
 * the member's openid, which no answer may carry): "r" + 24 hex (96 bits) of
 * HMAC-SHA256(ID_HASH_SECRET, "rosterKey:" + JSON [postId, openid]). Its own label, so it never
 * equals another keyed value; bound to the post, so one member's keys in two activities cannot be
 * linked. Stored on the sign-up (`rosterKey`) so the check-in finds it by an index.
 */
export function rosterKeyOf(postId: string, openid: string, secret = secretFromEnv('ID_HASH_SECRET')): string {
  return `r${createHmac('sha256', secret)
    .update(`rosterKey:${JSON.stringify([postId, openid])}`)
    .digest('hex')
    .slice(0, 24)}`;
}
