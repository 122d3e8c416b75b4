/** benefit.myClaims (我的福利): the member's codes with status, and their draw registrations. */
import { ok } from '../../../shared/envelope';
import type { MyClaimsRequest, MyClaimsResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { claimView } from '../lib/claims';
import type { ClaimDoc, RegistrationDoc } from '../lib/docs';
import { registrationView } from './register';

export const myClaims = userAction<MyClaimsRequest, MyClaimsResult>('benefit.myClaims', async (_input, ctx) => {
  const now = ctx.now().getTime();
  const [claims, regs] = await Promise.all([
    ctx.db.collection(C.dropClaims).where({ openid: ctx.openid }).orderBy('claimedAt', 'desc').limit(100).get(),
    ctx.db.collection(C.dropRegistrations).where({ openid: ctx.openid }).orderBy('registeredAt', 'desc').limit(50).get(),
  ]);
  return ok({
    serverTime: now,
    claims: (claims.data as ClaimDoc[]).map((c) => claimView(c, now)),
    registrations: (regs.data as RegistrationDoc[]).map(registrationView),
  });
});
