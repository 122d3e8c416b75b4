/**
 * The guardian's separate consent to processing children's personal information (children
 * under 14: sensitive personal information, PIPL art. 28/31). Asked once, before the first child
 * is added, separately from the general privacy guide.
 */
import { ok } from '../../../shared/envelope';
import { CHILD_CONSENT_VERSION } from '../../../shared/daycare/rules';
import type { ConsentRequest } from '../../../shared/daycare/schemas';
import type { ConsentResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { requireMember } from '../lib/access';

export const consent = userAction<ConsentRequest, ConsentResult>('daycare.consent', async (input, ctx) => {
  if (input.agree !== true) throw new AppFailure('DAYCARE_CONSENT_REQUIRED');
  await requireMember(ctx);
  const at = ctx.now();
  await ctx.db.collection(C.daycareConsents).doc(ctx.openid).set({ version: CHILD_CONSENT_VERSION, consentedAt: at });
  return ok({ consentedAt: at.toISOString() });
});
