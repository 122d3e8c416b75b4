/**
 * benefit.adminCreate: a union admin publishes a drop for their union or one below it.
 * Idempotent by request id (the drop id derives from it). Written in an order that never
 * exposes a half-made drop: seed → draw record → stock shards → the drop document last.
 */
import { createHash } from 'node:crypto';
import { ok } from '../../../shared/envelope';
import { defaultOpening } from '../../../shared/benefit/rules';
import type { AdminCreateRequest, AdminCreateResult } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { lowerDue } from '../../_lib/schedule';
import { assertOwnImage } from '../../_lib/uploads';
import { asDate, isDuplicate, type DropDoc } from '../lib/docs';
import { newDropDocs, newSeed } from '../lib/newDrop';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function addOnce(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

export const adminCreate = userAction<AdminCreateRequest, AdminCreateResult>('benefit.adminCreate', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = (await ctx.db.collection(C.unions).doc(input.unionId).get()).data[0] as
    { _id: string; name: string; ancestors: string[] } | undefined;
  if (!union) throw new AppFailure('NOT_FOUND', '所选工会不存在');
  assertInScope(admin, union.ancestors);
  assertOwnImage(input.picture, union._id);

  const now = ctx.now().getTime();
  const opensAt = input.opensAt ?? defaultOpening(now);
  const closesAt = input.closesAt ?? opensAt + DAY;
  const redeemBy = input.redeemBy ?? closesAt + 30 * DAY;
  const isDraw = input.mode === 'draw';
  const registerOpensAt = isDraw ? (input.registerOpensAt ?? now) : null;
  const registerClosesAt = isDraw ? (input.registerClosesAt ?? opensAt - HOUR) : null;
  const limit = input.perMemberLimit ?? 1;
  if (opensAt <= now) throw new AppFailure('DROP_TIMES_INVALID', '开抢时间必须晚于现在');
  if (closesAt <= opensAt || redeemBy < closesAt) throw new AppFailure('DROP_TIMES_INVALID');
  if (
    isDraw &&
    (registerOpensAt === null || registerClosesAt === null || registerClosesAt <= registerOpensAt || registerClosesAt > opensAt - 60_000)
  ) {
    throw new AppFailure('DROP_TIMES_INVALID', '报名须在抽签（开抢时间）前至少 1 分钟截止，且截止时间晚于开始时间');
  }
  if (isDraw && limit !== 1) throw new AppFailure('INVALID_ARGUMENT', '预约抽签每人限 1 份');
  if (input.venue && (input.venue.name.trim().length < 2 || input.venue.address.trim().length < 4 || input.venue.hours.trim().length < 2)) {
    throw new AppFailure('INVALID_ARGUMENT', '请填写兑换地点的名称、地址和营业时间');
  }

  const dropId = 'd' + createHash('sha256').update(`${ctx.openid}:${ctx.requestId}`).digest('hex').slice(0, 20);
  // The timers that serve the drop run from its opening (_lib/schedule.ts): announced before the
  // drop is written (the time is in the future, so no run can miss it), and again by a retry.
  await lowerDue(ctx, 'benefit.reconcile', new Date(opensAt));
  if (isDraw) await lowerDue(ctx, 'benefit.draw', new Date(opensAt));
  const existing = (await ctx.db.collection(C.drops).doc(dropId).get()).data[0] as DropDoc | undefined;
  if (existing) return ok({ dropId, opensAt: asDate(existing.opensAt).getTime(), seedHash: existing.seedHash });

  let seed: string | undefined;
  if (isDraw) {
    // A retried create must keep the seed whose commitment may already be stored.
    await addOnce(ctx.db.collection(C.dropSecrets).add({ _id: dropId, seed: newSeed() }));
    seed = ((await ctx.db.collection(C.dropSecrets).doc(dropId).get()).data[0] as { seed: string }).seed;
  }
  const docs = newDropDocs({
    dropId,
    union,
    title: input.title,
    kind: input.kind,
    picture: input.picture ?? null,
    stock: input.stock,
    perMemberLimit: limit,
    mode: input.mode,
    requiredTags: input.requiredTags ?? [],
    opensAt,
    closesAt,
    redeemBy,
    registerOpensAt,
    registerClosesAt,
    expiryPolicy: input.expiryPolicy ?? 'report',
    venue: input.venue
      ? {
          name: input.venue.name,
          address: input.venue.address,
          hours: input.venue.hours,
          location: input.venue.location ?? null,
          phone: input.venue.phone ?? null,
        }
      : null,
    createdBy: ctx.openid,
    now,
    seed,
  });
  if (docs.draw) await addOnce(ctx.db.collection(C.dropDraws).add(docs.draw));
  for (const s of docs.stock) await addOnce(ctx.db.collection(C.dropStock).add(s));
  await addOnce(ctx.db.collection(C.drops).add(docs.drop));
  return ok({ dropId, opensAt, seedHash: docs.drop.seedHash });
});
