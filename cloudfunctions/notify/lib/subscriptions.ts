/** `subscriptions/<openid>`: `credits.<template>` = unused one-time acceptances. */
import { C } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';
export { isDuplicate } from '../../_lib/dbErrors';
import { isDuplicate } from '../../_lib/dbErrors';

export interface SubscriptionDoc {
  _id: string;
  credits?: Record<string, number>;
  updatedAt?: Date;
}

export async function creditsOf(ctx: ActionContext, openid: string): Promise<Record<string, number>> {
  const res = await ctx.db.collection(C.subscriptions).doc(openid).get();
  return ((res.data[0] as SubscriptionDoc | undefined)?.credits ?? {}) as Record<string, number>;
}

/** Add one credit per accepted template. Creates the document on first use (race-safe). */
export async function addCredits(ctx: ActionContext, openid: string, templates: string[]): Promise<void> {
  if (templates.length === 0) return;
  const _ = ctx.db.command;
  const inc: Record<string, unknown> = { updatedAt: ctx.now() };
  for (const t of templates) inc[`credits.${t}`] = _.inc(1);
  const subs = ctx.db.collection(C.subscriptions);
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await subs.where({ _id: openid }).update(inc);
    if (res.updated === 1) return;
    try {
      await subs.add({ _id: openid, credits: Object.fromEntries(templates.map((t) => [t, 1])), updatedAt: ctx.now() });
      return;
    } catch (err) {
      if (!isDuplicate(err)) throw err; // created meanwhile by a parallel opt-in: update it
    }
  }
}
