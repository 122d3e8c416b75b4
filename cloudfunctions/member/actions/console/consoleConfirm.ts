/**
 * 扫码登录工作台, step 2: the admin confirms (or declines) the console's sign-in in the
 * mini-program. One conditional update: a ticket is decided once, before it expires, and only by
 * an admin; the console's poll then collects a session for this admin.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsoleConfirmRequest, ConsoleConfirmResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { requireAdmin } from '../../../_lib/roles';
import { AppFailure, userAction } from '../../../_lib/router';
import { openTicket } from '../../lib/consoleTickets';

export const consoleConfirm = userAction<ConsoleConfirmRequest, ConsoleConfirmResult>('member.consoleConfirm', async (input, ctx) => {
  await requireAdmin(ctx);
  const now = ctx.now();
  const doc = await openTicket(ctx, input.ticket, now);
  const _ = ctx.db.command;
  const upd = await ctx.db
    .collection(C.consoleTickets)
    .where({ _id: doc._id, status: _.in(['pending', 'scanned']), expiresAt: _.gt(now) })
    .update({ status: input.decision === 'confirm' ? 'confirmed' : 'declined', openid: ctx.openid, decidedAt: now });
  if (upd.updated !== 1) throw new AppFailure('CONSOLE_TICKET_INVALID');
  ctx.log.info('console sign-in decided', { decision: input.decision });
  return ok({ decision: input.decision });
});
