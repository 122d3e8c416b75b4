/**
 * 工会工作台 login tickets (docs/console.md). The ticket travels in the QR code; the poll key stays
 * in the browser that asked. Both are stored only as SHA-256 hashes, so a reader of the database
 * can neither confirm a ticket nor collect its session. Every step is a conditional update on
 * the ticket's status: a ticket is confirmed once and its session collected once.
 */
import { CONSOLE_TICKET_TTL_MS } from '../../../shared/member/console';
import { C } from '../../_lib/collections';
import { sha256Hex } from '../../_lib/consoleSession';
import { AppFailure, type ActionContext } from '../../_lib/router';

export type TicketStatus = 'pending' | 'scanned' | 'confirmed' | 'declined' | 'claimed';

export interface ConsoleTicketDoc {
  _id: string;
  pollKeyHash: string;
  device: string;
  status: TicketStatus;
  createdAt: Date;
  expiresAt: Date;
  /** The admin who confirmed (or declined); null before. */
  openid: string | null;
  decidedAt: Date | null;
  claimedAt: Date | null;
}

/** After an admin confirms, the console has this long to collect its session (it polls every 2 s). */
export const CLAIM_WINDOW_MS = 60 * 1000;

export function ticketDoc(ticket: string, pollKey: string, device: string, now: Date): ConsoleTicketDoc {
  return {
    _id: sha256Hex(ticket),
    pollKeyHash: sha256Hex(pollKey),
    device,
    status: 'pending',
    createdAt: now,
    expiresAt: new Date(now.getTime() + CONSOLE_TICKET_TTL_MS),
    openid: null,
    decidedAt: null,
    claimedAt: null,
  };
}

export async function findTicket(ctx: ActionContext, ticket: string): Promise<ConsoleTicketDoc | null> {
  const res = await ctx.db.collection(C.consoleTickets).doc(sha256Hex(ticket)).get();
  return (res.data[0] as ConsoleTicketDoc | undefined) ?? null;
}

export function isOpen(doc: ConsoleTicketDoc, now: Date): boolean {
  return (doc.status === 'pending' || doc.status === 'scanned') && new Date(doc.expiresAt).getTime() > now.getTime();
}

/** The ticket a scanning admin may still act on; anything else is one answer, whatever the reason. */
export async function openTicket(ctx: ActionContext, ticket: string, now: Date): Promise<ConsoleTicketDoc> {
  const doc = await findTicket(ctx, ticket);
  if (!doc || !isOpen(doc, now)) throw new AppFailure('CONSOLE_TICKET_INVALID');
  return doc;
}
