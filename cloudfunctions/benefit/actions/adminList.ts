/**
 * benefit.adminList: drops of the admin's unions and their subtrees, newest opening first, with
 * 已撤回 (when, why, who) and until when 撤回 is still accepted (the page shows the button until then).
 */
import { ok } from '../../../shared/envelope';
import { cancelDeadline } from '../../../shared/benefit/rules';
import type { AdminListRequest, AdminListResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireAdmin } from '../../_lib/roles';
import { cancellationOf } from '../lib/cancel';
import { ms, type DropDoc, type StockDoc } from '../lib/docs';

export const adminList = userAction<AdminListRequest, AdminListResult>('benefit.adminList', async (_input, ctx) => {
  const admin = await requireAdmin(ctx);
  const now = ctx.now().getTime();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.drops)
    .where({ unionAncestors: _.in(admin.unionIds) })
    .orderBy('opensAt', 'desc')
    .limit(50)
    .get();
  const drops = res.data as DropDoc[];
  const unions = (
    await ctx.db
      .collection(C.unions)
      .where({ _id: _.in(admin.unionIds) })
      .field({ name: true })
      .get()
  ).data as Array<{ _id: string; name: string }>;
  const stock = drops.length
    ? ((
        await ctx.db
          .collection(C.dropStock)
          .where({ dropId: _.in(drops.map((d) => d._id)) })
          .limit(1000)
          .get()
      ).data as StockDoc[])
    : [];
  return ok({
    serverTime: now,
    unions: unions.map((u) => ({ id: u._id, name: u.name })),
    drops: drops.map((d) => {
      const shards = stock.filter((s) => s.dropId === d._id);
      const soldOut = d.mode === 'first_come' && shards.length > 0 && shards.every((s) => s.left === 0);
      return {
        id: d._id,
        title: d.title,
        kind: d.kind,
        mode: d.mode,
        unionName: d.unionName,
        stock: d.stock,
        opensAt: ms(d.opensAt) as number,
        closesAt: ms(d.closesAt) as number,
        soldOutAt: soldOut ? Math.max(...shards.map((s) => ms(s.lastTakenAt) ?? 0)) : null,
        drawnAt: ms(d.drawnAt),
        cancelled: cancellationOf(d),
        cancellableUntil:
          d.status === 'scheduled' && now < cancelDeadline(ms(d.opensAt) as number) ? cancelDeadline(ms(d.opensAt) as number) : null,
      };
    }),
  });
});
