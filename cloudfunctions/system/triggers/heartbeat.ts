import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import type { TriggerHandler } from '../../_lib/router';

/**
 * Records that timer triggers run (system_meta/heartbeat). After a deploy, an operator can see
 * in the database that the function's timers are live; locally, tests prove the cron runner.
 */
export const heartbeat: TriggerHandler = async (ctx, event) => {
  const at = ctx.now();
  await ctx.db
    .collection(C.meta)
    .doc('heartbeat')
    .set({ lastAt: at, scheduledFor: event.Time ?? null });
  return ok({ at: at.toISOString() });
};
