/** benefit.figures: claims over time, registrations, redemptions and expiries of one drop. */
import { ok } from '../../../shared/envelope';
import type { FiguresRequest, FiguresResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { forConsole, userAction } from '../../_lib/router';
import { adminDrop } from '../lib/admin';
import { cancellationOf } from '../lib/cancel';
import { allClaims, bucketSecondsFor } from '../lib/allClaims';
import { ms, type StockDoc } from '../lib/docs';

// 工会工作台 → 福利 too (admins only, checked by adminDrop).
export const figures = forConsole(
  userAction<FiguresRequest, FiguresResult>('benefit.figures', async (input, ctx) => {
    const { drop } = await adminDrop(ctx, input.dropId);
    const [claims, regs, stock] = await Promise.all([
      allClaims(ctx, drop._id),
      ctx.db.collection(C.dropRegistrations).where({ dropId: drop._id }).count(),
      ctx.db.collection(C.dropStock).where({ dropId: drop._id }).get(),
    ]);
    const times = claims.map((c) => ms(c.claimedAt) as number);
    const start = ms(drop.opensAt) as number;
    const end = times.length ? Math.max(...times) : start;
    const bucketSeconds = bucketSecondsFor(Math.max(1000, end - start));
    const size = bucketSeconds * 1000;
    const counts = new Map<number, number>();
    for (const t of times) {
      const at = start + Math.floor(Math.max(0, t - start) / size) * size;
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    const series = [];
    for (let at = start; at <= end; at += size) series.push({ at, claims: counts.get(at) ?? 0 });
    const shards = stock.data as StockDoc[];
    const soldOut = drop.mode === 'first_come' && shards.length > 0 && shards.every((s) => s.left === 0);
    return ok({
      dropId: drop._id,
      title: drop.title,
      mode: drop.mode,
      stock: drop.stock,
      bucketSeconds,
      series,
      claims: claims.length,
      registrations: regs.total ?? 0,
      redemptions: claims.filter((c) => c.status === 'redeemed').length,
      expired: claims.filter((c) => c.status === 'expired').length,
      soldOutAt: soldOut ? Math.max(...shards.map((s) => ms(s.lastTakenAt) ?? 0)) : null,
      cancelled: cancellationOf(drop),
    });
  }),
);
