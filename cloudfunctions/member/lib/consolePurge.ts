/**
 * Deletes what the 工会工作台 sign-in no longer needs: tickets past any use (expired, and past the
 * window in which a confirmed ticket could still be collected), sessions past their idle expiry
 * (which is never later than the 8-hour limit; a revoked session goes once its idle time has run
 * out too), and ticket-limit windows that have ended. Each is one indexed `where(...).remove()`
 * on a time that only moves into the past, so it can never touch a ticket or session still in
 * use. Any timer may call it; today the member timer `finishDeletions` does (every 10 minutes).
 */
import { C } from '../../_lib/collections';
import type { BaseContext } from '../../_lib/router';
import { CLAIM_WINDOW_MS } from './consoleTickets';

export interface ConsolePurged {
  tickets: number;
  sessions: number;
  limits: number;
}

export async function purgeConsoleSignIns(ctx: BaseContext): Promise<ConsolePurged> {
  const _ = ctx.db.command;
  const now = ctx.now().getTime();
  // A ticket confirmed just before it expired may be collected for CLAIM_WINDOW_MS after that.
  const tickets = await ctx.db
    .collection(C.consoleTickets)
    .where({ expiresAt: _.lt(new Date(now - CLAIM_WINDOW_MS)) })
    .remove();
  const sessions = await ctx.db
    .collection(C.consoleSessions)
    .where({ idleExpiresAt: _.lt(new Date(now)) })
    .remove();
  const limits = await ctx.db
    .collection(C.consoleTicketLimits)
    .where({ expiresAt: _.lt(new Date(now)) })
    .remove();
  return { tickets: tickets.deleted ?? 0, sessions: sessions.deleted ?? 0, limits: limits.deleted ?? 0 };
}
