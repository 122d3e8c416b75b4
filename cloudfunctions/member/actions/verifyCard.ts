/**
 * Staff scan a member's QR code. The answer is a value (valid / expired / forged / revoked),
 * not an error: each is an expected outcome the staff screen shows. Any union admin may scan
 * for now (venue and merchant staff roles come later); only a valid token reveals the member's
 * masked name and union.
 */
import { ok } from '../../../shared/envelope';
import { ERROR_MESSAGES } from '../../../shared/errors';
import type { CardCheck, VerifyCardRequest, VerifyCardResult } from '../../../shared/member/schemas';
import { verifyCardToken } from '../../_lib/cardToken';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { MemberDoc } from '../lib/docs';
import { requireAdmin } from '../../_lib/roles';
import { findUnion } from '../../_lib/unions';

const MESSAGES: Record<CardCheck, string> = {
  valid: '有效会员',
  expired: ERROR_MESSAGES.CARD_TOKEN_EXPIRED,
  forged: ERROR_MESSAGES.CARD_TOKEN_FORGED,
  revoked: ERROR_MESSAGES.CARD_REVOKED,
};

export const verifyCard = userAction<VerifyCardRequest, VerifyCardResult>('member.verifyCard', async (input, ctx) => {
  await requireAdmin(ctx);
  const now = ctx.now().getTime();
  const answer = (result: CardCheck, member: VerifyCardResult['member'] = null) =>
    ok({ result, message: MESSAGES[result], member, checkedAt: now });
  const check = verifyCardToken(input.token, now);
  if (check.status !== 'valid') {
    ctx.log.info('card checked', { result: check.status });
    return answer(check.status);
  }
  const res = await ctx.db.collection(C.members).where({ cardNo: check.cardNo }).limit(1).get();
  const member = res.data[0] as MemberDoc | undefined;
  if (!member || member.status !== 'active') return answer('revoked');
  const union = await findUnion(ctx, member.unionId);
  ctx.log.info('card checked', { result: 'valid' });
  return answer('valid', { nameMasked: member.nameMasked, cardNo: member.cardNo, unionName: union?.name ?? '' });
});
