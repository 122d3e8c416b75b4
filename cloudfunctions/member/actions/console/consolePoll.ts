/**
 * The console polls its ticket (with the poll key only it holds). Once an admin has confirmed,
 * the first poll collects a new session token; the ticket is then spent. A wrong poll key, an
 * unknown or a spent ticket all get the same answer. On CloudBase (CONSOLE_LOGIN_KEY set) the
 * answer also carries the custom-login ticket the console signs in to CloudBase with.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsolePollRequest, ConsolePollResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { newSessionDoc, sessionEnd, sha256Hex } from '../../../_lib/consoleSession';
import { AppFailure, publicAction } from '../../../_lib/router';
import { issueLoginTicket } from '../../lib/consoleLoginTicket';
import { CLAIM_WINDOW_MS, findTicket, isOpen } from '../../lib/consoleTickets';

export const consolePoll = publicAction<ConsolePollRequest, ConsolePollResult>('member.consolePoll', async (input, ctx) => {
  const now = ctx.now();
  const doc = await findTicket(ctx, input.ticket);
  if (!doc || doc.pollKeyHash !== sha256Hex(input.pollKey) || doc.status === 'claimed') throw new AppFailure('CONSOLE_TICKET_INVALID');
  if (isOpen(doc, now))
    return ok({ status: 'waiting', scanned: doc.status === 'scanned', expiresAt: new Date(doc.expiresAt).toISOString() });
  if (doc.status === 'declined') return ok({ status: 'declined' });
  if (doc.status !== 'confirmed' || !doc.openid || !doc.decidedAt || now.getTime() - new Date(doc.decidedAt).getTime() > CLAIM_WINDOW_MS) {
    return ok({ status: 'expired' });
  }
  // The session is written first and the ticket spent second: if two polls race, the loser
  // deletes its session, whose token nobody ever received.
  const { token, doc: session } = newSessionDoc(doc.openid, doc.device, now);
  const { _id, ...fields } = session;
  // Signed before anything is written: a signing failure leaves the ticket confirmed.
  let loginTicket: string | null;
  try {
    loginTicket = issueLoginTicket(_id);
  } catch (err) {
    // A deployment error (a broken key, or one of another environment): say which, never the key.
    ctx.log.error('console login ticket not issued: check CONSOLE_LOGIN_KEY', {
      reason: err instanceof Error ? err.message.slice(0, 120) : 'unknown',
    });
    throw new AppFailure('INTERNAL');
  }
  await ctx.db.collection(C.consoleSessions).doc(_id).set(fields);
  const upd = await ctx.db
    .collection(C.consoleTickets)
    .where({ _id: doc._id, status: 'confirmed' })
    .update({ status: 'claimed', claimedAt: now });
  if (upd.updated !== 1) {
    await ctx.db.collection(C.consoleSessions).doc(_id).remove();
    throw new AppFailure('CONSOLE_TICKET_INVALID');
  }
  ctx.log.info('console signed in');
  const expiresAt = sessionEnd(session).toISOString();
  return ok(loginTicket ? { status: 'signedIn', token, expiresAt, loginTicket } : { status: 'signedIn', token, expiresAt });
});
