import { ok } from '../../../shared/envelope';
import type { OptInRequest, OptInResult } from '../../../shared/notify/schemas';
import type { TemplateKey } from '../../../shared/notify/templates';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { addCredits, creditsOf, isDuplicate } from '../lib/subscriptions';

/**
 * The page reports what the member answered to `requestSubscribeMessage`: every 'accept' is one
 * one-time subscription, so one credit for that template. A retried report (same requestId)
 * adds nothing: the request is recorded under a deterministic id first.
 */
export const optIn = userAction<OptInRequest, OptInResult>('notify.optIn', async (input, ctx) => {
  const accepted = [...new Set(input.results.filter((r) => r.result === 'accept').map((r) => r.template))];
  let fresh = true;
  try {
    await ctx.db.collection(C.subscriptionOptIns).add({
      _id: `${ctx.openid}_${ctx.requestId}`.slice(0, 140),
      openid: ctx.openid,
      results: input.results,
      at: ctx.now(),
    });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    fresh = false;
  }
  if (fresh) await addCredits(ctx, ctx.openid, accepted);
  const credits = await creditsOf(ctx, ctx.openid);
  const out: Partial<Record<TemplateKey, number>> = {};
  for (const r of input.results) out[r.template] = credits[r.template] ?? 0;
  return ok({ credits: out });
});
