/**
 * The one-way stand-in for a deleted account's openid in the records that are kept
 * (`deleted:<keyed hash>`). Keyed with ID_HASH_SECRET, like every other personal hash: without
 * the secret nobody can tell whose it was or compute it from a list of openids; with it, the
 * union can still answer "is this record one of mine?" for a person who shows their openid
 * (and a repeated deletion of the same WeChat user lands on the same job document).
 */
import { createHmac } from 'node:crypto';
import { TOMBSTONE_PREFIX } from '../../../../shared/member/deletion';
import { secretFromEnv } from '../../../_lib/personal';

/** 32 hex characters: the `_id` of the account_deletions job and the tombstone's hash. */
export function openidKey(openid: string): string {
  return createHmac('sha256', secretFromEnv('ID_HASH_SECRET')).update(`openid:${openid}`).digest('hex').slice(0, 32);
}

export function tombstoneOf(openid: string): string {
  return `${TOMBSTONE_PREFIX}${openidKey(openid)}`;
}
