/**
 * A fresh QR token (about 60 s) for the caller's own member card. A card the union suspended
 * gets none (CARD_REVOKED with the union's reason), so the card page stops showing a code.
 */
import { ok } from '../../../shared/envelope';
import { CARD_TOKEN_TTL_SECONDS } from '../../../shared/member/card';
import type { CardTokenRequest, CardTokenResult } from '../../../shared/member/schemas';
import { signCardToken } from '../../_lib/cardToken';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import type { MemberDoc } from '../lib/docs';
import { loadUser } from '../../_lib/roles';
import { holdsMembership } from '../lib/link';
import { revokedMessage } from '../lib/present';

export const cardToken = userAction<CardTokenRequest, CardTokenResult>('member.cardToken', async (_input, ctx) => {
  const user = await loadUser(ctx);
  if (!user || !holdsMembership(user) || !user.memberId) throw new AppFailure('CARD_NOT_ISSUED');
  const member = (await ctx.db.collection(C.members).doc(user.memberId).get()).data[0] as MemberDoc | undefined;
  if (!member) throw new AppFailure('CARD_NOT_ISSUED');
  // The member record decides (the user's `suspended` follows it in the same transaction).
  if (member.status !== 'active') throw new AppFailure('CARD_REVOKED', revokedMessage(member));
  const now = ctx.now().getTime();
  const { token, exp } = signCardToken(member.cardNo, now);
  return ok({ token, cardNo: member.cardNo, expiresAt: exp * 1000, ttlSeconds: CARD_TOKEN_TTL_SECONDS, serverTime: now });
});
