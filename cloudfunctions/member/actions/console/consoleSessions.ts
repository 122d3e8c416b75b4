/**
 * 我的 → 已登录的工作台: the caller's live console sessions, and revoking one. Only from the
 * mini-program (a console session cannot list or end the others). Revoking takes effect on the
 * console's next call: the router resolves the session on every call.
 */
import { ok } from '../../../../shared/envelope';
import type {
  ConsoleRevokeRequest,
  ConsoleRevokeResult,
  ConsoleSessionsRequest,
  ConsoleSessionsResult,
} from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { isLive, sessionEnd, type ConsoleSessionDoc } from '../../../_lib/consoleSession';
import { userAction } from '../../../_lib/router';

/** At most this many sessions are listed (a session lasts 8 hours at most). */
const LIST_LIMIT = 50;

export const consoleSessions = userAction<ConsoleSessionsRequest, ConsoleSessionsResult>('member.consoleSessions', async (_input, ctx) => {
  const now = ctx.now();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.consoleSessions)
    .where({ openid: ctx.openid, revokedAt: null, maxExpiresAt: _.gt(now) })
    .orderBy('createdAt', 'desc')
    .limit(LIST_LIMIT)
    .get();
  const sessions = (res.data as ConsoleSessionDoc[])
    .filter((s) => isLive(s, now))
    .map((s) => ({
      key: s._id,
      device: s.device,
      signedInAt: new Date(s.createdAt).toISOString(),
      lastSeenAt: new Date(s.lastSeenAt).toISOString(),
      expiresAt: sessionEnd(s).toISOString(),
    }));
  return ok({ sessions });
});

export const consoleRevoke = userAction<ConsoleRevokeRequest, ConsoleRevokeResult>('member.consoleRevoke', async (input, ctx) => {
  // Conditional on the owner: another admin's key revokes nothing and reveals nothing.
  const upd = await ctx.db
    .collection(C.consoleSessions)
    .where({ _id: input.key, openid: ctx.openid, revokedAt: null })
    .update({ revokedAt: ctx.now() });
  return ok({ revoked: upd.updated === 1 });
});
