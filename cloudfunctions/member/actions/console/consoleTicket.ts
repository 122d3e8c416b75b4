/**
 * The console asks to sign in: a new ticket (for the QR code) and poll key (kept by the browser),
 * valid 2 minutes. Anyone may ask; nothing is granted until an admin scans and confirms.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsoleTicketRequest, ConsoleTicketResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { newSecret } from '../../../_lib/consoleSession';
import { publicAction } from '../../../_lib/router';
import { ticketDoc } from '../../lib/consoleTickets';

export const consoleTicket = publicAction<ConsoleTicketRequest, ConsoleTicketResult>('member.consoleTicket', async (input, ctx) => {
  const ticket = newSecret();
  const pollKey = newSecret();
  const { _id, ...fields } = ticketDoc(ticket, pollKey, input.device.trim() || '未知设备', ctx.now());
  await ctx.db.collection(C.consoleTickets).doc(_id).set(fields);
  return ok({ ticket, pollKey, expiresAt: fields.expiresAt.toISOString() });
});
