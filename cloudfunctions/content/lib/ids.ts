import { createHash } from 'node:crypto';
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

