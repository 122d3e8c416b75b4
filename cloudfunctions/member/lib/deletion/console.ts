/**
 * 注销账号, the 工会工作台: a former admin's console sessions (ended or not) and the sign-in
 * tickets they decided are deleted; they name the openid and serve no one else.
 */
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import type { Step, StepContext } from './job';

export const consoleStep: Step = {
  name: 'console',
  async run(ctx: BaseContext, sc: StepContext) {
    const sessions = await ctx.db.collection(C.consoleSessions).where({ openid: sc.openid }).remove();
    const tickets = await ctx.db.collection(C.consoleTickets).where({ openid: sc.openid }).remove();
    return { deleted: (sessions.deleted ?? 0) + (tickets.deleted ?? 0) };
  },
};
