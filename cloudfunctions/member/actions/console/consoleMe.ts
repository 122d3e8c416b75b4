/**
 * The signed-in console's own session: who it acts as (masked name, unions) and when it ends;
 * and 退出登录. Console sessions only.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsoleMeRequest, ConsoleMeResult, ConsoleSignOutRequest, ConsoleSignOutResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { resolveConsoleSession, sessionEnd } from '../../../_lib/consoleSession';
import { requireAdmin } from '../../../_lib/roles';
import { AppFailure, forConsole, userAction } from '../../../_lib/router';
import { unionsById } from '../../../_lib/unions';

export const consoleMe = forConsole(
  userAction<ConsoleMeRequest, ConsoleMeResult>('member.consoleMe', async (_input, ctx) => {
    if (!ctx.consoleSessionId) throw new AppFailure('CONSOLE_NOT_ALLOWED');
    const admin = await requireAdmin(ctx);
    const session = await resolveConsoleSession(ctx.db, ctx.consoleSessionId, ctx.now());
    if (!session) throw new AppFailure('CONSOLE_SESSION_INVALID');
    const unions = await unionsById(ctx, admin.unionIds);
    return ok({
      nameMasked: admin.user.nameMasked,
      unions: admin.unionIds.map((id) => ({ id, name: unions.get(id)?.name ?? '（已撤销的工会）' })),
      expiresAt: sessionEnd(session).toISOString(),
    });
  }),
);

export const consoleSignOut = forConsole(
  userAction<ConsoleSignOutRequest, ConsoleSignOutResult>('member.consoleSignOut', async (_input, ctx) => {
    if (!ctx.consoleSessionId) throw new AppFailure('CONSOLE_NOT_ALLOWED');
    await ctx.db.collection(C.consoleSessions).doc(ctx.consoleSessionId).update({ revokedAt: ctx.now() });
    return ok({ signedOut: true as const });
  }),
);
