/**
 * The console asks to sign in: a new ticket (for the QR code) and poll key (kept by the browser),
 * valid 2 minutes. Anyone may ask; nothing is granted until an admin scans and confirms. Each
 * client (anonymous user, IP) may ask a limited number of times per window
 * (lib/consoleTicketLimit.ts): over it, RATE_LIMITED and no ticket is written.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsoleTicketRequest, ConsoleTicketResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { newSecret } from '../../../_lib/consoleSession';
import { publicAction } from '../../../_lib/router';
import { takeTicketSlot } from '../../lib/consoleTicketLimit';
import { ticketDoc } from '../../lib/consoleTickets';

export const consoleTicket = publicAction<ConsoleTicketRequest, ConsoleTicketResult>('member.consoleTicket', async (input, ctx) => {
  await takeTicketSlot(ctx);
  const ticket = newSecret();
  const pollKey = newSecret();
  const { _id, ...fields } = ticketDoc(ticket, pollKey, input.device.trim() || '未知设备', ctx.now());
  await ctx.db.collection(C.consoleTickets).doc(_id).set(fields);
  return ok({ ticket, pollKey, expiresAt: fields.expiresAt.toISOString() });
});
