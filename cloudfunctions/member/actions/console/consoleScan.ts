/**
 * 扫码登录工作台, step 1: the admin's mini-program read the QR code. Answers what the admin must
 * see before confirming (which device asks, when, and the unions they will act for) and marks
 * the ticket scanned so the console can say 「已扫码，请在手机上确认」. Admins only.
 */
import { ok } from '../../../../shared/envelope';
import type { ConsoleScanRequest, ConsoleScanResult } from '../../../../shared/member/console';
import { C } from '../../../_lib/collections';
import { requireAdmin } from '../../../_lib/roles';
import { userAction } from '../../../_lib/router';
import { unionsById } from '../../../_lib/unions';
import { openTicket } from '../../lib/consoleTickets';

export const consoleScan = userAction<ConsoleScanRequest, ConsoleScanResult>('member.consoleScan', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const now = ctx.now();
  const doc = await openTicket(ctx, input.ticket, now);
  if (doc.status === 'pending')
    await ctx.db.collection(C.consoleTickets).where({ _id: doc._id, status: 'pending' }).update({ status: 'scanned' });
  const unions = await unionsById(ctx, admin.unionIds);
  return ok({
    device: doc.device,
    requestedAt: new Date(doc.createdAt).toISOString(),
    expiresAt: new Date(doc.expiresAt).toISOString(),
    unionNames: admin.unionIds.map((id) => unions.get(id)?.name ?? '（已撤销的工会）'),
  });
});
